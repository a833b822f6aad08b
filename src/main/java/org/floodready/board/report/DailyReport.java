package org.floodready.board.report;

import org.floodready.print.ReportTable;

import org.floodready.board.charts.ChartSpec;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The duty room's daily report (日报) for one date in the district zone. */
public record DailyReport(LocalDate date, String zone, String generatedAt, String generatedBy,
    List<ReportTable> tables, List<Chart> charts) {

  /** A chart of the report: its spec for the PDF and its API path for the HTML page. */
  public record Chart(String title, String path, ChartSpec spec) {
  }

  public Optional<ReportTable> table(String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
