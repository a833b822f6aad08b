package org.floodready.readiness;

import org.floodready.access.Scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.floodready.units.Unit;
import org.junit.jupiter.api.Test;

/** This node's mirror of the snapshot map and the ranked, encoded view built from it. */
class SnapshotViewTest {
  private static UnitSnapshot entry(long id, String level, String code, double score, long version, long seq) {
    JsonObject json = new JsonObject().put("unitId", id).put("level", level).put("code", code)
        .put("version", version).put("score", score).put("metrics", new JsonObject());
    return new UnitSnapshot(id, version, seq, json.encode());
  }

  @Test
  void theMirrorKeepsTheNewerEntryAndMovesItsGenerationOnlyOnChange() {
    SnapshotMirror mirror = new SnapshotMirror();
    mirror.put(entry(1, "city", "Z", 50, 3, 10));
    long generation = mirror.generation();
    mirror.put(entry(1, "city", "Z", 40, 2, 11));
    assertEquals(generation, mirror.generation(), "an older version is ignored");
    assertEquals(3, mirror.values().get(0).version());
    mirror.put(entry(1, "city", "Z", 60, 4, 12));
    assertTrue(mirror.generation() > generation);
    assertEquals(4, mirror.values().get(0).version());
  }

  @Test
  void aReloadAddsNewerEntriesAndDropsUnitsGoneFromTheMap() {
    SnapshotMirror mirror = new SnapshotMirror();
    mirror.put(entry(1, "city", "Z", 50, 5, 10));
    mirror.put(entry(2, "district", "Z-A", 50, 1, 10));
    mirror.reload(mirror.keys(), List.of(entry(1, "city", "Z", 40, 4, 9), entry(3, "district", "Z-B", 70, 1, 9)));
    assertTrue(mirror.loaded());
    assertEquals(Set.of(1L, 3L), mirror.keys());
    assertEquals(5, mirror.values().stream().filter(s -> s.unitId() == 1).findFirst().orElseThrow().version(),
        "the node's own newer apply survives a read taken before it");
  }

  @Test
  void theViewRanksOrdersAndFiltersAndSplicesTheRequestTime() {
    List<UnitSnapshot> entries = List.of(entry(4, "district", "Z-C", 30, 1, 7), entry(1, "city", "Z", 50, 2, 9),
        entry(2, "district", "Z-A", 90, 1, 8), entry(3, "district", "Z-B", 60, 1, 8));
    SnapshotView view = SnapshotView.build(1, entries, "node-x");
    JsonObject all = view.json(Scope.EVERYTHING, "T1");
    assertEquals(5, all.getLong("version"));
    assertEquals(9, all.getLong("seq"));
    assertEquals("node-x", all.getString("node"));
    assertEquals("T1", all.getString("at"));
    assertEquals(List.of("Z", "Z-A", "Z-B", "Z-C"), all.getJsonArray("units").stream()
        .map(u -> ((JsonObject) u).getString("code")).toList());
    JsonObject best = all.getJsonArray("units").getJsonObject(1);
    assertEquals(1, best.getInteger("rank"));
    assertEquals("red", best.getString("flag"));
    assertEquals("black", all.getJsonArray("units").getJsonObject(3).getString("flag"));

    assertNotEquals(view.json(Scope.EVERYTHING, "T2").getString("at"), all.getString("at"));
    JsonObject scoped = new JsonObject(view.body(Scope.of(Set.of(3L, 4L)), "district", false, "T3").joined());
    assertEquals(2, scoped.getJsonArray("units").size());
    assertEquals(0, new JsonObject(view.body(Scope.EVERYTHING, "street", false, "T4").joined()).getJsonArray("units").size());
    String csv = view.body(Scope.EVERYTHING, "district", true, "T5").joined().toString();
    assertEquals(4, csv.trim().split("\r\n").length, csv);
  }

  @Test
  void theDefaultAnswerHoldsTheLevelsThatFitAndCountsTheWholeScope() {
    List<UnitSnapshot> entries = new java.util.ArrayList<>();
    entries.add(entry(1, "city", "Z", 50, 1, 1));
    for (long d = 2; d <= 4; d++) {
      entries.add(entry(d, "district", "Z-" + d, 40 + d, 1, 1));
    }
    Set<Long> districtTwo = new java.util.HashSet<>(Set.of(2L));
    for (long s = 10; s < 10 + SnapshotView.DEFAULT_MAX_ENTRIES + 100; s++) {
      entries.add(entry(s, "street", String.format("Z-%d-%05d", 2 + s % 3, s), s % 97, 1, 1));
      if (s % 3 == 0) {
        districtTwo.add(s);
      }
    }
    SnapshotView view = SnapshotView.build(1, entries, "n1");

    JsonObject all = view.json(Scope.EVERYTHING, "T1");
    assertEquals(2, all.getInteger("depth"), "1,100 streets do not fit beside the city and its districts");
    assertEquals(4, all.getJsonArray("units").size());
    assertEquals(entries.size(), all.getInteger("total"));
    assertEquals("city", all.getJsonArray("units").getJsonObject(0).getString("level"));

    JsonObject mine = view.json(Scope.of(districtTwo), "T2");
    assertEquals(Unit.LEVELS.size(), mine.getInteger("depth"), "a district's streets fit");
    assertEquals(districtTwo.size(), mine.getInteger("total"));
    assertEquals(districtTwo.size(), mine.getJsonArray("units").size());
    assertEquals("district", mine.getJsonArray("units").getJsonObject(0).getString("level"));
    List<String> codes = mine.getJsonArray("units").stream().skip(1).map(u -> ((JsonObject) u).getString("code"))
        .toList();
    assertEquals(codes.stream().sorted().toList(), codes, "tree order: by level, then by code");
  }
}
