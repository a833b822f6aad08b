package org.floodready.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Function;
import org.floodready.app.AppContext;
import org.floodready.auth.CurrentUser;
import org.floodready.db.Transactions;

/**
 * Exactly-once writes for retried requests. The key row is inserted in the same transaction as
 * the write: a concurrent duplicate blocks on the primary key until the first commits, then finds
 * the stored answer; if the first rolled back, the duplicate runs the write itself.
 */
public final class Idempotency {
  public static final String HEADER = "Idempotency-Key";

  /** An answer to store and replay; {@code replayed} when it is the stored answer of an earlier request. */
  public record Outcome(int status, JsonObject body, boolean replayed) {
    public Outcome(int status, JsonObject body) {
      this(status, body, false);
    }
  }

  private static final class Replay extends RuntimeException {
    Replay() {
      super(null, null, false, false);
    }
  }

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
    return run(app.pool(), CurrentUser.of(ctx), key, request, app.now(), pipelined, write)
        .compose(outcome -> respond(ctx, outcome).map(outcome));
  }

  private static Future<Outcome> run(Pool pool, CurrentUser actor, String key, JsonObject request,
      OffsetDateTime now, boolean pipelined, Function<SqlConnection, Future<Outcome>> write) {
    String hash = sha256(request.encode());
    return Transactions.<Outcome>run(pool, tx -> {
      Future<RowSet<Row>> keyInserted = tx
          .preparedQuery("INSERT INTO idempotency_keys (actor_id, key, request_hash, created_at)"
              + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
          .execute(Tuple.of(actor.id(), key, hash, now));
      Future<Outcome> early = pipelined ? started(write, tx) : null;
      // An early write must have finished before the key's answer is acted on: a rollback sent while it
      // still chains statements would let the rest of them run outside the transaction, and commit.
      Future<RowSet<Row>> keyAnswer = early == null ? keyInserted
          : keyInserted.transform(answer -> early.transform(ignored -> answer.succeeded()
              ? Future.succeededFuture(answer.result()) : Future.failedFuture(answer.cause())));
      return keyAnswer.compose(inserted -> {
        if (inserted.rowCount() == 0) {
          return Future.failedFuture(new Replay());
        }
        return (early != null ? early : started(write, tx)).compose(outcome -> tx
            .preparedQuery("UPDATE idempotency_keys SET status = $3, response = $4"
                + " WHERE actor_id = $1 AND key = $2")
            .execute(Tuple.of(actor.id(), key, outcome.status(), outcome.body()))
            .map(outcome));
      });
    }).recover(failure -> failure instanceof Replay ? stored(pool, actor, key, hash) : Future.failedFuture(failure));
  }

  private static Future<Outcome> started(Function<SqlConnection, Future<Outcome>> write, SqlConnection tx) {
    try {
      return write.apply(tx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Sends an outcome. */
  public static Future<Void> respond(RoutingContext ctx, Outcome outcome) {
    return Respond.json(ctx, outcome.status(), outcome.body());
  }

  private static Future<Outcome> stored(Pool pool, CurrentUser actor, String key, String hash) {
    return pool.preparedQuery("SELECT request_hash, status, response FROM idempotency_keys"
            + " WHERE actor_id = $1 AND key = $2")
        .execute(Tuple.of(actor.id(), key))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (!row.getString("request_hash").equals(hash)) {
            throw ApiError.unprocessable("idempotency_key_reused",
                "This Idempotency-Key was already used for a different request");
          }
          return new Outcome(row.getInteger("status"), row.getJsonObject("response"), true);
        });
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
