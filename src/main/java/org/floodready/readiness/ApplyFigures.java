package org.floodready.readiness;

import com.hazelcast.map.EntryProcessor;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.Serial;
import java.util.Map;
import java.util.Objects;

/**
 * Runs on the member owning a unit's key: replaces the entry's figures with freshly computed ones unless
 * the entry already holds figures from a newer read. Unchanged figures keep their changedAt time and do
 * not bump the version. Returns the new entry when something changed, else null.
 */
final class ApplyFigures implements EntryProcessor<Long, UnitSnapshot, UnitSnapshot> {
  @Serial
  private static final long serialVersionUID = 1L;

  private final String unitJson;
  private final String metricsJson;
  private final long seq;
  private final String nowIso;

  ApplyFigures(JsonObject unit, JsonObject metrics, long seq, String nowIso) {
    this.unitJson = unit.encode();
    this.metricsJson = metrics.encode();
    this.seq = seq;
    this.nowIso = nowIso;
  }

  @Override
  public UnitSnapshot process(Map.Entry<Long, UnitSnapshot> entry) {
    UnitSnapshot old = entry.getValue();
    if (old != null && old.seq() > seq) {
      return null;
    }
    JsonObject unit = new JsonObject(unitJson);
    JsonObject metrics = new JsonObject(metricsJson);
    JsonObject oldJson = old == null ? null : old.toJson();
    JsonObject oldMetrics = oldJson == null ? new JsonObject() : oldJson.getJsonObject("metrics", new JsonObject());
    JsonObject merged = new JsonObject();
    boolean changed = old == null;
    for (String name : metrics.fieldNames()) {
      Object value = metrics.getValue(name);
      JsonObject before = oldMetrics.getJsonObject(name);
      if (before != null && same(before.getValue("value"), value)) {
        merged.put(name, before.copy());
      } else {
        merged.put(name, new JsonObject().put("value", value).put("changedAt", nowIso));
        changed = true;
      }
    }
    if (!changed && oldJson != null && !sameUnit(oldJson, unit)) {
      changed = true;
    }
    if (!changed) {
      if (seq > old.seq()) {
        entry.setValue(new UnitSnapshot(old.unitId(), old.version(), seq, old.json()));
      }
      return null;
    }
    long version = old == null ? 1 : old.version() + 1;
    JsonObject json = unit.copy()
        .put("version", version)
        .put("updatedAt", nowIso)
        .put("score", metrics.getValue("score"))
        .put("metrics", merged);
    UnitSnapshot next = new UnitSnapshot(entry.getKey(), version, seq, json.encode());
    entry.setValue(next);
    return next;
  }

  /** Equal as JSON (so 2 and 2.0 read back from JSON compare the way they were written). */
  static boolean same(Object a, Object b) {
    return Objects.equals(Json.encode(a), Json.encode(b));
  }

  private static boolean sameUnit(JsonObject old, JsonObject unit) {
    for (String f : unit.fieldNames()) {
      if (!same(old.getValue(f), unit.getValue(f))) {
        return false;
      }
    }
    return true;
  }
}
