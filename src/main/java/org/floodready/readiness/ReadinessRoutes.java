package org.floodready.readiness;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.floodready.AppContext;
import org.floodready.auth.CurrentUser;
import org.floodready.auth.Role;
import org.floodready.http.ApiError;
import org.floodready.http.QueryParams;
import org.floodready.http.Respond;
import org.floodready.units.Unit;

/** The readiness snapshot: the whole picture, one unit, and the admin's live-vs-recompute check. */
public final class ReadinessRoutes {
  private final AppContext app;

  public ReadinessRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router api) {
    api.get("/readiness").handler(this::getReadiness);
    api.get("/readiness/verify").handler(this::verifyReadiness);
    api.get("/readiness/units/:unitId").handler(this::getUnitReadiness);
  }

  private ReadinessNode node() {
    return ReadinessNode.of(app.vertx());
  }

  /** The snapshot in the caller's scope; {@code level} keeps one level, {@code format=csv} gives the ranking sheet. */
  private void getReadiness(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    boolean csv = "csv".equals(q.oneOf("format", List.of("json", "csv")));
    String level = q.oneOf("level", Unit.LEVELS);
    node().scopes().of(user)
        .compose(scope -> node().service().snapshotBody(scope, level, csv))
        .onSuccess(answer -> {
          HttpServerResponse response = ctx.response().putHeader("Content-Length", Integer.toString(answer.length()));
          if (csv) {
            response.putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"readiness"
                    + (level == null ? "" : "-" + level) + ".csv\"");
          } else {
            response.putHeader("Content-Type", "application/json; charset=utf-8");
          }
          if (answer.first() != null) {
            response.write(answer.first());
          }
          response.end(answer.rest());
        })
        .onFailure(ctx::fail);
  }

  private void getUnitReadiness(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long unitId = QueryParams.pathId(ctx, "unitId");
    node().scopes().of(user)
        .compose(scope -> node().service().unit(unitId).map(entry -> {
          var found = entry.orElseThrow(() -> ApiError.notFound("Unit", unitId));
          if (!scope.allows(unitId)) {
            throw ApiError.forbidden("Unit " + unitId + " is outside your scope");
          }
          return found;
        }))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void verifyReadiness(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    node().service().verify()
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }
}
