package org.floodready.readiness;

import io.vertx.core.json.JsonObject;
import java.io.Serial;
import java.io.Serializable;

/**
 * One unit's entry in the Hazelcast snapshot map. {@code version} counts the changes of this entry;
 * {@code seq} is the live-log sequence value read before the figures were computed, so an entry never
 * goes back to figures computed from an older read of PostgreSQL.
 */
public record UnitSnapshot(long unitId, long version, long seq, String json) implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  public JsonObject toJson() {
    return new JsonObject(json);
  }
}
