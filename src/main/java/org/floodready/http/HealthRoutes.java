package org.floodready.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import org.floodready.AppContext;

/** {@code /health}: the process answers. {@code /ready}: the database answers and the schema is in place. */
public final class HealthRoutes {
  private final AppContext app;

  public HealthRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::alive);
    router.get("/ready").handler(this::ready);
  }

  private void alive(RoutingContext ctx) {
    Respond.ok(ctx, new JsonObject().put("status", "up").put("time", app.iso(app.now())));
  }

  private void ready(RoutingContext ctx) {
    app.pool().query("SELECT max(version) AS version, bool_and(success) AS ok FROM flyway_schema_history")
        .execute()
        .onSuccess(rows -> {
          Row r = rows.iterator().next();
          boolean ok = Boolean.TRUE.equals(r.getBoolean("ok"));
          Respond.json(ctx, ok ? 200 : 503, new JsonObject()
              .put("status", ok ? "ready" : "migrations_incomplete")
              .put("schemaVersion", r.getString("version")));
        })
        .onFailure(e -> Respond.json(ctx, 503, new ApiError(503, "database_unavailable",
            "The database cannot be reached: " + e.getMessage(), null).toJson().put("status", "not_ready")));
  }
}
