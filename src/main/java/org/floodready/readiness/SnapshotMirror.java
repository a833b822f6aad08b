package org.floodready.readiness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's copy of the snapshot map's entries, kept by an entry listener (every member's writes),
 * by this node's own applies (at once, so a read on the node that applied sees it) and by a full
 * reload now and then in case listener events were lost. {@code generation} moves on every change,
 * so a view built from the copy knows when it is stale.
 */
final class SnapshotMirror {
  private final Map<Long, Held> entries = new ConcurrentHashMap<>();

  /**
   * An entry and what ranking and filtering read of it, parsed once when it arrives (the view of a
   * province's 50,000 entries is rebuilt on every change; parsing them all each time took seconds).
   */
  record Held(UnitSnapshot snapshot, String level, String code, Long parentId, Double score) {
    static Held of(UnitSnapshot s) {
      io.vertx.core.json.JsonObject json = s.toJson();
      Object score = json.getValue("score");
      Object parent = json.getValue("parentId");
      return new Held(s, json.getString("level"), json.getString("code"),
          parent instanceof Number n ? n.longValue() : null, score instanceof Number n ? n.doubleValue() : null);
    }
  }
  private final AtomicLong generation = new AtomicLong();
  private volatile long loadedAtNanos;
  private volatile boolean loaded;

  long generation() {
    return generation.get();
  }

  boolean loaded() {
    return loaded;
  }

  long loadedAtNanos() {
    return loadedAtNanos;
  }

  /** Keeps the entry unless the mirror already holds a newer one of the same unit. */
  void put(UnitSnapshot entry) {
    UnitSnapshot next = withoutTree(entry);
    boolean[] changed = {false};
    entries.compute(next.unitId(), (id, old) -> {
      if (old != null && !newer(next, old.snapshot())) {
        return old;
      }
      changed[0] = true;
      return old != null && old.snapshot().json().equals(next.json())
          ? new Held(new UnitSnapshot(next.unitId(), next.version(), next.seq(), old.snapshot().json()), old.level(),
              old.code(), old.parentId(), old.score())
          : Held.of(next);
    });
    if (changed[0]) {
      generation.incrementAndGet();
    }
  }

  /** Takes the entry whatever its version (a split-brain merge decided it). */
  void replace(UnitSnapshot next) {
    entries.put(next.unitId(), Held.of(withoutTree(next)));
    generation.incrementAndGet();
  }

  void remove(long unitId) {
    if (entries.remove(unitId) != null) {
      generation.incrementAndGet();
    }
  }

  void clear() {
    entries.clear();
    generation.incrementAndGet();
  }

  /**
   * Merges a full read of the map: newer entries win (an apply of this node may have landed after the
   * read), units missing from the read and present before it started are dropped.
   */
  void reload(Set<Long> keysBefore, Collection<UnitSnapshot> read) {
    Set<Long> seen = new HashSet<>();
    for (UnitSnapshot s : read) {
      seen.add(s.unitId());
      put(s);
    }
    for (Long id : keysBefore) {
      if (!seen.contains(id)) {
        remove(id);
      }
    }
    loadedAtNanos = System.nanoTime();
    loaded = true;
  }

  Set<Long> keys() {
    return Set.copyOf(entries.keySet());
  }

  List<UnitSnapshot> values() {
    return entries.values().stream().map(Held::snapshot).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
  }

  List<Held> held() {
    return new ArrayList<>(entries.values());
  }

  /**
   * Reads need the entry's JSON only: the totals it was computed from (one part per base, a slot per child)
   * stay in the map, so the mirror's size does not grow with the bases.
   */
  private static UnitSnapshot withoutTree(UnitSnapshot s) {
    return s.tree() == null ? s : new UnitSnapshot(s.unitId(), s.version(), s.seq(), s.json());
  }

  /** Versions only grow per unit; an equal version with a later read (seq) is newer too. */
  static boolean newer(UnitSnapshot candidate, UnitSnapshot current) {
    return candidate.version() > current.version()
        || candidate.version() == current.version() && candidate.seq() > current.seq();
  }
}
