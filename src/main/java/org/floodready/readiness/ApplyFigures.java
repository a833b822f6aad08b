package org.floodready.readiness;

import com.hazelcast.map.EntryProcessor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs on the member owning a unit's key: takes the given parts of the unit's own totals (each unless
 * the entry holds that part from a newer read; with {@code wholeUnit} the parts not given are dropped)
 * and each given child's subtree totals that are newer than the child's slot, drops the slots of units
 * no longer its children, and recomputes the unit's subtree totals and figures from what the entry
 * then holds. Each key is updated atomically, so refreshes of siblings on different
 * members each land in their own slot of the parent. Unchanged figures keep their changedAt time and
 * do not bump the version.
 */
final class ApplyFigures implements EntryProcessor<Long, UnitSnapshot, ApplyFigures.Result> {
  @Serial
  private static final long serialVersionUID = 2L;

  /**
   * The entry when its figures changed (else null), and the subtree totals with their stamp for the
   * parent. {@code incomplete}: the entry was never given all its own lines or lacks a child's totals,
   * so only a rebuild makes it whole.
   */
  record Result(UnitSnapshot changed, long stamp, UnitTotals subtree, boolean incomplete) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /**
   * The unit's fields: as given while the processor runs on this member (a rebuild's 50,000 processors run on
   * the member that made them), encoded to {@link #unitJson} only when it is sent to another one.
   */
  private transient JsonObject unit;
  private byte[] unitJson;
  private final TreeMap<String, UnitTotals> parts;
  private final boolean wholeUnit;
  private final long seq;
  private final TreeMap<Long, UnitTree.Slot> slots;
  private final HashSet<Long> children;
  private final String nowIso;
  /**
   * From a rebuild (every unit, every minute): totals equal to the entry's leave it as it is, not even
   * its seq moves, so an unchanged province costs no write, no listener event and no backup.
   */
  private final boolean rebuild;

  /**
   * @param parts parts of the unit's own totals read at {@code seq} (none: keep the entry's)
   * @param wholeUnit the parts are all of the unit's own lines: drop the entry's other parts
   * @param slots children's subtree totals to take where newer than the entry's
   * @param children the unit's children now
   */
  ApplyFigures(JsonObject unit, Map<String, UnitTotals> parts, boolean wholeUnit, long seq,
      Map<Long, UnitTree.Slot> slots, Set<Long> children, String nowIso) {
    this(unit, parts, wholeUnit, seq, slots, children, nowIso, false);
  }

  ApplyFigures(JsonObject unit, Map<String, UnitTotals> parts, boolean wholeUnit, long seq,
      Map<Long, UnitTree.Slot> slots, Set<Long> children, String nowIso, boolean rebuild) {
    this.unit = unit.copy();
    this.parts = new TreeMap<>(parts);
    this.wholeUnit = wholeUnit;
    this.seq = seq;
    this.slots = new TreeMap<>(slots);
    this.children = new HashSet<>(children);
    this.nowIso = nowIso;
    this.rebuild = rebuild;
  }

  @Override
  public Result process(Map.Entry<Long, UnitSnapshot> entry) {
    UnitSnapshot old = entry.getValue();
    UnitTree tree = old == null || old.tree() == null ? UnitTree.EMPTY : old.tree();
    boolean treeChanged = false;
    TreeMap<String, UnitTree.Part> nextParts = new TreeMap<>(tree.parts());
    for (Map.Entry<String, UnitTotals> p : parts.entrySet()) {
      UnitTree.Part current = nextParts.get(p.getKey());
      if (current == null || current.seq() <= seq && !(rebuild && p.getValue().sameAs(current.totals()))) {
        nextParts.put(p.getKey(), new UnitTree.Part(seq, p.getValue()));
        treeChanged = true;
      }
    }
    if (wholeUnit && nextParts.entrySet()
        .removeIf(p -> !parts.containsKey(p.getKey()) && p.getValue().seq() <= seq)) {
      treeChanged = true;
    }
    TreeMap<Long, UnitTree.Slot> nextSlots = new TreeMap<>(tree.children());
    for (Map.Entry<Long, UnitTree.Slot> s : slots.entrySet()) {
      UnitTree.Slot current = nextSlots.get(s.getKey());
      if (current == null
          || s.getValue().stamp() > current.stamp() && !(rebuild && s.getValue().totals().sameAs(current.totals()))) {
        nextSlots.put(s.getKey(), s.getValue());
        treeChanged = true;
      }
    }
    if (nextSlots.keySet().retainAll(children)) {
      treeChanged = true;
    }
    boolean incomplete = !nextParts.containsKey(UnitTotals.CHECKPOINTS) || !nextSlots.keySet().containsAll(children);
    if (!treeChanged && old != null) {
      return new Result(null, tree.stamp(), tree.subtree(), incomplete);
    }
    UnitTotals subtree = UnitTree.sum(nextParts, nextSlots);
    UnitTree nextTree = new UnitTree(nextParts, nextSlots, UnitTree.nextStamp(tree.stamp()), subtree);
    long nextSeq = Math.max(old == null ? 0 : old.seq(), seq);
    JsonObject json = figures(old, unit(), subtree.metrics(), nowIso);
    UnitSnapshot next = json == null
        ? new UnitSnapshot(old.unitId(), old.version(), nextSeq, old.utf8(), nextTree)
        : new UnitSnapshot(entry.getKey(), json.getLong("version"), nextSeq, UnitSnapshot.CODEC.toBuffer(json, false).getBytes(), nextTree);
    entry.setValue(next);
    return new Result(json == null ? null : next, nextTree.stamp(), subtree, incomplete);
  }

  private JsonObject unit() {
    return unit != null ? unit : UnitSnapshot.parse(Buffer.buffer(unitJson));
  }

  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    if (unitJson == null) {
      unitJson = UnitSnapshot.CODEC.toBuffer(unit, false).getBytes();
    }
    out.defaultWriteObject();
  }

  /** The entry's new JSON when a figure or the unit's own fields changed, else null. */
  static JsonObject figures(UnitSnapshot old, JsonObject unit, JsonObject metrics, String nowIso) {
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
    if (!changed && !sameUnit(oldJson, unit)) {
      changed = true;
    }
    if (!changed) {
      return null;
    }
    long version = old == null ? 1 : old.version() + 1;
    return unit.copy()
        .put("version", version)
        .put("updatedAt", nowIso)
        .put("score", metrics.getValue("score"))
        .put("metrics", merged);
  }

  /** Equal as JSON (so 2 and 2.0 read back from JSON compare the way they were written). */
  static boolean same(Object a, Object b) {
    if (a == null || b == null || a instanceof String || b instanceof String) {
      return Objects.equals(a, b);
    }
    if (a.getClass() == b.getClass() && (a instanceof Double || a instanceof Long || a instanceof Integer)) {
      return a.equals(b);
    }
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
