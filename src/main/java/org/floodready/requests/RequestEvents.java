package org.floodready.requests;

import io.vertx.core.json.JsonObject;
import org.floodready.events.EventType;
import org.floodready.events.PendingEvents;

/**
 * Every event the request workflow emits, in one place: {@code request.changed} after each step of a request,
 * {@code dispatch.changed} when a dispatch leaves or arrives. Stock moves add inventory's own
 * {@code stock.changed} and {@code transfer.changed}. All are appended from {@link PendingEvents} inside the write's transaction.
 */
final class RequestEvents {
  private RequestEvents() {
  }

  static void requestChanged(PendingEvents events, long requestId, long unitId, String status, String step) {
    events.add(EventType.REQUEST_CHANGED, new JsonObject().put("requestId", requestId).put("unitId", unitId)
        .put("status", status).put("step", step));
  }

  static void dispatchChanged(PendingEvents events, long dispatchId, long requestId, long unitId, long fromBaseId,
      String status) {
    events.add(EventType.DISPATCH_CHANGED, new JsonObject().put("dispatchId", dispatchId).put("requestId", requestId)
        .put("unitId", unitId).put("baseId", fromBaseId).put("status", status));
  }
}
