package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-key update that runs inside Hazelcast: own totals, children's slots, versions, changedAt. */
class ApplyFiguresTest {
  static final JsonObject UNIT = new JsonObject().put("unitId", 7).put("code", "S").put("level", "street");

  private static UnitTotals hazards(int open, int overdue) {
    UnitTotals t = new UnitTotals();
    t.add(new PatrolLine(7, 2, 1, open, overdue));
    return t;
  }

  private static UnitTotals checkpoints(int count) {
    UnitTotals t = new UnitTotals();
    for (int i = 0; i < count; i++) {
      t.add(new CheckpointLine(8, "none", false, 0));
    }
    return t;
  }

  /** The unit's whole own lines: its patrols as given, no checkpoints, no bases. */
  private static ApplyFigures.Result own(Map.Entry<Long, UnitSnapshot> entry, UnitTotals own, long seq, String now) {
    return new ApplyFigures(UNIT, Map.of(UnitTotals.PATROLS, own, UnitTotals.CHECKPOINTS, new UnitTotals()), true, seq,
        Map.of(), Set.of(), now).process(entry);
  }

  private static ApplyFigures.Result base(Map.Entry<Long, UnitSnapshot> entry, long baseId, double usable, long seq) {
    UnitTotals t = new UnitTotals();
    t.add(new StockLine(7, "equipment", "泵", "pump", "P", true, 1, 10, usable, baseId));
    return new ApplyFigures(UNIT, Map.of(UnitTotals.basePart(baseId), t), false, seq, Map.of(), Set.of(), "T" + seq)
        .process(entry);
  }

  private static ApplyFigures.Result child(Map.Entry<Long, UnitSnapshot> entry, long childId, UnitTree.Slot slot) {
    return new ApplyFigures(UNIT, Map.of(), false, 1, Map.of(childId, slot), Set.of(8L, 9L), "T9").process(entry);
  }

  private static double pumps(Map.Entry<Long, UnitSnapshot> entry) {
    return metric(entry, "equipment").getJsonObject("value").getJsonObject("pumps").getDouble("usable");
  }

  private static JsonObject metric(Map.Entry<Long, UnitSnapshot> entry, String name) {
    return entry.getValue().toJson().getJsonObject("metrics").getJsonObject(name);
  }

  @Test
  void changedFiguresBumpTheVersionAndKeepTheTimesOfUnchangedOnes() {
    Map.Entry<Long, UnitSnapshot> entry = new AbstractMap.SimpleEntry<>(7L, null);
    ApplyFigures.Result first = own(entry, hazards(4, 1), 10, "T1");
    assertNotNull(first.changed());
    assertEquals(1, first.changed().version());

    assertNull(own(entry, hazards(4, 1), 11, "T2").changed(), "nothing changed: no new version");
    assertEquals(1, entry.getValue().version());
    assertEquals(11, entry.getValue().seq());

    ApplyFigures.Result second = own(entry, hazards(4, 2), 12, "T3");
    assertEquals(2, second.changed().version());
    assertEquals("T3", metric(entry, "overdueHazards").getString("changedAt"));
    assertEquals("T1", metric(entry, "openHazards").getString("changedAt"));
  }

  @Test
  void totalsFromAnOlderReadNeverReplaceNewerOnes() {
    Map.Entry<Long, UnitSnapshot> entry = new AbstractMap.SimpleEntry<>(7L, null);
    own(entry, hazards(3, 0), 20, "T1");
    UnitSnapshot current = entry.getValue();
    ApplyFigures.Result stale = own(entry, hazards(9, 9), 19, "T2");
    assertNull(stale.changed());
    assertSame(current, entry.getValue());
    assertEquals(current.tree().stamp(), stale.stamp(), "the parent is told the entry's current totals");
  }

  @Test
  void aChildSlotTakesOnlyNewerTotalsAndTheSubtreeIsOwnPlusChildren() {
    Map.Entry<Long, UnitSnapshot> entry = new AbstractMap.SimpleEntry<>(7L, null);
    own(entry, hazards(1, 0), 5, "T1");
    child(entry, 8, new UnitTree.Slot(100, checkpoints(3)));
    assertEquals(3, metric(entry, "checkpoints").getInteger("value"));
    assertTrue(child(entry, 9, new UnitTree.Slot(50, checkpoints(2))).incomplete() == false);
    assertEquals(5, metric(entry, "checkpoints").getInteger("value"));

    UnitSnapshot before = entry.getValue();
    ApplyFigures.Result older = child(entry, 8, new UnitTree.Slot(99, checkpoints(10)));
    assertNull(older.changed(), "an older stamp of a child is ignored");
    assertSame(before, entry.getValue());
    assertEquals(5, metric(entry, "checkpoints").getInteger("value"));

    child(entry, 8, new UnitTree.Slot(101, checkpoints(1)));
    assertEquals(3, metric(entry, "checkpoints").getInteger("value"));
    assertEquals(1, metric(entry, "openHazards").getInteger("value"), "own totals are kept");
    assertTrue(entry.getValue().tree().stamp() > before.tree().stamp());
  }

  @Test
  void slotsOfFormerChildrenAreDroppedAndMissingOnesReported() {
    Map.Entry<Long, UnitSnapshot> entry = new AbstractMap.SimpleEntry<>(7L, null);
    own(entry, hazards(1, 0), 5, "T1");
    ApplyFigures.Result partial = child(entry, 8, new UnitTree.Slot(100, checkpoints(3)));
    assertTrue(partial.incomplete(), "child 9 has not reported yet");
    ApplyFigures.Result moved = new ApplyFigures(UNIT, Map.of(), false, 6, Map.of(), Set.of(), "T2").process(entry);
    assertFalse(moved.incomplete());
    assertEquals(0, metric(entry, "checkpoints").getInteger("value"));
  }

  @Test
  void aBaseRefreshReplacesThatBasesPartOnlyAndAWholeRefreshDropsBasesGone() {
    Map.Entry<Long, UnitSnapshot> entry = new AbstractMap.SimpleEntry<>(7L, null);
    own(entry, hazards(1, 0), 5, "T1");
    base(entry, 70, 4, 6);
    base(entry, 71, 3, 7);
    assertEquals(7.0, pumps(entry));
    base(entry, 70, 2, 8);
    assertEquals(5.0, pumps(entry), "base 71's part is kept");
    assertNull(base(entry, 71, 9, 6).changed(), "a part read before the entry's is ignored");
    assertEquals(5.0, pumps(entry));
    own(entry, hazards(1, 0), 9, "T2");
    assertEquals(0.0, pumps(entry), "a refresh of all the unit's own lines drops the parts of bases it no longer has");
    assertEquals(1, metric(entry, "openHazards").getInteger("value"));
  }
}
