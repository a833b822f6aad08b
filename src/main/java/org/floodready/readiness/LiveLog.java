package org.floodready.readiness;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The live log in PostgreSQL (table live_events): appended after commit, read by every node's feed. */
public final class LiveLog {
  /** Rows kept; a client further behind gets a fresh snapshot. */
  static final long KEEP_ROWS = 50_000;

  private final Pool pool;

  public LiveLog(Pool pool) {
    this.pool = pool;
  }

  /**
   * Appends the messages in order on one connection; answers them as written, with their ids. The payload
   * goes in as the JSON text the messages carry, so what is pushed directly is what the log holds.
   */
  Future<List<LiveMessage>> appendAll(OffsetDateTime at, String node, List<LiveAppender.Pending> messages) {
    List<Tuple> batch = new ArrayList<>();
    for (LiveAppender.Pending m : messages) {
      batch.add(Tuple.of(at, m.type(), m.unitId(), node, m.payloadJson()));
    }
    return pool.withConnection(conn -> conn.preparedQuery("INSERT INTO live_events (at, type, unit_id, node, payload)"
            + " VALUES ($1, $2, $3, $4, $5::text::jsonb) RETURNING id")
        .executeBatch(batch)
        .map(rows -> {
          List<LiveMessage> written = new ArrayList<>(messages.size());
          int i = 0;
          for (var set = rows; set != null; set = set.next()) {
            for (Row r : set) {
              LiveAppender.Pending m = messages.get(i++);
              written.add(new LiveMessage(r.getLong("id"), m.type(), m.unitId(), m.payloadJson()));
            }
          }
          return written;
        }));
  }

  /**
   * The last number handed out by the log's sequence. Every write whose event got a number up to this
   * one had committed before: figures computed from a read started after this call include them.
   */
  public Future<Long> currentSeq() {
    return pool.query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM live_events_id_seq")
        .execute()
        .map(rows -> rows.iterator().next().getLong("seq"));
  }

  public Future<List<LiveMessage>> after(long id, int limit) {
    return pool.preparedQuery("SELECT id, type, unit_id, payload FROM live_events WHERE id > $1 ORDER BY id LIMIT $2")
        .execute(Tuple.of(id, limit))
        .map(rows -> {
          List<LiveMessage> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(new LiveMessage(r.getLong("id"), r.getString("type"), r.getLong("unit_id"),
                (JsonObject) r.getJson("payload")));
          }
          return list;
        });
  }

  /** The oldest id still in the log, or null when the log is empty. */
  public Future<Long> oldestId() {
    return pool.query("SELECT min(id) AS id FROM live_events").execute()
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Long> newestId() {
    return pool.query("SELECT coalesce(max(id), 0) AS id FROM live_events").execute()
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Void> prune() {
    return pool.preparedQuery("DELETE FROM live_events WHERE id <= (SELECT max(id) FROM live_events) - $1")
        .execute(Tuple.of(KEEP_ROWS))
        .mapEmpty();
  }
}
