package org.floodready.patrols;

import io.vertx.ext.web.Router;
import org.floodready.app.AppContext;

/** Everything of the river-chief domain under {@code /api}: rivers, reaches, patrols, hazards, compliance. */
public final class RiverChiefRoutes {
  private final AppContext app;

  public RiverChiefRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router api) {
    new RiverRoutes(app).mount(api);
    new PatrolRoutes(app).mount(api);
    new HazardWorkflowRoutes(app).mount(api);
    new HazardPhotoRoutes(app).mount(api);
    new HazardRoutes(app).mount(api);
    new ComplianceRoutes(app).mount(api);
  }
}
