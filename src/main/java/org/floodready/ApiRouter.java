package org.floodready;

import org.floodready.contract.ApiContract;
import org.floodready.web.FailureHandler;
import org.floodready.web.WriteGuard;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditRoutes;
import org.floodready.auth.AuthHandler;
import org.floodready.auth.AuthRoutes;
import org.floodready.auth.LoginLimiter;
import org.floodready.auth.UserAdminRoutes;
import org.floodready.auth.UserRepository;
import org.floodready.checkpoints.CheckpointRoutes;
import org.floodready.board.DashboardRoutes;
import org.floodready.inventory.InventoryRoutes;
import org.floodready.patrols.RiverChiefRoutes;
import org.floodready.units.UnitRoutes;

/** Everything under {@code /api}: body limit, authentication, the role check, the contract, then each domain's routes. */
public final class ApiRouter {
  private ApiRouter() {
  }

  public static Router create(AppContext app, LoginLimiter limiter, ApiContract contract) {
    Router api = Router.router(app.vertx());
    api.route().handler(BodyHandler.create(false).setBodyLimit(app.config().maxBodyBytes()));
    api.route().handler(new AuthHandler(app.tokens(), new UserRepository(app.pool())));
    api.route().handler(new WriteGuard());
    api.route().handler(contract.validation());

    new AuthRoutes(app, limiter).mount(api);
    new UserAdminRoutes(app).mount(api);
    new UnitRoutes(app).mount(api);
    new AuditRoutes(app).mount(api);
    new InventoryRoutes(app).mount(api);
    new CheckpointRoutes(app).mount(api);
    new RiverChiefRoutes(app).mount(api);
    new org.floodready.readiness.ReadinessRoutes(app).mount(api);
    new org.floodready.live.LiveRoutes(app).mount(api);
    new org.floodready.readiness.ClusterRoutes(app).mount(api);
    new DashboardRoutes(app).mount(api);
    new org.floodready.excel.ImportRoutes(app).mount(api);
    new org.floodready.duty.DutyRoutes(app).mount(api);
    new org.floodready.notify.NotificationRoutes(app).mount(api);
    new org.floodready.inspections.InspectionRoutes(app).mount(api);
    new org.floodready.requests.RequestRoutes(app).mount(api);
    new org.floodready.incidents.summary.SummaryRoutes(app,
        org.floodready.incidents.summary.RequestedLines.fromRequests(app.pool())).mount(api);
    new org.floodready.incidents.IncidentRoutes(app).mount(api);

    FailureHandler.install(api);
    return api;
  }
}
