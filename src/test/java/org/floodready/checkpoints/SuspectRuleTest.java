package org.floodready.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuspectRuleTest {
  private static SuspectRule.Point p(long id, double v) {
    return new SuspectRule.Point(id, v, false);
  }

  @Test
  void aLoneSpikeIsFlaggedButNotTheReadingAfterIt() {
    List<SuspectRule.Point> seq = List.of(p(1, 120.0), p(2, 120.1), p(3, 125.0), p(4, 120.2));
    assertEquals(List.of(3L), SuspectRule.flag(seq, Set.of(2L, 3L, 4L), 1.0));
  }

  @Test
  void aRealStepIsFlaggedOnceThenConfirmed() {
    List<SuspectRule.Point> seq = List.of(p(1, 5), p(2, 40), p(3, 42), p(4, 45));
    assertEquals(List.of(2L), SuspectRule.flag(seq, Set.of(2L, 3L, 4L), 20));
  }

  @Test
  void onlyFreshReadingsAreFlaggedAndTheFirstReadingNever() {
    List<SuspectRule.Point> seq = List.of(p(1, 5), p(2, 90));
    assertEquals(List.of(), SuspectRule.flag(seq, Set.of(1L), 20));
    assertEquals(List.of(), SuspectRule.flag(List.of(p(9, 300)), Set.of(9L), 20));
  }

  @Test
  void aStoredSuspectReadingIsNotTrusted() {
    List<SuspectRule.Point> seq = List.of(p(1, 5), new SuspectRule.Point(2, 90, true), p(3, 6));
    assertEquals(List.of(), SuspectRule.flag(seq, Set.of(3L), 20));
  }
}
