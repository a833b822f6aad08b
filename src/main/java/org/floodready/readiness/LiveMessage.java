package org.floodready.readiness;

import io.vertx.core.json.JsonObject;

/** One row of the live log: its id is the SSE event id; type "readiness", "alert.raised", "stock.changed", ... */
public record LiveMessage(long id, String type, Long unitId, JsonObject payload) {

  /** The SSE event name: alert.* events travel as "alert", everything else under its own type. */
  public String eventName() {
    return type.startsWith("alert.") ? "alert" : type;
  }

  public String toSse() {
    return "id: " + id + "\nevent: " + eventName() + "\ndata: " + payload.encode() + "\n\n";
  }
}
