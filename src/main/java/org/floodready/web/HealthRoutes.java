package org.floodready.web;

import org.floodready.errors.ApiError;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import org.floodready.app.AppContext;
import org.floodready.db.DatabaseSupervisor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /health}: the process answers. {@code /ready}: the database answers and the schema is in place.
 * While the embedded database is being restarted, writes under {@code /api} are refused with 503.
 */
public final class HealthRoutes {
  private static final Logger log = LoggerFactory.getLogger(HealthRoutes.class);
  static final String UNAVAILABLE = "数据库暂不可用，请稍后重试 / The database is unavailable; try again shortly";
  static final String RETRY_AFTER_SECONDS = "5";

  private final AppContext app;

  public HealthRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router router) {
    router.get("/health").handler(this::alive);
    router.get("/ready").handler(this::ready);
    router.route("/api/*").handler(this::refuseWritesWhileDatabaseDown);
  }

  private void alive(RoutingContext ctx) {
    Respond.ok(ctx, new JsonObject().put("status", "up").put("time", app.iso(app.now())));
  }

  private void ready(RoutingContext ctx) {
    DatabaseSupervisor.State state = DatabaseSupervisor.state(app.vertx());
    if (state != DatabaseSupervisor.State.UP) {
      notReady(ctx, state == DatabaseSupervisor.State.RECOVERING ? "database_recovering" : "database_down");
      return;
    }
    // versions are text ('12' < '8'): the newest is the one installed last
    app.pool().query("SELECT (SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
            + " ORDER BY installed_rank DESC LIMIT 1) AS version, bool_and(success) AS ok FROM flyway_schema_history")
        .execute()
        .onSuccess(rows -> {
          Row r = rows.iterator().next();
          boolean ok = Boolean.TRUE.equals(r.getBoolean("ok"));
          Respond.json(ctx, ok ? 200 : 503, new JsonObject()
              .put("status", ok ? "ready" : "migrations_incomplete")
              .put("schemaVersion", r.getString("version")));
        })
        .onFailure(e -> {
          // the cause (driver, host, port) goes to the log, never to the unauthenticated answer
          log.debug("Readiness probe: database unreachable: {}", e.toString());
          notReady(ctx, "not_ready");
        });
  }

  private static void notReady(RoutingContext ctx, String status) {
    ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS);
    Respond.json(ctx, 503, unavailable().toJson().put("status", status));
  }

  static ApiError unavailable() {
    return new ApiError(503, "database_unavailable", UNAVAILABLE, null);
  }

  private void refuseWritesWhileDatabaseDown(RoutingContext ctx) {
    HttpMethod m = ctx.request().method();
    boolean write = m != HttpMethod.GET && m != HttpMethod.HEAD && m != HttpMethod.OPTIONS;
    if (write && DatabaseSupervisor.state(app.vertx()) != DatabaseSupervisor.State.UP) {
      ctx.fail(unavailable());
      return;
    }
    ctx.next();
  }
}
