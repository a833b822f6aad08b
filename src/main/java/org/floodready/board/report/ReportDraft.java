package org.floodready.board.report;

import org.floodready.print.ReportTable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The daily report while its sections are gathered: the day as [from, to) in the district zone. */
public final class ReportDraft {
  public static final int MAX_ROWS = 500;
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

  public final LocalDate date;
  final ZoneId zone;
  public final OffsetDateTime from;
  public final OffsetDateTime to;
  final OffsetDateTime now;
  private final List<ReportTable> tables = new ArrayList<>();
  private final List<DailyReport.Chart> charts = new ArrayList<>();

  ReportDraft(LocalDate date, ZoneId zone, OffsetDateTime now) {
    this.date = date;
    this.zone = zone;
    this.from = date.atStartOfDay(zone).toOffsetDateTime();
    this.to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    this.now = now;
  }

  /** The moment the report describes: the end of the day, or now for today. */
  public OffsetDateTime asOf() {
    return now.isBefore(to) ? now : to;
  }

  public synchronized void table(ReportTable t) {
    tables.add(t);
  }

  public synchronized void chart(DailyReport.Chart c) {
    charts.add(c);
  }

  public String dateTime(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  public String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(HM);
  }

  public static String limitNote(int rows) {
    return rows >= MAX_ROWS ? "只列出前 " + MAX_ROWS + " 条 First " + MAX_ROWS + " only" : null;
  }

  synchronized List<ReportTable> tables() {
    return List.copyOf(tables);
  }

  synchronized List<DailyReport.Chart> charts() {
    return List.copyOf(charts);
  }
}
