package org.floodready.board;

import org.floodready.board.charts.ChartResponder;
import org.floodready.board.panels.BoardPart;
import org.floodready.board.panels.BoardParts;
import org.floodready.board.report.ReportRoutes;

import io.vertx.ext.web.Router;
import java.util.List;
import org.floodready.app.AppContext;

/** Everything of the duty-room board under /api: definition and panels, charts, the daily report. */
public final class DashboardRoutes {
  private final AppContext app;

  public DashboardRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router api) {
    List<BoardPart> parts = BoardParts.all(app);
    new BoardRoutes(app, parts).mount(api);
    ChartResponder charts = new ChartResponder(app);
    parts.forEach(part -> part.mountCharts(api, charts));
    new ReportRoutes(app, parts).mount(api);
  }
}
