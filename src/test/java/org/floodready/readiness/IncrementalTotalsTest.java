package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.floodready.units.Unit;
import org.junit.jupiter.api.Test;

/**
 * Entries updated one unit at a time (own totals, then the chain up through the children's slots) end
 * with the same figures as a full recompute, also when the chains of two siblings interleave.
 */
class IncrementalTotalsTest {
  static final List<Unit> UNITS = ReadinessCalculatorTest.UNITS;
  static final Map<Long, Unit> BY_ID = ReadinessCalculator.byId(UNITS);
  static final Map<Long, SortedSet<Long>> CHILDREN = ReadinessCalculator.children(BY_ID);

  private final Map<Long, Map.Entry<Long, UnitSnapshot>> map = new HashMap<>();

  private ApplyFigures.Result apply(long id, Map<String, UnitTotals> parts, boolean whole, long seq,
      Map<Long, UnitTree.Slot> slots) {
    JsonObject unit = BY_ID.get(id).toJson();
    unit.put("unitId", unit.remove("id"));
    return new ApplyFigures(unit, parts, whole, seq, slots, CHILDREN.get(id), "T" + seq)
        .process(map.computeIfAbsent(id, k -> new AbstractMap.SimpleEntry<>(k, null)));
  }

  private static ReadinessInputs inputs(double pumpsAtCommunity, int silentAtStreetB, int hazardsAtStreetA) {
    List<CheckpointLine> checkpoints = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      checkpoints.add(new CheckpointLine(4, i == 0 ? "orange" : "none", i < silentAtStreetB, i));
    }
    checkpoints.add(new CheckpointLine(5, "blue", false, 1));
    return new ReadinessInputs(UNITS,
        List.of(new StockLine(5, "equipment", "泵", "submersible pump", "P", true, 2, 10, pumpsAtCommunity, 51),
            new StockLine(5, "materials", "编织袋", "woven bags", "W", false, 1, 1000, 333.3, 52),
            new StockLine(5, "materials", "编织袋", "woven bags", "W", false, 1, 30, 7.77, 51),
            new StockLine(4, "life_saving", "救生衣", "life jackets", "L", false, 1.5, 100, 97.1, 41),
            new StockLine(2, "materials", "砂石", "sand", "S", false, 0.7, 77, 12.9, 21)),
        checkpoints,
        List.of(new PatrolLine(3, 4, 3, hazardsAtStreetA, 1), new PatrolLine(1, 2, 2, 0, 0)));
  }

  private void rebuild(ReadinessInputs in, long seq) {
    Map<Long, java.util.TreeMap<String, UnitTotals>> own = ReadinessCalculator.ownParts(in);
    Map<Long, ApplyFigures.Result> results = new HashMap<>();
    for (long id : ReadinessCalculator.deepestFirst(BY_ID, BY_ID.keySet())) {
      Map<Long, UnitTree.Slot> slots = new HashMap<>();
      CHILDREN.get(id).forEach(c -> slots.put(c, new UnitTree.Slot(results.get(c).stamp(), results.get(c).subtree())));
      results.put(id, apply(id, own.get(id), true, seq, slots));
    }
  }

  /** The unit's own totals (or one base's part), then each ancestor with the slot of the unit below it. */
  private List<Runnable> chain(long unitId, Long baseId, ReadinessInputs in, long seq) {
    Map<String, UnitTotals> all = ReadinessCalculator.ownParts(in).get(unitId);
    Map<String, UnitTotals> own = baseId == null ? all
        : Map.of(UnitTotals.basePart(baseId), all.getOrDefault(UnitTotals.basePart(baseId), new UnitTotals()));
    List<Long> ids = ReadinessCalculator.chain(BY_ID, unitId);
    ApplyFigures.Result[] below = new ApplyFigures.Result[1];
    List<Runnable> steps = new java.util.ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      long child = i == 0 ? -1 : ids.get(i - 1);
      steps.add(() -> below[0] = child < 0 ? apply(id, own, baseId == null, seq, Map.of())
          : apply(id, Map.of(), false, seq, Map.of(child, new UnitTree.Slot(below[0].stamp(), below[0].subtree()))));
    }
    return steps;
  }

  private void assertSameAsRecompute(ReadinessInputs in) {
    Map<Long, UnitFigures> fresh = ReadinessCalculator.compute(in);
    for (UnitFigures f : fresh.values()) {
      JsonObject live = map.get(f.unit().id()).getValue().toJson().getJsonObject("metrics");
      for (String name : f.metrics().fieldNames()) {
        assertEquals(f.metrics().getValue(name), live.getJsonObject(name).getValue("value"),
            "unit " + f.unit().id() + " " + name);
      }
    }
  }

  @Test
  void interleavedRefreshesOfSiblingsEqualAFullRecompute() {
    rebuild(inputs(4, 0, 2), 1);
    assertSameAsRecompute(inputs(4, 0, 2));

    ReadinessInputs after = inputs(3, 2, 5); // community 5 (under street 3), street 4 and street 3 changed
    List<Runnable> community = chain(5, 51L, after, 2); // only the base whose pumps changed is read again
    List<Runnable> streetB = chain(4, null, after, 3);
    List<Runnable> streetA = chain(3, null, after, 4);
    // community's chain reaches the district after street B's, with totals computed before B's landed
    community.get(0).run();
    community.get(1).run();
    streetB.forEach(Runnable::run);
    streetA.get(0).run();
    community.get(2).run();
    community.get(3).run();
    streetA.get(1).run();
    streetA.get(2).run();
    assertSameAsRecompute(after);
  }

  @Test
  void aRebuildAfterLosingEntriesIsTakenByTheParentsAgain() throws InterruptedException {
    rebuild(inputs(4, 0, 2), 1);
    // A member's loss is noticed seconds after its last write (stamps are wall-clock based): without this pause
    // both rebuilds could fall in one millisecond, which no cluster can produce, and the test would flake.
    Thread.sleep(5);
    map.remove(3L); // street A's entry lost with a member: recreated with new stamps
    map.remove(5L);
    rebuild(inputs(1, 1, 1), 2);
    assertSameAsRecompute(inputs(1, 1, 1));
    Set<Long> all = BY_ID.keySet();
    assertEquals(all, map.keySet());
  }
}
