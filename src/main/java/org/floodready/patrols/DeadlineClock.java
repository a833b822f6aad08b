package org.floodready.patrols;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What shortens the deadlines of high-severity hazards at one moment: the units under a red or orange warning
 * and the factor (see {@link HazardClock}). A reader that keeps the last one can tell, at the next, in which
 * units the effective deadlines moved.
 */
public record DeadlineClock(Long[] warnedUnitIds, double factor) {
  /** The units whose high-severity deadlines differ between {@code before} (null: unknown) and this clock. */
  Long[] unitsChangedSince(DeadlineClock before) {
    Set<Long> now = new HashSet<>(Arrays.asList(warnedUnitIds));
    if (before == null || before.factor != factor) {
      now.addAll(before == null ? Set.of() : Arrays.asList(before.warnedUnitIds));
      return now.toArray(Long[]::new);
    }
    Set<Long> then = new HashSet<>(Arrays.asList(before.warnedUnitIds));
    Set<Long> changed = new HashSet<>(now);
    changed.addAll(then);
    now.retainAll(then);
    changed.removeAll(now);
    return changed.toArray(Long[]::new);
  }

  /** The units warned both at {@code before} and now (none when {@code before} is unknown or the factor moved). */
  Long[] unitsWarnedThroughout(DeadlineClock before) {
    if (before == null || before.factor != factor) {
      return new Long[0];
    }
    Set<Long> both = new HashSet<>(Arrays.asList(warnedUnitIds));
    both.retainAll(Arrays.asList(before.warnedUnitIds));
    return both.toArray(Long[]::new);
  }
}
