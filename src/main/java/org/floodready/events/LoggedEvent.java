package org.floodready.events;

import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * One committed row of the event log (table live_events) as a node's follower read it: its id (the SSE
 * event id), its type, the unit it belongs to and its payload as the JSON text it is stored as.
 */
public record LoggedEvent(long id, String type, Long unitId, String payloadJson) {

  /** The catalogue entry; empty for a type the catalogue does not list. */
  public Optional<EventType> kind() {
    return EventType.of(type);
  }

  public JsonObject payload() {
    return new JsonObject(payloadJson);
  }
}
