package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import org.floodready.events.EventType;
import org.floodready.events.PendingEvents;

/** The events inventory writes emit, added to the write's {@link PendingEvents}. */
final class InventoryEvents {
  private InventoryEvents() {
  }

  static void stockChanged(PendingEvents events, long unitId, long baseId, long itemId, long lotId, long movementId) {
    events.add(EventType.STOCK_CHANGED, new JsonObject().put("unitId", unitId).put("baseId", baseId)
        .put("itemId", itemId).put("lotId", lotId).put("movementId", movementId));
  }

  /** Supplies were issued to an incident or came back from it ({@code action}: issued | returned). */
  static void incidentSupplies(PendingEvents events, long incidentId, String action) {
    events.add(EventType.INCIDENT_SUPPLIES, new JsonObject().put("incidentId", incidentId).put("action", action));
  }
}
