package org.floodready.readiness;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.sheets.Xlsx;
import org.floodready.errors.ApiError;
import org.floodready.web.Gzip;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
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
    api.post("/admin/readiness/rebuild").handler(this::rebuildReadiness);
    api.get("/readiness/units/:unitId").handler(this::getUnitReadiness);
  }

  private ReadinessNode node() {
    return ReadinessNode.of(app.vertx());
  }

  /**
   * The snapshot in the caller's scope; {@code level} keeps one level, {@code parent} a unit's children,
   * {@code depth} the top levels; without them the levels from the top that fit the default's bound.
   * {@code page} and {@code size} page through the entries kept. {@code format=csv} gives the ranking sheet.
   */
  private void getReadiness(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    String format = q.oneOf("format", List.of("json", "csv", "xlsx"));
    boolean csv = "csv".equals(format);
    String level = q.oneOf("level", Unit.LEVELS);
    Long parent = q.id("parent");
    Integer depth = q.text("depth") == null ? null : q.integer("depth", 1, 1, Unit.LEVELS.size());
    SnapshotView.Filter filter = new SnapshotView.Filter(level, parent, depth, q.integer("page", 1, 1, 1_000_000),
        q.integer("size", SnapshotView.MAX_PAGE, 1, SnapshotView.MAX_PAGE));
    if ("xlsx".equals(format)) {
      rankingXlsx(ctx, user, level, filter);
      return;
    }
    if (!csv && Gzip.accepted(ctx)) {
      node().scopes().of(user)
          .compose(scope -> node().service().snapshotGzipped(scope, filter))
          .onSuccess(gzipped -> Gzip.send(ctx, "application/json; charset=utf-8", gzipped))
          .onFailure(ctx::fail);
      return;
    }
    node().scopes().of(user)
        .compose(scope -> node().service().snapshotBody(scope, filter, csv))
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

  /** The ranking sheet as .xlsx, from the same rows as the CSV. */
  private void rankingXlsx(RoutingContext ctx, CurrentUser user, String level, SnapshotView.Filter filter) {
    node().scopes().of(user)
        .compose(scope -> node().service().snapshot(scope, filter))
        .onSuccess(json -> {
          JsonArray units = new JsonArray();
          json.getJsonArray("units").forEach(u -> {
            if (level == null || level.equals(((JsonObject) u).getString("level"))) {
              units.add(u);
            }
          });
          Xlsx.send(app, ctx, "readiness" + (level == null ? "" : "-" + level), "备汛考核排名",
              ReadinessCsv.table(units));
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

  private void rebuildReadiness(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    long started = System.nanoTime();
    node().service().rebuild("asked by " + CurrentUser.of(ctx).username())
        .compose(v -> node().service().summary())
        .onSuccess(summary -> Respond.ok(ctx, summary.put("millis", (System.nanoTime() - started) / 1_000_000)))
        .onFailure(ctx::fail);
  }

  private void verifyReadiness(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    node().service().verify()
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }
}
