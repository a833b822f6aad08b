package org.floodready.readiness;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One unit's entry in the Hazelcast snapshot map. {@code version} counts the changes of this entry's
 * figures; {@code seq} is the newest live-log sequence value read before figures applied to it were
 * computed; {@code utf8} is the entry as the API shows it, JSON in UTF-8 (as it is stored, sent and answered:
 * kept as a String, each entry was encoded again for every write, event and answer); {@code tree} the totals
 * it was computed from (null only in entries written without them). Not to be changed: the array is shared.
 */
public record UnitSnapshot(long unitId, long version, long seq, byte[] utf8, UnitTree tree) implements Serializable {
  @Serial
  private static final long serialVersionUID = 3L;
  /**
   * Entries are read and written with Jackson's streaming codec: Vert.x's default (databind) took twice the
   * time, and a rebuild encodes every unit's entry.
   */
  static final JacksonCodec CODEC = new JacksonCodec();

  public UnitSnapshot(long unitId, long version, long seq, byte[] utf8) {
    this(unitId, version, seq, utf8, null);
  }

  public UnitSnapshot(long unitId, long version, long seq, String json) {
    this(unitId, version, seq, json.getBytes(StandardCharsets.UTF_8), null);
  }

  /** Written as {@link SnapshotWire}: field by field, not as records and maps. */
  @Serial
  private Object writeReplace() {
    return new SnapshotWire(this);
  }

  /** The entry's JSON text. */
  public String json() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  public JsonObject toJson() {
    return parse(Buffer.buffer(utf8));
  }

  /** A JSON object read with {@link #CODEC}. */
  @SuppressWarnings("unchecked")
  static JsonObject parse(Buffer json) {
    Object value = CODEC.fromBuffer(json);
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new IllegalArgumentException("not a JSON object");
  }

  /** The same entry without its totals (what the mirror keeps and readers get). */
  UnitSnapshot withoutTree() {
    return tree == null ? this : new UnitSnapshot(unitId, version, seq, utf8);
  }
}
