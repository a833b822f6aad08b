package org.floodready.dashboard;

import io.vertx.ext.web.Router;
import org.floodready.AppContext;

/** Everything of the duty-room board under /api: definition and panels, charts, the daily report. */
public final class DashboardRoutes {
  private final AppContext app;

  public DashboardRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router api) {
    new BoardRoutes(app).mount(api);
    new ChartRoutes(app).mount(api);
    new ReportRoutes(app).mount(api);
  }
}
