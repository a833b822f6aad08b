package org.floodready.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The gap rule alone; LogFollowerGapTest shows it on a real log with real transactions. */
class LogGapTest {
  @Test
  void aGapIsHeldUntilASnapshotNoLongerSeesAnyTransactionThatCouldFillIt() {
    LogGap gap = new LogGap(120_000);
    // row 8 seen with id 7 missing, in a snapshot whose xmax is 1000: 7's writer has an xid below 1000
    assertEquals(LogGap.Verdict.HOLD, gap.at(8, 990, 1000, 0));
    // later snapshots whose oldest running transaction is still below 1000: it may be 7's writer
    assertEquals(LogGap.Verdict.HOLD, gap.at(8, 999, 1010, 1_000));
    // every transaction below 1000 has ended and 7 is still missing: it rolled back
    assertEquals(LogGap.Verdict.ROLLED_BACK, gap.at(8, 1000, 1020, 2_000));
  }

  @Test
  void aLaterGapTakesTheHorizonOfTheSnapshotThatFirstSawIt() {
    LogGap gap = new LogGap(120_000);
    assertEquals(LogGap.Verdict.HOLD, gap.at(8, 990, 1000, 0));
    assertEquals(LogGap.Verdict.ROLLED_BACK, gap.at(8, 1000, 1005, 10));
    gap.passed();
    // a new gap further on, first seen in a snapshot with xmax 1100: xmin 1000 no longer suffices
    assertEquals(LogGap.Verdict.HOLD, gap.at(20, 1000, 1100, 20));
    assertEquals(LogGap.Verdict.ROLLED_BACK, gap.at(20, 1100, 1100, 30));
  }

  @Test
  void aGapHeldByAStuckSessionIsGivenUpAfterTheLimitAndNotBefore() {
    LogGap gap = new LogGap(120_000);
    assertEquals(LogGap.Verdict.HOLD, gap.at(8, 990, 1000, 5_000));
    assertEquals(LogGap.Verdict.HOLD, gap.at(8, 990, 1000, 124_999));
    assertEquals(LogGap.Verdict.GIVEN_UP, gap.at(8, 990, 1000, 125_000));
    gap.passed();
    assertEquals(0, gap.heldMs(200_000));
    assertEquals(LogGap.Verdict.HOLD, gap.at(30, 990, 1200, 200_000), "the next gap's clock starts anew");
  }
}
