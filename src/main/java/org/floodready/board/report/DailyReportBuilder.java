package org.floodready.board.report;

import org.floodready.print.ReportTable;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;

/** Gathers the daily report for a date: each section from the domain that owns its data. */
public final class DailyReportBuilder {
  private final AppContext app;
  private final List<? extends ReportSource> parts;

  DailyReportBuilder(AppContext app, List<? extends ReportSource> parts) {
    this.app = app;
    this.parts = parts;
  }

  Future<DailyReport> build(LocalDate date, CurrentUser user) {
    ReportDraft draft = new ReportDraft(date, app.config().zone(), app.now());
    // Sections run one after another so their order is the parts' order.
    Future<Void> chain = Future.succeededFuture();
    for (ReportSource part : parts) {
      chain = chain.compose(v -> part.addToReport(draft));
    }
    return chain.map(v -> new DailyReport(date, draft.zone.getId(), draft.dateTime(app.now()), user.displayName(),
        sorted(draft.tables()), draft.charts()));
  }

  /** The duty log of changes goes last: it is the long appendix. */
  private static List<ReportTable> sorted(List<ReportTable> tables) {
    List<ReportTable> out = new ArrayList<>(tables);
    out.sort(Comparator.comparing(t -> t.id().equals("changes")));
    return out;
  }
}
