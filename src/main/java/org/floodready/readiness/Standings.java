package org.floodready.readiness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.floodready.units.Unit;

/**
 * Rank, peers and flag of every unit exactly as {@link Ranking#apply} gives them, kept up to date one
 * changed unit at a time: per level the scored units in one sorted array, so a unit's rank is a binary
 * search and a change tells which units' standing it may have moved: those scored between its old and new
 * score, both included (their rank moves by one; the best and worst scores, hence the flags, can only move to
 * a score in that span), and every unit of a level it joins or leaves (peers). A province's event re-ranked
 * all 50,019 entries; this touches the few it moves. Not thread-safe: owned by the refresh verticle.
 */
final class Standings {
  /** Rank (null without a score), peers and flag (red, black or null) of one unit. */
  record Standing(Integer rank, int peers, String flag) {
    static final Standing UNSCORED = new Standing(null, 0, null);

    /** The form the refresh compares with what it last published. */
    String key() {
      return rank + "/" + peers + "/" + flag;
    }
  }

  /** One unit's level and score (null: not ranked), as its entry shows them. */
  record Place(String level, Double score) {
  }

  private final Map<Long, Place> places = new HashMap<>();
  private final Map<String, Level> levels = new HashMap<>();
  /** Units per level of {@link Unit#LEVELS}, scored or not: what the default answer holds depends on them. */
  private final int[] perLevel = new int[Unit.LEVELS.size()];

  /** Every unit's place at once. */
  static Standings of(Map<Long, Place> all) {
    Standings s = new Standings();
    Map<String, Integer> scored = new HashMap<>();
    all.values().forEach(p -> {
      if (p.score() != null) {
        scored.merge(p.level(), 1, Integer::sum);
      }
    });
    scored.forEach((level, n) -> s.levels.put(level, new Level(n)));
    all.forEach((id, p) -> {
      Place place = normalised(p);
      s.places.put(id, place);
      s.count(place.level(), 1);
      if (place.score() != null) {
        s.levels.get(place.level()).append(id, place.score());
      }
    });
    s.levels.values().forEach(Level::sort);
    return s;
  }

  boolean contains(long unitId) {
    return places.containsKey(unitId);
  }

  Set<Long> units() {
    return places.keySet();
  }

  /** The unit's standing (null when it is not ranked here at all). */
  Standing standing(long unitId) {
    Place p = places.get(unitId);
    if (p == null) {
      return null;
    }
    if (p.score() == null) {
      return Standing.UNSCORED;
    }
    Level level = levels.get(p.level());
    double score = p.score();
    String flag = null;
    if (level.size >= Ranking.MIN_PEERS_FOR_FLAGS && level.best() > level.worst()) {
      flag = score == level.best() ? "red" : score == level.worst() ? "black" : null;
    }
    return new Standing(level.above(score) + 1, level.size, flag);
  }

  /**
   * Moves each unit to its new place (null: gone); the units whose standing may have moved with them,
   * themselves included (a superset: compare their standing with the last one to know). Peers are looked
   * for only on the levels the default answer holds ({@link #inDefaultAnswer}): at province scale one
   * community's new score moved the rank of tens of thousands of others, every one of them compared and
   * none of them sent; a deeper level's ranks are read with the snapshot (by level or parent), and its
   * changed units are still in.
   */
  Set<Long> update(Map<Long, Place> changed) {
    Set<Long> touched = new TreeSet<>(changed.keySet());
    Set<String> whole = new HashSet<>();
    List<Span> spans = new ArrayList<>();
    changed.forEach((id, next) -> {
      Place old = places.get(id);
      Place place = next == null ? null : normalised(next);
      if (old != null) {
        places.remove(id);
        count(old.level(), -1);
        if (old.score() != null) {
          levels.get(old.level()).remove(id, old.score());
        }
      }
      if (place != null) {
        places.put(id, place);
        count(place.level(), 1);
        if (place.score() != null) {
          levels.computeIfAbsent(place.level(), l -> new Level(4)).insert(id, place.score());
        }
      }
      boolean wasRanked = old != null && old.score() != null;
      boolean isRanked = place != null && place.score() != null;
      if (wasRanked && isRanked && Objects.equals(old.level(), place.level())) {
        spans.add(new Span(place.level(), Math.min(old.score(), place.score()),
            Math.max(old.score(), place.score())));
      } else {
        // a unit leaving or joining a level's ranking moves every rank below it and the level's peers
        if (wasRanked) {
          whole.add(old.level());
        }
        if (isRanked) {
          whole.add(place.level());
        }
      }
    });
    int shown = SnapshotView.levelsThatFit(perLevel);
    for (Span span : spans) {
      if (shown(span.level(), shown) && !whole.contains(span.level())) {
        levels.get(span.level()).idsBetween(span.low(), span.high(), touched);
      }
    }
    whole.forEach(name -> {
      if (levels.containsKey(name) && shown(name, shown)) {
        levels.get(name).idsBetween(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, touched);
      }
    });
    return touched;
  }

