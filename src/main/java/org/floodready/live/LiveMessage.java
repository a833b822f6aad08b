package org.floodready.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * One row of the live log: its id is the SSE event id; type "readiness", "alert.raised", "stock.changed", ...
 * The payload is kept as the JSON text it travels as, and the SSE frame is encoded once, then written to
 * every client (a Vert.x heap buffer can be written to many responses: each write takes its own slice).
 */
public final class LiveMessage {
  private final long id;
  private final String type;
  private final Long unitId;
  private final String payloadJson;
  private volatile Buffer frame;

  public LiveMessage(long id, String type, Long unitId, JsonObject payload) {
    this(id, type, unitId, payload.encode());
  }

  LiveMessage(long id, String type, Long unitId, String payloadJson) {
    this.id = id;
    this.type = type;
    this.unitId = unitId;
    this.payloadJson = payloadJson;
  }

  public long id() {
    return id;
  }

  public String type() {
    return type;
  }

  public Long unitId() {
    return unitId;
  }

  public JsonObject payload() {
    return new JsonObject(payloadJson);
  }

  /** The SSE event name: alert.* events travel as "alert", everything else under its own type. */
  public String eventName() {
    return type.startsWith("alert.") ? "alert" : type;
  }

  public String toSse() {
    return "id: " + id + "\nevent: " + eventName() + "\ndata: " + payloadJson + "\n\n";
  }

  /** The SSE frame as bytes, built on first use and shared by every client it is written to. */
  public Buffer frame() {
    Buffer f = frame;
    if (f == null) {
      f = Buffer.buffer(toSse());
      frame = f;
    }
    return f;
  }

  @Override
  public String toString() {
    return "LiveMessage[" + id + " " + type + " unit " + unitId + "]";
  }
}
