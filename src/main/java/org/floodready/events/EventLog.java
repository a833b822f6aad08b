package org.floodready.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the event log (table live_events) by id. */
public final class EventLog {
  private static final String COLUMNS = "SELECT id, type, unit_id, payload FROM live_events";

  /** Rows kept; a client further behind gets a fresh snapshot. */
  static final long KEEP_ROWS = 50_000;

  private final Pool pool;

  public EventLog(Pool pool) {
    this.pool = pool;
  }

  /** At most {@code limit} rows after {@code id}, in id order. */
  public Future<List<LoggedEvent>> after(long id, int limit) {
    return pool.preparedQuery(COLUMNS + " WHERE id > $1 ORDER BY id LIMIT $2").execute(Tuple.of(id, limit))
        .map(EventLog::events);
  }

  /**
   * Rows after {@code id} as {@link #after} reads them, with the {@code xmin} of the same snapshot: every
   * transaction whose id is below it had ended when the rows were read ({@link LogGap}).
   */
  public record Page(List<LoggedEvent> rows, long xmin) {
  }

  /**
   * {@code rows} (a query of the log with an {@code id} column) with its snapshot's {@code xmin} on every row,
   * and one row of nulls when it finds none: one statement, so one snapshot ({@link LogGap}).
   */
  public static String withHorizon(String rows) {
    return "SELECT pg_snapshot_xmin(s.snap)::text::bigint AS xmin,"
        + " e.* FROM (SELECT pg_current_snapshot() AS snap) s LEFT JOIN LATERAL (" + rows + ") e ON true"
        + " ORDER BY e.id";
  }

  /** Like {@link #after}, with the snapshot's {@code xmin} (one statement, so one snapshot). */
  public Future<Page> page(long id, int limit) {
    return pool.preparedQuery(withHorizon(COLUMNS + " WHERE id > $1 ORDER BY id LIMIT $2"))
        .execute(Tuple.of(id, limit))
        .map(rows -> {
          Row first = rows.iterator().next();
          List<LoggedEvent> events = new ArrayList<>(rows.size());
          for (Row r : rows) {
            if (r.getLong("id") != null) {
              events.add(event(r));
            }
          }
          return new Page(events, first.getLong("xmin"));
        });
  }

  /**
   * A transaction id drawn now, in a transaction of its own that ends at once: above the id of every
   * transaction that had one before this call ({@link LogGap#horizon}). It costs an id and writes nothing.
   */
  public Future<Long> drawTransactionId() {
    return pool.query("SELECT pg_current_xact_id()::text::bigint AS xid").execute()
        .map(rows -> rows.iterator().next().getLong("xid"));
  }

  /** Those of the given ids that are in the log now, in id order. */
  public Future<List<LoggedEvent>> withIds(Collection<Long> ids) {
    return pool.preparedQuery(COLUMNS + " WHERE id = ANY($1) ORDER BY id")
        .execute(Tuple.of(ids.toArray(new Long[0])))
        .map(EventLog::events);
  }

  public Future<Long> newestId() {
    return pool.query("SELECT coalesce(max(id), 0) AS id FROM live_events").execute()
        .map(rows -> rows.iterator().next().getLong("id"));
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

  public Future<Void> prune() {
    return pool.preparedQuery("DELETE FROM live_events WHERE id <= (SELECT max(id) FROM live_events) - $1")
        .execute(Tuple.of(KEEP_ROWS))
        .mapEmpty();
  }

  private static List<LoggedEvent> events(RowSet<Row> rows) {
    List<LoggedEvent> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      list.add(event(r));
    }
    return list;
  }

  private static LoggedEvent event(Row r) {
    // encoded here, not read as text: PostgreSQL's jsonb text has spaces the SSE payloads never had
    return new LoggedEvent(r.getLong("id"), r.getString("type"), r.getLong("unit_id"),
        ((JsonObject) r.getJson("payload")).encode());
  }
}