  /** Scores from {@code low} to {@code high} on one level: the ranks one unit's move shifted. */
  private record Span(String level, double low, double high) {
  }

  private static boolean shown(String level, int levelsShown) {
    int index = Unit.LEVELS.indexOf(level);
    return index >= 0 && index < levelsShown;
  }

  /** Whether the unit's level is one the default answer for everything holds (see {@link SnapshotView}). */
  boolean inDefaultAnswer(long unitId) {
    Place p = places.get(unitId);
    return p != null && shown(p.level(), SnapshotView.levelsThatFit(perLevel));
  }

  private void count(String level, int delta) {
    int index = Unit.LEVELS.indexOf(level);
    if (index >= 0) {
      perLevel[index] += delta;
    }
  }

  /** -0.0 ranks as 0.0 does (Ranking compares scores with ==); keeping one of them keeps the order simple. */
  private static Place normalised(Place p) {
    return p.score() == null ? p : new Place(p.level(), p.score() + 0.0);
  }

  /** The scored units of one level, best score first, then by id. */
  private static final class Level {
    private double[] scores;
    private long[] ids;
    private int size;

    Level(int capacity) {
      scores = new double[Math.max(4, capacity)];
      ids = new long[scores.length];
    }

    double best() {
      return scores[0];
    }

    double worst() {
      return scores[size - 1];
    }

    /** How many units score more than {@code score}. */
    int above(double score) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (scores[mid] > score) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** Adds the ids of the units scoring from {@code low} to {@code high}, both included. */
    void idsBetween(double low, double high, Collection<Long> out) {
      for (int i = above(high); i < size && scores[i] >= low; i++) {
        out.add(ids[i]);
      }
    }

    void append(long id, double score) {
      scores[size] = score;
      ids[size++] = id;
    }

    void sort() {
      Integer[] order = new Integer[size];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> compare(scores[a], ids[a], scores[b], ids[b]));
      double[] s = new double[scores.length];
      long[] d = new long[ids.length];
      for (int i = 0; i < size; i++) {
        s[i] = scores[order[i]];
        d[i] = ids[order[i]];
      }
      scores = s;
      ids = d;
    }

    void insert(long id, double score) {
      if (size == scores.length) {
        scores = Arrays.copyOf(scores, size * 2);
        ids = Arrays.copyOf(ids, size * 2);
      }
      int at = position(id, score);
      System.arraycopy(scores, at, scores, at + 1, size - at);
      System.arraycopy(ids, at, ids, at + 1, size - at);
      scores[at] = score;
      ids[at] = id;
      size++;
    }

    void remove(long id, double score) {
      int at = position(id, score);
      if (at < size && ids[at] == id) {
        System.arraycopy(scores, at + 1, scores, at, size - at - 1);
        System.arraycopy(ids, at + 1, ids, at, size - at - 1);
        size--;
      }
    }

    /** Where (score, id) is or would go. */
    private int position(long id, double score) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (compare(scores[mid], ids[mid], score, id) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private static int compare(double scoreA, long idA, double scoreB, long idB) {
      int byScore = Double.compare(scoreB, scoreA);
      return byScore != 0 ? byScore : Long.compare(idA, idB);
    }
  }
}
