package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which units' high-severity deadlines moved between two deadline clocks. */
class DeadlineClockTest {
  private static Set<Long> set(Long[] ids) {
    return Set.of(ids);
  }

  @Test
  void aWarningThatStartedOrEndedMovesItsUnitsDeadlinesOnly() {
    DeadlineClock before = new DeadlineClock(new Long[] {1L, 2L, 3L}, 0.5);
    DeadlineClock now = new DeadlineClock(new Long[] {2L, 3L, 4L}, 0.5);
    assertEquals(Set.of(1L, 4L), set(now.unitsChangedSince(before)));
    assertEquals(Set.of(2L, 3L), set(now.unitsWarnedThroughout(before)));
  }

  @Test
  void anUnknownClockOrAChangedFactorMovesEveryWarnedUnit() {
    DeadlineClock now = new DeadlineClock(new Long[] {2L, 3L}, 0.5);
    assertEquals(Set.of(2L, 3L), set(now.unitsChangedSince(null)));
    assertEquals(Set.of(), set(now.unitsWarnedThroughout(null)));
    DeadlineClock before = new DeadlineClock(new Long[] {1L, 2L}, 0.25);
    assertEquals(Set.of(1L, 2L, 3L), set(now.unitsChangedSince(before)));
    assertEquals(Set.of(), set(now.unitsWarnedThroughout(before)));
  }
}
