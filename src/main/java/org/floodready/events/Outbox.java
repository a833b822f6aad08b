package org.floodready.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a write's events into the event log (table live_events) inside the write's own transaction: the
 * event commits with the change or not at all. After the commit the node wakes every node's
 * {@link LogFollower} ({@link CommitNotifier}: no NOTIFY inside the write since V21). Append last, just before the commit: a log row's id is handed out at its insert,
 * so the earlier it is inserted the longer the followers may wait at its gap.
 */
public final class Outbox {
  /** One event of a write, not yet appended. */
  public record Event(String type, JsonObject payload) {
    public Event(EventType type, JsonObject payload) {
      this(type.wireName(), payload);
    }
  }

  static final String INSERT = "INSERT INTO live_events (at, type, unit_id, node, payload)"
      + " VALUES ($1, $2, $3, $4, $5::text::jsonb)";

  private final String node;
  private final Clock clock;

  public Outbox(String node, Clock clock) {
    this.node = node;
    this.clock = clock;
  }

  public Future<Void> append(SqlClient tx, EventType type, JsonObject payload) {
    return appendAll(tx, List.of(new Event(type, payload)));
  }

  /** Appends the events in order, in one round trip; nothing when the list is empty. */
  public Future<Void> appendAll(SqlClient tx, List<Event> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    OffsetDateTime at = OffsetDateTime.now(clock);
    List<Tuple> rows = new ArrayList<>(events.size());
    for (Event e : events) {
      JsonObject payload = stamped(e.type(), e.payload());
      rows.add(Tuple.of(at, e.type(), unitOf(payload), node, payload.encode()));
    }
    return (rows.size() == 1 ? tx.preparedQuery(INSERT).execute(rows.get(0))
        : tx.preparedQuery(INSERT).executeBatch(rows)).mapEmpty();
  }

  /** The payload as logged: the event's own fields, its type and the node that wrote it. */
  JsonObject stamped(String type, JsonObject payload) {
    return payload.copy().put("type", type).put("node", node);
  }

  static Long unitOf(JsonObject payload) {
    return payload.getValue("unitId") instanceof Number n ? n.longValue() : null;
  }

  public String node() {
    return node;
  }
}
