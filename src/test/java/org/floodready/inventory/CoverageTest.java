package org.floodready.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The one coverage formula: capped rows, criticality-weighted groups, percentages that floor honestly. */
class CoverageTest {
  @Test
  void aRowIsUsableOverRequiredCappedAtOneAndNothingRequiredIsCovered() {
    assertEquals(0.5, Coverage.capped(5, 10), 0.0);
    assertEquals(1.0, Coverage.capped(30, 10), 0.0, "a surplus counts as 100%");
    assertEquals(1.0, Coverage.capped(0, 0), 0.0);
    assertEquals(new BigDecimal("0.3333"), Coverage.ratio(new BigDecimal("1"), new BigDecimal("3")));
    assertNull(Coverage.ratio(BigDecimal.ONE, BigDecimal.ZERO), "no quota is not 0% covered");
  }

  @Test
  void aPercentageIsExactWhereTheRatioTimesAHundredIsNot() {
    assertTrue(0.29 * 100 < 29, "the double trap the percentage avoids");
    assertEquals(29.0, Math.floor(Coverage.percent(29, 100) * 10) / 10, 0.0);
    assertEquals(100.0, Coverage.percent(300, 100), 0.0);
  }

  @Test
  void aGroupIsTheCriticalityWeightedMeanSoASurplusCannotHideAGap() {
    Coverage.Mean mean = new Coverage.Mean();
    assertTrue(mean.isEmpty());
    mean.add(Coverage.capped(0, 10), 3).add(Coverage.capped(1000, 10), 1);
    assertEquals(0.25, mean.value(), 1e-12, "bags at 0% (criticality 3) and boats at 10000% (1)");
  }
}
