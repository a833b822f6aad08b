package org.floodready.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningRulesTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Checkpoint.Overrides NO_OVERRIDES = new Checkpoint.Overrides(null, null, null, null, null);
  /** 小魏庄-like: normal pool 128.5, flood-control high 131.0, design 132.6. */
  static final Checkpoint RESERVOIR = new Checkpoint(1, "R", "reservoir", "水库", "Reservoir", 1, 34.66, 113.74,
      new Checkpoint.Reservoir(118, 120, 128.5, 131.0, 132.6, 133.8, 135), null, NO_OVERRIDES, true);
  static final List<FloodLimitPeriod> LIMITS = List.of(
      new FloodLimitPeriod("main", MonthDay.of(6, 1), MonthDay.of(8, 15), 126.5),
      new FloodLimitPeriod("late", MonthDay.of(8, 16), MonthDay.of(9, 30), 127.5));
  static final Checkpoint ROAD = new Checkpoint(2, "W", "waterlogging", "积水点", "Point", 1, 34.7, 113.7, null,
      new Checkpoint.Waterlogging("road", 10, 15, 25, 40), NO_OVERRIDES, true);

  static final OffsetDateTime MAIN_SEASON = OffsetDateTime.parse("2026-07-20T08:00:00+08:00");
  static final OffsetDateTime LATE_SEASON = OffsetDateTime.parse("2026-09-10T08:00:00+08:00");

  private static WarningLevel level(Checkpoint c, WarningLevel current, double value, OffsetDateTime at) {
    return WarningRules.evaluate(c, LIMITS, current, new WarningRules.Sample(at, value), null, ZONE).level();
  }

  @Test
  void reservoirLevelsInTheMainSeason() {
    assertEquals(WarningLevel.NONE, level(RESERVOIR, WarningLevel.NONE, 125.9, MAIN_SEASON));
    assertEquals(WarningLevel.BLUE, level(RESERVOIR, WarningLevel.NONE, 126.0, MAIN_SEASON));
    assertEquals(WarningLevel.YELLOW, level(RESERVOIR, WarningLevel.NONE, 126.5, MAIN_SEASON));
    assertEquals(WarningLevel.ORANGE, level(RESERVOIR, WarningLevel.NONE, 131.0, MAIN_SEASON));
    assertEquals(WarningLevel.RED, level(RESERVOIR, WarningLevel.NONE, 132.6, MAIN_SEASON));
  }

  @Test
  void theSameLevelIsLowerWarningInTheLateSeasonAndNoneOffSeason() {
    assertEquals(WarningLevel.YELLOW, level(RESERVOIR, WarningLevel.NONE, 127.0, MAIN_SEASON));
    assertEquals(WarningLevel.BLUE, level(RESERVOIR, WarningLevel.NONE, 127.0, LATE_SEASON));
    assertEquals(WarningLevel.YELLOW, level(RESERVOIR, WarningLevel.NONE, 127.5, LATE_SEASON));
    OffsetDateTime winter = OffsetDateTime.parse("2026-12-01T08:00:00+08:00");
    assertEquals(WarningLevel.NONE, level(RESERVOIR, WarningLevel.NONE, 127.5, winter));
    assertEquals(WarningLevel.YELLOW, level(RESERVOIR, WarningLevel.NONE, 128.5, winter), "normal pool off season");
  }

  @Test
  void theDistrictDayDecidesTheSeason() {
    // 2026-08-15T17:00Z is already 08-16 01:00 in Zhengzhou: the late-season limit applies.
    OffsetDateTime utc = OffsetDateTime.parse("2026-08-15T17:00:00Z");
    assertEquals(127.5, WarningRules.floodLimit(RESERVOIR, LIMITS, utc, ZONE));
  }

  @Test
  void waterloggingLevelsAtEachThreshold() {
    assertEquals(WarningLevel.NONE, level(ROAD, WarningLevel.NONE, 9.9, MAIN_SEASON));
    assertEquals(WarningLevel.BLUE, level(ROAD, WarningLevel.NONE, 10, MAIN_SEASON));
    assertEquals(WarningLevel.YELLOW, level(ROAD, WarningLevel.NONE, 15, MAIN_SEASON));
    assertEquals(WarningLevel.ORANGE, level(ROAD, WarningLevel.NONE, 25, MAIN_SEASON));
    assertEquals(WarningLevel.RED, level(ROAD, WarningLevel.NONE, 40, MAIN_SEASON));
  }

  @Test
  void hysteresisHoldsALevelUntilTheValueFallsBelowThresholdMinusMargin() {
    assertEquals(WarningLevel.YELLOW, level(ROAD, WarningLevel.YELLOW, 13, MAIN_SEASON), "within the 3 cm margin");
    assertEquals(WarningLevel.YELLOW, level(ROAD, WarningLevel.YELLOW, 12, MAIN_SEASON), "exactly threshold - margin");
    assertEquals(WarningLevel.BLUE, level(ROAD, WarningLevel.YELLOW, 11.9, MAIN_SEASON));
    assertEquals(WarningLevel.NONE, level(ROAD, WarningLevel.RED, 6.9, MAIN_SEASON), "falls through every level");
    assertEquals(WarningLevel.ORANGE, level(ROAD, WarningLevel.RED, 36, MAIN_SEASON), "red held to 37, orange below");
  }

  @Test
  void aNoisySeriesAroundAThresholdDoesNotFlap() {
    double[] noisy = {14.0, 15.2, 14.1, 15.6, 13.5, 15.1, 12.8, 14.9, 15.3, 13.0};
    WarningLevel current = WarningLevel.BLUE;
    List<WarningLevel> seen = new ArrayList<>();
    for (double v : noisy) {
      current = level(ROAD, current, v, MAIN_SEASON);
      seen.add(current);
    }
    assertEquals(WarningLevel.BLUE, seen.get(0));
    assertTrue(seen.subList(1, seen.size()).stream().allMatch(l -> l == WarningLevel.YELLOW),
        "once yellow, stays yellow while noise stays above 12 cm: " + seen);
    int changes = 0;
    WarningLevel plain = WarningLevel.BLUE;
    for (double v : noisy) {
      WarningLevel next = v >= 15 ? WarningLevel.YELLOW : WarningLevel.BLUE;
      changes += next != plain ? 1 : 0;
      plain = next;
    }
    assertTrue(changes >= 6, "without hysteresis the same series would flap " + changes + " times");
  }

  @Test
  void riseRateMakesAReservoirAtLeastYellow() {
    OffsetDateTime t0 = MAIN_SEASON;
    List<WarningRules.Sample> history = List.of(new WarningRules.Sample(t0, 120.0),
        new WarningRules.Sample(t0.plusMinutes(30), 120.1));
    WarningRules.Sample now = new WarningRules.Sample(t0.plusHours(1), 120.4);
    Double rate = WarningRules.risePerHour(history, now);
    assertEquals(0.6, rate, 1e-9, "against the reading 30 minutes before");
    WarningRules.Evaluation e = WarningRules.evaluate(RESERVOIR, LIMITS, WarningLevel.NONE, now, rate, ZONE);
    assertEquals(WarningLevel.YELLOW, e.level());
    assertTrue(e.reason().contains("m/h"), e.reason());
    WarningRules.Evaluation slow = WarningRules.evaluate(RESERVOIR, LIMITS, WarningLevel.NONE, now, 0.2, ZONE);
    assertEquals(WarningLevel.NONE, slow.level());
    assertEquals(WarningLevel.ORANGE, WarningRules.evaluate(RESERVOIR, LIMITS, WarningLevel.NONE,
        new WarningRules.Sample(now.at(), 131.2), rate, ZONE).level(), "the rate never lowers a level");
  }

  @Test
  void riseRateNeedsAReadingBetweenHalfAnHourAndThreeHoursOld() {
    OffsetDateTime t0 = MAIN_SEASON;
    WarningRules.Sample now = new WarningRules.Sample(t0.plusHours(4), 121);
    assertNull(WarningRules.risePerHour(List.of(new WarningRules.Sample(t0, 120)), now), "too old");
    assertNull(WarningRules.risePerHour(List.of(new WarningRules.Sample(t0.plusMinutes(220), 120)), now), "too recent");
  }
}
