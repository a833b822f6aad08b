package org.floodready.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The gap rule alone; LogFollowerGapTest and LogFollowerHorizonTest show it on a real log with real transactions. */
class LogGapTest {
  @Test
  void aGapIsHeldUntilASnapshotNoLongerSeesAnyTransactionOlderThanTheHorizonDrawnAfterIt() {
    LogGap gap = new LogGap(120_000);
    // row 8 seen with id 7 missing: the reader first draws a transaction id of its own
    assertEquals(LogGap.Verdict.NEEDS_HORIZON, gap.at(8, 990, 0));
    assertEquals(LogGap.Verdict.NEEDS_HORIZON, gap.at(8, 990, 10), "held until the horizon is drawn");
    gap.horizon(8, 1000);
    // later snapshots whose oldest running transaction is still below 1000: it may be 7's writer
    assertEquals(LogGap.Verdict.HOLD, gap.at(8, 999, 1_000));
    // every transaction below 1000 has ended and 7 is still missing: it rolled back
    assertEquals(LogGap.Verdict.ROLLED_BACK, gap.at(8, 1000, 2_000));
  }

  @Test
  void aHorizonDrawnForALaterRowHoldsForAnEarlierGapButNotForALaterOne() {
    LogGap gap = new LogGap(120_000);
    assertEquals(LogGap.Verdict.NEEDS_HORIZON, gap.at(12, 990, 0));
    gap.horizon(12, 1000);
    // ids 10 and 11 committed meanwhile, 9 is still missing: whatever took it did so before 12, so before 1000
    assertEquals(LogGap.Verdict.HOLD, gap.at(10, 995, 5));
    assertEquals(LogGap.Verdict.ROLLED_BACK, gap.at(10, 1000, 10));
    gap.passed();
    // a new gap further on: 1000 no longer bounds who took its ids
    assertEquals(LogGap.Verdict.NEEDS_HORIZON, gap.at(20, 1000, 20));
    gap.horizon(20, 1100);
    assertEquals(LogGap.Verdict.HOLD, gap.at(20, 1099, 25));
    assertEquals(LogGap.Verdict.ROLLED_BACK, gap.at(20, 1100, 30));
  }

  @Test
  void aGapHeldByAStuckSessionIsGivenUpAfterTheLimitAndNotBefore() {
    LogGap gap = new LogGap(120_000);
    assertEquals(LogGap.Verdict.NEEDS_HORIZON, gap.at(8, 990, 5_000));
    gap.horizon(8, 1000);
    assertEquals(LogGap.Verdict.HOLD, gap.at(8, 990, 124_999));
    assertEquals(LogGap.Verdict.GIVEN_UP, gap.at(8, 990, 125_000));
    gap.passed();
    assertEquals(0, gap.heldMs(200_000));
    assertEquals(LogGap.Verdict.NEEDS_HORIZON, gap.at(30, 990, 200_000));
    gap.horizon(30, 1200);
    assertEquals(LogGap.Verdict.HOLD, gap.at(30, 990, 200_001), "the next gap's clock starts anew");
  }
}
