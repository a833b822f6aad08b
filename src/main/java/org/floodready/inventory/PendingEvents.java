package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import org.floodready.events.DomainEvents;
import org.floodready.events.EventType;
import org.floodready.events.Outbox;

/**
 * The events of one inventory write, gathered while it runs and appended to the event log at its end,
 * inside the same transaction (last, so the log row's id is taken just before the commit).
 */
public final class PendingEvents {
  private final List<Outbox.Event> pending = new ArrayList<>();

  public synchronized void add(EventType type, JsonObject payload) {
    pending.add(new Outbox.Event(type, payload));
  }

  void stockChanged(long unitId, long baseId, long itemId, long lotId, long movementId) {
    add(EventType.STOCK_CHANGED, new JsonObject().put("unitId", unitId).put("baseId", baseId).put("itemId", itemId)
        .put("lotId", lotId).put("movementId", movementId));
  }

  /** Supplies were issued to an incident or came back from it ({@code action}: issued | returned). */
  void incidentSupplies(long incidentId, String action) {
    add(EventType.INCIDENT_SUPPLIES, new JsonObject().put("incidentId", incidentId).put("action", action));
  }

  /** Appends what was gathered inside the write's transaction {@code tx}. */
  public Future<Void> appendTo(SqlClient tx, DomainEvents events) {
    List<Outbox.Event> gathered;
    synchronized (this) {
      gathered = List.copyOf(pending);
      pending.clear();
    }
    return events.appendAll(tx, gathered);
  }

  /** Runs {@code write} and then appends its events in the same transaction. */
  public <T> Future<T> appendAfter(SqlClient tx, DomainEvents events, Future<T> write) {
    return write.compose(result -> appendTo(tx, events).map(result));
  }
}
