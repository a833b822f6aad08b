package org.floodready.dashboard;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.floodready.AppContext;
import org.floodready.auth.CurrentUser;

/** Gathers the daily report for a date: each section from the domain that owns its data. */
final class DailyReportBuilder {
  static final int MAX_ROWS = 500;
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

  private final AppContext app;
  private final ReportRepository reports;

  DailyReportBuilder(AppContext app) {
    this.app = app;
    this.reports = new ReportRepository(app.pool());
  }

  Future<DailyReport> build(LocalDate date, CurrentUser user) {
    ZoneId zone = app.config().zone();
    OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    List<ReportTable> tables = new ArrayList<>();
    List<DailyReport.Chart> charts = new ArrayList<>();
    return reports.changes(from, to, MAX_ROWS)
        .map(changes -> {
          tables.add(changesTable(changes, zone));
          return new DailyReport(date, zone.getId(), app.iso(app.now()), user.displayName(), tables, charts);
        });
  }

  private static ReportTable changesTable(List<ReportRepository.Change> changes, ZoneId zone) {
    List<List<Object>> rows = new ArrayList<>();
    for (ReportRepository.Change c : changes) {
      rows.add(List.of(c.at().atZoneSameInstant(zone).format(HM), c.actor(), c.action(),
          c.entityType() + (c.entityId() == null ? "" : " #" + c.entityId())));
    }
    return new ReportTable("changes", "值班记录 Changes of the day", List.of("时间 Time", "操作人 By", "操作 Action",
        "对象 Record"), rows, changes.size() >= MAX_ROWS ? "只列出前 " + MAX_ROWS + " 条 First " + MAX_ROWS + " only"
        : null);
  }
}
