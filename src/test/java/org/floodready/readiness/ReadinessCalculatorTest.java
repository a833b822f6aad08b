package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.floodready.units.Unit;
import org.junit.jupiter.api.Test;

class ReadinessCalculatorTest {
  static final Unit CITY = new Unit(1, "C", "市", "City", "city", null);
  static final Unit DISTRICT = new Unit(2, "C-D", "区", "District", "district", 1L);
  static final Unit STREET_A = new Unit(3, "C-D-A", "甲街道", "Street A", "street", 2L);
  static final Unit STREET_B = new Unit(4, "C-D-B", "乙街道", "Street B", "street", 2L);
  static final Unit COMMUNITY = new Unit(5, "C-D-A-1", "社区", "Community", "community", 3L);
  static final List<Unit> UNITS = List.of(CITY, DISTRICT, STREET_A, STREET_B, COMMUNITY);

  private static StockLine stock(long unit, String category, String nameEn, double criticality, double required,
      double usable) {
    return new StockLine(unit, category, nameEn, nameEn, nameEn, "equipment".equals(category), criticality,
        required, usable);
  }

  private static Map<Long, UnitFigures> compute(List<StockLine> stock, List<CheckpointLine> checkpoints,
      List<PatrolLine> patrols) {
    return ReadinessCalculator.compute(new ReadinessInputs(UNITS, stock, checkpoints, patrols));
  }

  @Test
  void stockIndexWeighsItemsByCriticalityAndCapsSurplus() {
    Map<Long, UnitFigures> f = compute(List.of(
        stock(3, "materials", "woven bags", 1, 1000, 500),      // 0.5, weight 1
        stock(3, "life_saving", "life jackets", 3, 100, 300)), // capped at 1, weight 3
        List.of(), List.of());
    JsonObject m = f.get(3L).metrics();
    assertEquals((0.5 * 1 + 1.0 * 3) / 4, m.getDouble("stockIndex"), 1e-4);
    assertEquals(1, m.getInteger("shortItems"));
    assertEquals("materials", m.getJsonArray("worstCategories").getJsonObject(0).getString("category"));
    assertEquals(1, m.getJsonArray("worstCategories").size(), "a fully covered category is not among the worst");
  }

  @Test
  void figuresAggregateUpTheTreeButNotSideways() {
    Map<Long, UnitFigures> f = compute(
        List.of(stock(5, "equipment", "submersible pump", 2, 10, 4), stock(4, "equipment", "generator set", 2, 2, 2)),
        List.of(new CheckpointLine(5, "yellow", false, 1), new CheckpointLine(4, "red", true, 2),
            new CheckpointLine(4, "none", false, 0)),
        List.of(new PatrolLine(3, 4, 3, 2, 1)));
    JsonObject street = f.get(3L).metrics();
    assertEquals(4.0, street.getJsonObject("equipment").getJsonObject("pumps").getDouble("usable"));
    assertEquals(0.0, street.getJsonObject("equipment").getJsonObject("generators").getDouble("required"));
    assertEquals(1, street.getJsonObject("alertsByLevel").getInteger("yellow"));
    assertEquals(0, street.getJsonObject("alertsByLevel").getInteger("red"));
    JsonObject city = f.get(1L).metrics();
    assertEquals(1, city.getJsonObject("alertsByLevel").getInteger("red"));
    assertEquals(3, city.getInteger("activeAlerts"));
    assertEquals(3, city.getInteger("checkpoints"));
    assertEquals(1, city.getInteger("silentCheckpoints"));
    assertEquals((4.0 + 2.0) / 12.0, city.getDouble("equipmentRatio"), 1e-4);
    assertEquals(0.75, city.getDouble("patrolCompliance"));
    assertEquals(1, city.getInteger("overdueHazards"));
    assertNull(f.get(4L).metrics().getValue("patrolCompliance"), "street B has no reaches");
  }

  @Test
  void scoreUsesOnlyComponentsWithDataAndRenormalisesTheWeights() {
    assertNull(ReadinessCalculator.score(null, null, null, null, null, null));
    assertEquals(50.0, ReadinessCalculator.score(0.5, null, null, null, null, null));
    double expected = 100 * (0.35 * 1.0 + 0.20 * 0.5 + 0.20 * 0.0 + 0.15 * 1.0 + 0.10 * 1.0);
    assertEquals(Math.round(expected * 10) / 10.0, ReadinessCalculator.score(1.0, 0.5, 0.0, 1.0, 1.0, null));
    Map<Long, UnitFigures> f = compute(List.of(), List.of(new CheckpointLine(5, "none", true, 0),
        new CheckpointLine(5, "none", false, 0)), List.of());
    assertEquals(50.0, f.get(5L).metrics().getDouble("score"), "only monitoring: half the checkpoints are silent");
  }

  @Test
  void standbyTeamsCountOnlyAgainstTheirOwnUnitsRequirement() {
    Map<Long, UnitFigures> f = ReadinessCalculator.compute(new ReadinessInputs(UNITS, List.of(), List.of(), List.of(),
        List.of(new TeamLine(2, 3, 2), new TeamLine(3, 1, 2), new TeamLine(4, 2, 0))));
    assertEquals(0.5, f.get(3L).metrics().getDouble("teamReadiness"), "street A: 1 of 2 on standby");
    JsonObject district = f.get(2L).metrics();
    assertEquals(0.75, district.getDouble("teamReadiness"), "min(3,2) + min(1,2) of 2 + 2: a surplus covers no one else");
    assertEquals(6, district.getInteger("teamsStandby"));
    assertEquals(4, district.getInteger("teamsRequired"));
    assertEquals(75.0, district.getDouble("score"), "teams are the only component with data");
    assertNull(f.get(4L).metrics().getValue("teamReadiness"), "street B requires none: no component");
    assertNull(f.get(4L).metrics().getValue("score"));
    assertEquals(0.75, f.get(1L).metrics().getDouble("teamReadiness"));
  }

  @Test
  void equipmentKindsAreRecognisedInEitherLanguage() {
    assertEquals("pumps", ReadinessCalculator.equipmentKind(new StockLine(1, "equipment", "潜水泵", "", "", true, 1, 1, 1)));
    assertEquals("boats", ReadinessCalculator.equipmentKind(new StockLine(1, "life_saving", "冲锋舟", "Assault boat", "", false, 1, 1, 1)));
    assertEquals("generators", ReadinessCalculator.equipmentKind(new StockLine(1, "equipment", "", "Generator set", "", true, 1, 1, 1)));
    assertNull(ReadinessCalculator.equipmentKind(new StockLine(1, "materials", "编织袋", "Woven bags", "", false, 1, 1, 1)));
  }
}
