package org.floodready.readiness;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a unit's snapshot entry keeps to update its figures without reading its subtree again: the
 * totals of its own lines in parts (one per base, its checkpoints, its reaches and hazards), each with
 * the live-log sequence value read before it; each child's subtree totals as that child last reported
 * them; and its own subtree totals with their {@code stamp}. A stamp only grows (and starts above any
 * earlier one when an entry is recreated), so a parent takes a child's totals only when newer.
 */
record UnitTree(TreeMap<String, Part> parts, TreeMap<Long, Slot> children, long stamp, UnitTotals subtree)
    implements Serializable {
  @Serial
  private static final long serialVersionUID = 2L;

  static final UnitTree EMPTY = new UnitTree(new TreeMap<>(), new TreeMap<>(), 0, new UnitTotals());

  /** The totals of one part of the unit's own lines, read at {@code seq}. */
  record Part(long seq, UnitTotals totals) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /** A child's subtree totals and the child's stamp when it computed them. */
  record Slot(long stamp, UnitTotals totals) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /** The parts, then every child, in the order {@link ReadinessCalculator#compute} adds them. */
  static UnitTotals sum(Map<String, Part> parts, Map<Long, Slot> children) {
    TreeMap<String, UnitTotals> own = new TreeMap<>();
    parts.forEach((key, part) -> own.put(key, part.totals()));
    TreeMap<Long, UnitTotals> below = new TreeMap<>();
    children.forEach((id, slot) -> below.put(id, slot.totals()));
    return UnitTotals.subtree(UnitTotals.own(own), below);
  }

  /** Greater than the previous stamp and than any stamp given out before now (hybrid logical clock). */
  static long nextStamp(long previous) {
    return Math.max(previous + 1, System.currentTimeMillis() * 1000);
  }
}
