package org.floodready.readiness;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final JsonFactory JSON = new JsonFactory();
  private final Map<Long, Held> entries = new ConcurrentHashMap<>();

  /**
   * An entry (its JSON as UTF-8: half the bytes of a Java string holding Chinese names) and what ranking
   * and filtering read of it, parsed once when it arrives: the view of a province's 50,000 entries is
   * rebuilt on every change, and parsing them all each time took seconds.
   */
  record Held(long unitId, long version, long seq, byte[] json, String level, String code, Long parentId,
      Double score) {
    static Held of(UnitSnapshot s) {
      byte[] bytes = s.utf8();
      String level = null;
      String code = null;
      Long parentId = null;
      Double score = null;
      // only four top-level fields: streamed, the metrics skipped (a whole tree per entry was most of a rebuild's
      // garbage on every node)
      try (JsonParser p = JSON.createParser(bytes)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IllegalArgumentException("a readiness entry is a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          switch (name) {
            case "level" -> level = value == JsonToken.VALUE_NULL ? null : p.getText();
            case "code" -> code = value == JsonToken.VALUE_NULL ? null : p.getText();
            case "parentId" -> parentId = value.isNumeric() ? p.getLongValue() : null;
            case "score" -> score = value.isNumeric() ? p.getDoubleValue() : null;
            default -> p.skipChildren();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Held(s.unitId(), s.version(), s.seq(), bytes, level, code, parentId, score);
    }

    UnitSnapshot snapshot() {
      return new UnitSnapshot(unitId, version, seq, json);
    }

    /** The same entry, newer in version or seq only. */
    Held with(UnitSnapshot s) {
      return new Held(s.unitId(), s.version(), s.seq(), json, level, code, parentId, score);
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
      if (old != null && !newer(next.version(), next.seq(), old.version(), old.seq())) {
        return old;
      }
      changed[0] = true;
      return old != null && Arrays.equals(old.json(), next.utf8()) ? old.with(next)
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

  int size() {
    return entries.size();
  }

  Set<Long> keys() {
    return Set.copyOf(entries.keySet());
  }

  List<UnitSnapshot> values() {
    return entries.values().stream().map(Held::snapshot).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
  }

  /** One unit's entry (null when the mirror lacks it). */
  Held held(long unitId) {
    return entries.get(unitId);
  }

  List<Held> held() {
    return new ArrayList<>(entries.values());
  }

  /**
   * Reads need the entry's JSON only: the totals it was computed from (one part per base, a slot per child)
   * stay in the map, so the mirror's size does not grow with the bases.
   */
  private static UnitSnapshot withoutTree(UnitSnapshot s) {
    return s.withoutTree();
  }

  /** Versions only grow per unit; an equal version with a later read (seq) is newer too. */
  static boolean newer(UnitSnapshot candidate, UnitSnapshot current) {
    return newer(candidate.version(), candidate.seq(), current.version(), current.seq());
  }

  private static boolean newer(long version, long seq, long currentVersion, long currentSeq) {
    return version > currentVersion || version == currentVersion && seq > currentSeq;
  }
}
