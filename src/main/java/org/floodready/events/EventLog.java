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

  private final Pool pool;

  public EventLog(Pool pool) {
    this.pool = pool;
  }

  /** At most {@code limit} rows after {@code id}, in id order. */
  public Future<List<LoggedEvent>> after(long id, int limit) {
    return pool.preparedQuery(COLUMNS + " WHERE id > $1 ORDER BY id LIMIT $2").execute(Tuple.of(id, limit))
        .map(EventLog::events);
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

  private static List<LoggedEvent> events(RowSet<Row> rows) {
    List<LoggedEvent> list = new ArrayList<>(rows.size());
    for (Row r : rows) {
      // encoded here, not read as text: PostgreSQL's jsonb text has spaces the SSE payloads never had
      list.add(new LoggedEvent(r.getLong("id"), r.getString("type"), r.getLong("unit_id"),
          ((JsonObject) r.getJson("payload")).encode()));
    }
    return list;
  }
}
