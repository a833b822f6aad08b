package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.floodready.units.Unit;
import org.junit.jupiter.api.Test;

/**
 * The ranking kept one change at a time, and the live messages a refresh sends from it, against a ranking of
 * every unit from scratch ({@link Ranking#apply}, what the view shows) after each of many random events.
 */
class StandingsTest {
  /** Few distinct scores: ties, and best and worst scores shared by several units, are the hard cases. */
  private static final double[] SCORES = {0, 12.5, 40, 40.5, 66, 80, 99.9, 100};

  @Test
  void anIncrementalRankingAndItsMessagesEqualARankingFromScratchAfterRandomEvents() {
    for (long seed = 1; seed <= 20; seed++) {
      // a city level of 2 (no flags until a third), a small district level, bigger streets and communities
      replay(new Random(seed), new int[] {2, 5, 40, 150}, 300);
    }
  }

  @Test
  void peersBeyondTheDefaultAnswersLevelsAreNotSentForANeighboursMove() {
    for (long seed = 1; seed <= 3; seed++) {
      // more communities than the default answer holds: a community's move sends itself, not its peers
      replay(new Random(seed), new int[] {2, 5, 40, SnapshotView.DEFAULT_MAX_ENTRIES + 200}, 60);
    }
  }

  private static void replay(Random random, int[] sizes, int rounds) {
    Map<Long, Standings.Place> current = new HashMap<>();
    long next = 1;
    for (int level = 0; level < sizes.length; level++) {
      for (int i = 0; i < sizes[level]; i++) {
        current.put(next++, randomPlace(random, Unit.LEVELS.get(level)));
      }
    }
    PublishedStandings published = new PublishedStandings();
    Map<Long, String> last = new HashMap<>();
    Set<Long> first = published.all(Standings.of(current), List.copyOf(current.keySet()));
    assertEquals(expectedSend(current, last, current.keySet()), first);
    for (int round = 0; round < rounds; round++) {
      Map<Long, Standings.Place> event = new HashMap<>();
      int units = 1 + random.nextInt(4);
      for (int i = 0; i < units; i++) {
        int kind = random.nextInt(20);
        if (kind == 0) {
          event.put(next++, randomPlace(random, Unit.LEVELS.get(random.nextInt(4))));
        } else {
          List<Long> ids = new ArrayList<>(current.keySet());
          long id = ids.get(random.nextInt(ids.size()));
          Standings.Place old = current.get(id);
          event.put(id, kind == 1 ? null : randomPlace(random, old.level()));
        }
      }
      event.forEach((id, place) -> {
        if (place == null) {
          current.remove(id);
        } else {
          current.put(id, place);
        }
      });
      Set<Long> expected = expectedSend(current, last, event.keySet());
      Set<Long> sent = published.changed(event);
      assertEquals(expected, sent, "round " + round + ", event " + event);
      Map<Long, String> fromScratch = ranked(current);
      for (long id : current.keySet()) {
        assertEquals(fromScratch.get(id), published.standings().standing(id).key(), "unit " + id);
      }
      assertEquals(levelsThatFit(current) > 2, published.standings().inDefaultAnswer(firstOfLevel(current, 2)));
    }
  }

  @Test
  void theMessageOfAUnitIsItsEntryAsTheRankedViewShowsIt() {
    Random random = new Random(7);
    List<UnitSnapshot> entries = new ArrayList<>();
    Map<Long, Standings.Place> places = new HashMap<>();
    for (long id = 1; id <= 60; id++) {
      String level = Unit.LEVELS.get((int) (id % 4));
      Double score = random.nextInt(5) == 0 ? null : SCORES[random.nextInt(SCORES.length)];
      JsonObject json = new JsonObject().put("unitId", id).put("level", level).put("code", "C" + id)
          .put("parentId", id > 4 ? id % 4 + 1 : null).put("name", "单位" + id).put("score", score)
          .put("metrics", new JsonObject().put("score", new JsonObject().put("value", score)));
      entries.add(new UnitSnapshot(id, 1, 1, json.encode()));
      places.put(id, new Standings.Place(level, score));
    }
    SnapshotView view = SnapshotView.build(1, entries, "n1");
    PublishedStandings published = new PublishedStandings();
    published.all(Standings.of(places), List.of());
    for (UnitSnapshot s : entries) {
      JsonObject message = SnapshotView.entry(SnapshotMirror.Held.of(s), published.standings().standing(s.unitId()));
      assertEquals(view.entry(s.unitId()), message);
      assertTrue(message.containsKey("rank"));
    }
  }

  private static Standings.Place randomPlace(Random random, String level) {
    return new Standings.Place(level, random.nextInt(8) == 0 ? null : SCORES[random.nextInt(SCORES.length)]);
  }

  /**
   * What the refresh sent before it kept the ranking: the changed units, and every unit whose standing moved
   * on a level the default answer holds.
   */
  private static Set<Long> expectedSend(Map<Long, Standings.Place> current, Map<Long, String> last,
      Set<Long> changed) {
    Set<Long> send = new HashSet<>(changed);
    int shown = levelsThatFit(current);
    ranked(current).forEach((id, standing) -> {
      String before = last.put(id, standing);
      if (Unit.LEVELS.indexOf(current.get(id).level()) < shown && before != null && !before.equals(standing)) {
        send.add(id);
      }
    });
    return send;
  }

  private static Map<Long, String> ranked(Map<Long, Standings.Place> current) {
    List<Long> ids = new ArrayList<>(current.keySet());
    List<JsonObject> entries = new ArrayList<>();
    for (long id : ids) {
      Standings.Place p = current.get(id);
      entries.add(new JsonObject().put("level", p.level()).put("code", "U" + id).put("score", p.score()));
    }
    Ranking.apply(entries);
    Map<Long, String> out = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      JsonObject e = entries.get(i);
      out.put(ids.get(i), e.getInteger("rank") + "/" + e.getInteger("peers") + "/" + e.getString("flag"));
    }
    return out;
  }

  private static int levelsThatFit(Map<Long, Standings.Place> current) {
    int[] perLevel = new int[Unit.LEVELS.size()];
    current.values().forEach(p -> perLevel[Unit.LEVELS.indexOf(p.level())]++);
    return SnapshotView.levelsThatFit(perLevel);
  }

  private static long firstOfLevel(Map<Long, Standings.Place> current, int level) {
    return current.entrySet().stream().filter(e -> e.getValue().level().equals(Unit.LEVELS.get(level)))
        .mapToLong(Map.Entry::getKey).min().orElseThrow();
  }
}
