package org.floodready.readiness;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a unit's snapshot entry keeps to update its figures without reading its subtree again: its own
 * totals (from the read at {@code ownSeq}), each child's subtree totals as that child last reported
 * them, and its own subtree totals with their {@code stamp}. A stamp only grows (and starts above any
 * earlier one when an entry is recreated), so a parent takes a child's totals only when newer.
 */
record UnitTree(long ownSeq, UnitTotals own, TreeMap<Long, Slot> children, long stamp, UnitTotals subtree)
    implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  static final UnitTree EMPTY = new UnitTree(0, null, new TreeMap<>(), 0, new UnitTotals());

  /** A child's subtree totals and the child's stamp when it computed them. */
  record Slot(long stamp, UnitTotals totals) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /** Own plus every child's totals, children in ascending unit id (as {@link ReadinessCalculator#compute}). */
  static UnitTotals sum(UnitTotals own, Map<Long, Slot> children) {
    TreeMap<Long, UnitTotals> totals = new TreeMap<>();
    children.forEach((id, slot) -> totals.put(id, slot.totals()));
    return UnitTotals.subtree(own, totals);
  }

  /** Greater than the previous stamp and than any stamp given out before now (hybrid logical clock). */
  static long nextStamp(long previous) {
    return Math.max(previous + 1, System.currentTimeMillis() * 1000);
  }
}
