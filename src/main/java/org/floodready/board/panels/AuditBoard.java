package org.floodready.board.panels;

import org.floodready.board.report.ReportDraft;
import org.floodready.board.report.ReportRepository;
import org.floodready.print.ReportTable;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.floodready.app.AppContext;

/** The foundation's part of the daily report: every audited change of the day (the duty log). */
public final class AuditBoard implements BoardPart {
  private final ReportRepository reports;

  AuditBoard(AppContext app) {
    this.reports = new ReportRepository(app.pool());
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return reports.changes(report.from, report.to, ReportDraft.MAX_ROWS).map(changes -> {
      List<List<Object>> rows = new ArrayList<>();
      for (ReportRepository.Change c : changes) {
        rows.add(List.of(report.time(c.at()), c.actor(), c.action(),
            c.entityType() + (c.entityId() == null ? "" : " #" + c.entityId())));
      }
      report.table(new ReportTable("changes", "值班记录 Changes of the day",
          List.of("时间 Time", "操作人 By", "操作 Action", "对象 Record"), rows, ReportDraft.limitNote(changes.size())));
      return null;
    });
  }
}
