package org.floodready.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.floodready.events.EventLog;

/** The live log in PostgreSQL (table live_events) as the SSE push reads it back for a reconnecting client. */
public final class LiveLog {
  /** Rows kept; a client further behind gets a fresh snapshot. */
  static final long KEEP_ROWS = 50_000;

  private final Pool pool;
  private final EventLog events;

  public LiveLog(Pool pool) {
    this.pool = pool;
    this.events = new EventLog(pool);
  }

  /**
   * The last number handed out by the log's sequence: figures read after this call include every write
   * whose event got a number up to it and had committed. A write still committing with a smaller number
   * is not lost: its event, once committed, asks for a refresh that reads at this number or a later one,
   * and a part read at an equal or later number replaces the older one.
   */
  public Future<Long> currentSeq() {
    return pool.query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS seq FROM live_events_id_seq")
        .execute()
        .map(rows -> rows.iterator().next().getLong("seq"));
  }

  public Future<List<LiveMessage>> after(long id, int limit) {
    return events.after(id, limit).map(rows -> rows.stream()
        .map(e -> new LiveMessage(e.id(), e.type(), e.unitId(), e.payloadJson())).toList());
  }

  /** The oldest id still in the log, or null when the log is empty. */
  public Future<Long> oldestId() {
    return pool.query("SELECT min(id) AS id FROM live_events").execute()
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<Long> newestId() {
    return events.newestId();
  }

  public Future<Void> prune() {
    return pool.preparedQuery("DELETE FROM live_events WHERE id <= (SELECT max(id) FROM live_events) - $1")
        .execute(Tuple.of(KEEP_ROWS))
        .mapEmpty();
  }
}
