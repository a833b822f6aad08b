package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.floodready.cluster.DomainEvents;

/** Events gathered inside a transaction and published only after it committed. */
public final class PendingEvents {
  private record Pending(String type, JsonObject payload) {
  }

  private final List<Pending> pending = new ArrayList<>();

  public synchronized void add(String type, JsonObject payload) {
    pending.add(new Pending(type, payload));
  }

  void stockChanged(long unitId, long baseId, long itemId, long lotId, long movementId) {
    add("stock.changed", new JsonObject().put("unitId", unitId).put("baseId", baseId).put("itemId", itemId)
        .put("lotId", lotId).put("movementId", movementId));
  }

  /** Supplies were issued to an incident or came back from it ({@code action}: issued | returned). */
  void incidentSupplies(long incidentId, String action) {
    add("incident.supplies", new JsonObject().put("incidentId", incidentId).put("action", action));
  }

  public synchronized void publish(DomainEvents events) {
    pending.forEach(p -> events.publish(p.type(), p.payload()));
    pending.clear();
  }
}
