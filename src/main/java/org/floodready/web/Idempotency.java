package org.floodready.web;

import org.floodready.errors.ApiError;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.db.IdempotencyKeys;
import org.floodready.db.Outcome;

/**
 * Exactly-once writes for retried requests. The key row is inserted in the same transaction as
 * the write: a concurrent duplicate blocks on the primary key until the first commits, then finds
 * the stored answer; if the first rolled back, the duplicate runs the write itself.
 */
public final class Idempotency {
  public static final String HEADER = "Idempotency-Key";

  private Idempotency() {
  }

  /** The request's key; 400 when absent or unusable. */
  public static String requireKey(RoutingContext ctx) {
    String key = ctx.request().getHeader(HEADER);
    if (key == null || key.isBlank()) {
      throw new ApiError(400, "idempotency_key_required",
          "Send an Idempotency-Key header (e.g. a UUID) so a retry cannot apply this change twice",
          java.util.Map.of(HEADER, "is required"));
    }
    if (key.length() > 200) {
      throw ApiError.invalid(HEADER, "must be at most 200 characters");
    }
    return key.trim();
  }

  /**
   * Runs {@code write} in a transaction exactly once per (caller, Idempotency-Key) and sends its
   * outcome; a retry gets the first outcome again. The key is bound to method, path and body.
   */
  public static Future<Outcome> run(RoutingContext ctx, AppContext app, JsonObject body,
      Function<SqlConnection, Future<Outcome>> write) {
    return run(ctx, app, body, false, write);
  }

  /**
   * Like {@link #run(RoutingContext, AppContext, JsonObject, Function)}, but the write's first statements go
   * out in the same round trip as the key's insert instead of after its answer. Only for writes that do
   * nothing outside the transaction before it commits: on a retry the write runs too and is rolled back
   * (the caller must then not publish what it gathered; see {@link Outcome#replayed()}).
   */
  public static Future<Outcome> runPipelined(RoutingContext ctx, AppContext app, JsonObject body,
      Function<SqlConnection, Future<Outcome>> write) {
    return run(ctx, app, body, true, write);
  }

  /**
   * For writes where the key is optional: with an Idempotency-Key header like {@link #run(RoutingContext,
   * AppContext, JsonObject, Function)}, without one in a plain transaction; sends the outcome either way.
   */
  public static Future<Outcome> runIfKeyed(RoutingContext ctx, AppContext app, JsonObject body,
      Function<SqlConnection, Future<Outcome>> write) {
    return ctx.request().getHeader(HEADER) != null ? run(ctx, app, body, write)
        : app.pool().withTransaction(write::apply).compose(o -> respond(ctx, o).map(o));
  }

  private static Future<Outcome> run(RoutingContext ctx, AppContext app, JsonObject body, boolean pipelined,
      Function<SqlConnection, Future<Outcome>> write) {
    String key = requireKey(ctx);
    JsonObject request = new JsonObject().put("method", ctx.request().method().name())
        .put("path", ctx.request().path()).put("body", body);
    return IdempotencyKeys.run(app.pool(), CurrentUser.of(ctx).id(), key, request, app.now(), pipelined, write)
        .compose(answer -> Respond.json(ctx, answer.outcome().status(), answer.json()).map(answer.outcome()));
  }

  /** Sends an outcome. */
  public static Future<Void> respond(RoutingContext ctx, Outcome outcome) {
    return Respond.json(ctx, outcome.status(), outcome.body());
  }
}
