package org.floodready.requests;

import io.vertx.core.json.JsonObject;
import org.floodready.inventory.PendingEvents;

/**
 * Every event the request workflow emits, in one place: {@code request.changed} after each step of a request,
 * {@code dispatch.changed} when a dispatch leaves or arrives. Stock moves add inventory's own
 * {@code stock.changed} and {@code transfer.changed}. All wait in {@link PendingEvents} for the commit.
 */
final class RequestEvents {
  private RequestEvents() {
  }

  static void requestChanged(PendingEvents events, long requestId, long unitId, String status, String step) {
    events.add("request.changed", new JsonObject().put("requestId", requestId).put("unitId", unitId)
        .put("status", status).put("step", step));
  }

  static void dispatchChanged(PendingEvents events, long dispatchId, long requestId, long unitId, long fromBaseId,
      String status) {
    events.add("dispatch.changed", new JsonObject().put("dispatchId", dispatchId).put("requestId", requestId)
        .put("unitId", unitId).put("baseId", fromBaseId).put("status", status));
  }
}
