package org.floodready.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Outcome;
import org.floodready.events.PendingEvents;

/**
 * The shape most write handlers share: the caller's role, the path id, the body and its check, then the write
 * in one transaction with the events it gathered appended last (once per Idempotency-Key when the request
 * sends one), its failure handed to the error handler.
 */
public final class WriteRoute {
  /** For {@link #handle}: any caller the write guard let through (the finer check is the write's own). */
  public static final Role[] ANYONE = {};

  /** What the write is given: the caller, the path id (0 without one), the body as sent and as checked. */
  public record Request<I>(CurrentUser user, long id, JsonObject body, I input) {
  }

  /** The write inside its transaction, with the events to fill. */
  @FunctionalInterface
  public interface InTx<T> {
    Future<T> apply(SqlConnection tx, PendingEvents events);
  }

  private WriteRoute() {
  }

  /**
   * Checks the role ({@code roles} empty: any caller), reads the path id {@code idParam} (null: none) and the
   * body, checks it with {@code check}, then runs {@code write}; a failure goes to {@code ctx.fail}.
   */
  public static <I> void handle(RoutingContext ctx, Role[] roles, String idParam, Function<JsonObject, I> check,
      Function<Request<I>, Future<?>> write) {
    CurrentUser user = roles.length == 0 ? CurrentUser.of(ctx) : CurrentUser.of(ctx).require(roles);
    long id = idParam == null ? 0 : QueryParams.pathId(ctx, idParam);
    JsonObject body = JsonInput.object(ctx);
    I input = check.apply(body);
    write.apply(new Request<>(user, id, body, input)).onFailure(ctx::fail);
  }

  /** Like {@link #inTransaction(RoutingContext, AppContext, JsonObject, InTx)} for a write answering JSON. */
  public static Future<Outcome> inTransaction(RoutingContext ctx, AppContext app, JsonObject body,
      int status, InTx<JsonObject> write) {
    return inTransaction(ctx, app, body, (tx, events) -> write.apply(tx, events)
        .map(json -> new Outcome(status, json)));
  }

  /**
   * Runs {@code write} in one transaction and appends the events it gathered at its end; with an
   * Idempotency-Key once per key (see {@link Idempotency#runIfKeyed}). Sends the outcome.
   */
  public static Future<Outcome> inTransaction(RoutingContext ctx, AppContext app, JsonObject body,
      InTx<Outcome> write) {
    PendingEvents events = new PendingEvents();
    return Idempotency.runIfKeyed(ctx, app, body, tx -> events.appendAfter(tx, app.events(), write.apply(tx, events)));
  }
}
