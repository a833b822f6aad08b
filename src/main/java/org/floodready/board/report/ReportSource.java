package org.floodready.board.report;

import io.vertx.core.Future;

/** What adds sections to the daily report (each board part, for the data its domain owns). */
public interface ReportSource {
  Future<Void> addToReport(ReportDraft report);
}
