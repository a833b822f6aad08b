package org.floodready.board.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.floodready.support.TestClock;
import org.junit.jupiter.api.Test;

class ChartVersionsTest {
  static final List<String> SOURCES = List.of(ChartVersions.COVERAGE, ChartVersions.COMPLIANCE,
      ChartVersions.HAZARDS, ChartVersions.READINESS, ChartVersions.LEVELS + 1, ChartVersions.LEVELS + 2);

  final TestClock clock = new TestClock(Instant.parse("2026-07-20T08:30:10Z"));
  final ChartVersions versions = new ChartVersions(clock);

  Map<String, String> all() {
    return SOURCES.stream().collect(Collectors.toMap(Function.identity(), versions::version));
  }

  /** The sources whose version an event moved. */
  List<String> movedBy(JsonObject event) {
    Map<String, String> before = all();
    versions.onEvent(event);
    Map<String, String> after = all();
    return SOURCES.stream().filter(s -> !before.get(s).equals(after.get(s))).toList();
  }

  @Test
  void aStockMovementMovesTheCoverageChartOnly() {
    assertEquals(List.of(ChartVersions.COVERAGE),
        movedBy(new JsonObject().put("type", "stock.changed").put("unitId", 3).put("baseId", 2)));
    assertEquals(List.of(ChartVersions.COVERAGE), movedBy(new JsonObject().put("type", "quota.changed")));
  }

  @Test
  void aHazardMovesComplianceAndHazardAges() {
    assertEquals(List.of(ChartVersions.COMPLIANCE, ChartVersions.HAZARDS),
        movedBy(new JsonObject().put("type", "hazard.changed").put("unitId", 4)));
  }

  @Test
  void aReadingMovesTheLevelChartOfItsCheckpointOnly() {
    assertEquals(List.of(ChartVersions.LEVELS + 2),
        movedBy(new JsonObject().put("type", "reading.recorded").put("checkpointId", 2)));
  }

  @Test
  void alertsAreOnNoChart() {
    assertEquals(List.of(), movedBy(new JsonObject().put("type", "alert.raised").put("checkpointId", 1)));
  }

  @Test
  void anEventOfAnUnknownTypeMovesEveryChart() {
    assertEquals(SOURCES, movedBy(new JsonObject().put("type", "something.new")));
    assertEquals(SOURCES, movedBy(new JsonObject().put("type", "checkpoint.changed")),
        "a checkpoint event without its id cannot be narrowed down");
  }

  @Test
  void theVersionMovesWithThePeriodOfTheClock() {
    String before = versions.version(ChartVersions.COVERAGE);
    clock.advance(Duration.ofSeconds(30));
    assertEquals(before, versions.version(ChartVersions.COVERAGE), "same minute");
    clock.advance(Duration.ofMillis(ChartVersions.PERIOD_MS));
    assertNotEquals(before, versions.version(ChartVersions.COVERAGE));
  }
}
