package org.floodready.db;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
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
import org.floodready.errors.ApiError;

/**
 * The table {@code idempotency_keys}: a write runs exactly once per (caller, key). The key row is inserted in the
 * same transaction as the write: a concurrent duplicate blocks on the primary key until the first commits, then
 * finds the stored answer; if the first rolled back, the duplicate runs the write itself.
 */
public final class IdempotencyKeys {
  private static final class Replay extends RuntimeException {
    Replay() {
      super(null, null, false, false);
    }
  }

  /** An outcome and its body as JSON text, encoded once for both the key's row and the HTTP answer. */
  public record Answer(Outcome outcome, String json) {
    static Answer of(Outcome outcome) {
      return new Answer(outcome, outcome.body() == null ? null : outcome.body().encode());
    }
  }

  private IdempotencyKeys() {
  }

  /**
   * Runs {@code write} in a transaction unless {@code key} already holds the answer to the same {@code request};
   * {@code pipelined}: the write's first statements go out in the same round trip as the key's insert.
   */
  public static Future<Answer> run(Pool pool, long actorId, String key, JsonObject request,
      OffsetDateTime now, boolean pipelined, Function<SqlConnection, Future<Outcome>> write) {
    String hash = sha256(request.encode());
    return Transactions.<Answer>run(pool, tx -> {
      Future<RowSet<Row>> keyInserted = tx
          .preparedQuery("INSERT INTO idempotency_keys (actor_id, key, request_hash, created_at)"
              + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING")
          .execute(Tuple.of(actorId, key, hash, now));
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
        return (early != null ? early : started(write, tx)).map(Answer::of).compose(answer -> tx
            .preparedQuery("UPDATE idempotency_keys SET status = $3, response = $4::text::jsonb"
                + " WHERE actor_id = $1 AND key = $2")
            .execute(Tuple.of(actorId, key, answer.outcome().status(), answer.json()))
            .map(answer));
      });
    }).recover(failure -> failure instanceof Replay ? stored(pool, actorId, key, hash) : Future.failedFuture(failure));
  }

  private static Future<Outcome> started(Function<SqlConnection, Future<Outcome>> write, SqlConnection tx) {
    try {
      return write.apply(tx);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static Future<Answer> stored(Pool pool, long actorId, String key, String hash) {
    return pool.preparedQuery("SELECT request_hash, status, response FROM idempotency_keys"
            + " WHERE actor_id = $1 AND key = $2")
        .execute(Tuple.of(actorId, key))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (!row.getString("request_hash").equals(hash)) {
            throw ApiError.unprocessable("idempotency_key_reused",
                "This Idempotency-Key was already used for a different request");
          }
          return Answer.of(new Outcome(row.getInteger("status"), row.getJsonObject("response"), true));
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
