package org.floodready.dashboard;

import io.vertx.ext.web.Router;
import org.floodready.AppContext;

/** Server-rendered charts (PNG, cached, ETag/304) under /api/charts. */
final class ChartRoutes {
  private final AppContext app;
  private final ChartResponder responder;

  ChartRoutes(AppContext app) {
    this.app = app;
    this.responder = new ChartResponder(app);
  }

  void mount(Router api) {
  }
}
