package org.floodready.board.panels;

import org.floodready.board.charts.LevelChartSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelChartsTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final List<CheckpointData.LimitPeriod> SEASONS = List.of(
      new CheckpointData.LimitPeriod("主汛期", "06-01", "08-31", 129.0),
      new CheckpointData.LimitPeriod("后汛期", "09-01", "10-31", 130.5),
      new CheckpointData.LimitPeriod("非汛期", "11-01", "05-31", 132.0));

  @Test
  void theFloodLimitOfADayFollowsItsSeasonIncludingOneThatWrapsTheYear() {
    assertEquals(129.0, LevelCharts.levelOn(SEASONS, LocalDate.of(2026, 7, 20)));
    assertEquals(129.0, LevelCharts.levelOn(SEASONS, LocalDate.of(2026, 8, 31)));
    assertEquals(130.5, LevelCharts.levelOn(SEASONS, LocalDate.of(2026, 9, 1)));
    assertEquals(132.0, LevelCharts.levelOn(SEASONS, LocalDate.of(2026, 1, 15)));
    assertEquals(132.0, LevelCharts.levelOn(SEASONS, LocalDate.of(2026, 12, 31)));
    assertNull(LevelCharts.levelOn(List.of(SEASONS.get(0)), LocalDate.of(2026, 12, 1)));
  }

  @Test
  void stepsChangeAtLocalMidnightWhenTheSeasonChanges() {
    OffsetDateTime from = OffsetDateTime.parse("2026-08-30T12:00:00+08:00");
    OffsetDateTime to = OffsetDateTime.parse("2026-09-01T12:00:00+08:00");
    List<LevelChartSpec.Point> steps = LevelCharts.floodLimitSteps(SEASONS, from, to, ZONE);
    assertEquals(4, steps.size());
    assertEquals(129.0, steps.get(0).value());
    assertEquals(from.toInstant(), steps.get(0).at());
    assertEquals(OffsetDateTime.parse("2026-09-01T00:00:00+08:00").toInstant(), steps.get(2).at());
    assertEquals(130.5, steps.get(2).value());
    assertEquals(to.toInstant(), steps.get(3).at());
  }

  @Test
  void aReservoirChartHasTheDesignLevelsAndAWaterloggingPointItsThresholds() {
    OffsetDateTime to = OffsetDateTime.parse("2026-07-20T12:00:00+08:00");
    CheckpointData.Site reservoir = new CheckpointData.Site(1, "小魏庄水库", "reservoir", new BigDecimal("130.00"),
        new BigDecimal("131.20"), new BigDecimal("132.00"), new BigDecimal("132.80"), null, null, null, null);
    LevelChartSpec r = LevelCharts.spec(reservoir, List.of(new CheckpointData.Reading(to, 129.4)), SEASONS,
        to.minusHours(48), to, ZONE);
    assertEquals(3, r.lines().size());
    assertEquals(1, r.bands().size());
    assertEquals(131.2, r.bands().get(0).from());
    assertEquals(129.0, r.step().get(0).value());

    CheckpointData.Site point = new CheckpointData.Site(2, "烟厂西街", "waterlogging", null, null, null, null,
        new BigDecimal("5"), new BigDecimal("15"), new BigDecimal("25"), new BigDecimal("40"));
    LevelChartSpec p = LevelCharts.spec(point, List.of(), List.of(), to.minusHours(24), to, ZONE);
    assertEquals(List.of("blue", "yellow", "orange", "red"), p.lines().stream().map(LevelChartSpec.Line::colour).toList());
    assertEquals(0, p.step().size());
  }
}
