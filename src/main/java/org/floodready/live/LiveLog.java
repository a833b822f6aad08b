package org.floodready.live;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import org.floodready.events.EventLog;

/**
 * The live log in PostgreSQL (table live_events) as the SSE push reads it back for a reconnecting client or
 * one catching up, the node's newest messages from memory ({@link RecentMessages}).
 */
public final class LiveLog {
  /** Messages kept in memory: more than a replay ({@link LiveRoutes#MAX_REPLAY}) reaches back. */
  static final int RECENT = 10_000;

  private final Pool pool;
  private final EventLog events;
  private final RecentMessages recent = new RecentMessages(RECENT);

  public LiveLog(Pool pool) {
    this.pool = pool;
    this.events = new EventLog(pool);
  }

  private Future<List<LiveMessage>> after(long id, int limit) {
    return events.after(id, limit).map(rows -> rows.stream()
        .map(e -> new LiveMessage(e.id(), e.type(), e.unitId(), e.payloadJson())).toList());
  }

  /**
   * Up to {@code limit} messages after {@code id} as the node's clients get them, in id order; null when the
   * log no longer reaches back to {@code id}. From memory when it reaches back that far, else from the table.
   */
  public Future<List<LiveMessage>> since(long id, int limit) {
    List<LiveMessage> kept = recent.after(id, limit);
    if (kept != null) {
      return Future.succeededFuture(kept);
    }
    return after(id, limit).compose(rows -> rows.isEmpty() || rows.get(0).id() > id + 1
        ? oldestId().map(oldest -> oldest == null || oldest > id + 1 ? null : rows)
        : Future.succeededFuture(rows));
  }

  /** Whether the messages after {@code id} can still be read ({@link #since}). */
  public Future<Boolean> reaches(long id) {
    if (recent.after(id, 0) != null) {
      return Future.succeededFuture(true);
    }
    return oldestId().map(oldest -> oldest != null && oldest <= id + 1);
  }

  /** The feed starts handing over the messages after {@code cursor}. */
  void startAt(long cursor) {
    recent.startAt(cursor);
  }

  /** A batch the feed hands to its clients (in id order): kept for those that read it later. */
  void handedOver(List<LiveMessage> batch) {
    recent.add(batch);
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
