package org.floodready.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one write, gathered while it runs and appended to the event log at its end, inside the same
 * transaction (last, so the log row's id is taken just before the commit). Every domain's writes use it; each
 * domain builds its own payloads (e.g. inventory's {@code InventoryEvents}). One instance belongs to one
 * write's call chain, which runs on one event loop: no locks.
 */
public final class PendingEvents {
  private final List<Outbox.Event> pending = new ArrayList<>();

  public PendingEvents add(EventType type, JsonObject payload) {
    pending.add(new Outbox.Event(type, payload));
    return this;
  }

  /** Appends what was gathered inside the write's transaction {@code tx}. */
  public Future<Void> appendTo(SqlClient tx, DomainEvents events) {
    List<Outbox.Event> gathered = List.copyOf(pending);
    pending.clear();
    return events.appendAll(tx, gathered);
  }

  /** Runs {@code write} and then appends its events in the same transaction. */
  public <T> Future<T> appendAfter(SqlClient tx, DomainEvents events, Future<T> write) {
    return write.compose(result -> appendTo(tx, events).map(result));
  }
}
