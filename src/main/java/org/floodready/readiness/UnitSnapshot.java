package org.floodready.readiness;

import io.vertx.core.json.JsonObject;
import java.io.Serial;
import java.io.Serializable;

/**
 * One unit's entry in the Hazelcast snapshot map. {@code version} counts the changes of this entry's
 * figures; {@code seq} is the newest live-log sequence value read before figures applied to it were
 * computed; {@code json} is the entry as the API shows it; {@code tree} the totals it was computed from
 * (null only in entries written without them).
 */
public record UnitSnapshot(long unitId, long version, long seq, String json, UnitTree tree) implements Serializable {
  @Serial
  private static final long serialVersionUID = 2L;

  public UnitSnapshot(long unitId, long version, long seq, String json) {
    this(unitId, version, seq, json, null);
  }

  /** Written as {@link SnapshotWire}: field by field, not as records and maps. */
  @Serial
  private Object writeReplace() {
    return new SnapshotWire(this);
  }

  public JsonObject toJson() {
    return new JsonObject(json);
  }
}
