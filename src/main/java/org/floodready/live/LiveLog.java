package org.floodready.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.floodready.events.EventLog;

/** The live log in PostgreSQL (table live_events) as the SSE push reads it back for a reconnecting client. */
public final class LiveLog {
  private final Pool pool;
  private final EventLog events;

  public LiveLog(Pool pool) {
    this.pool = pool;
    this.events = new EventLog(pool);
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
}
