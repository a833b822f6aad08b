package org.floodready.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import org.floodready.inventory.ResponseLevel;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.Users;
import org.junit.jupiter.api.Test;

/**
 * What the board's figures promise, through the API, in the flood season (July): whole-number quotas of
 * counted items, never-reported checkpoints as unknown (underpasses flagged), panels by role, a scoped
 * readiness chart, and the report's tables saying the ranking level and the unknown state.
 */
@FloodReadyTest(clock = "2027-07-15T10:00:00+08:00")
class BoardTrustApiTest {
  @Test
  void aMultipliedQuotaOfCountedItemsIsRoundedUpAndOtherQuantitiesKeepTheirDecimals(@As("admin") Api admin,
      @As("duty") Api duty) {
    Resp quota = admin.put("/api/bases/5/quotas/23", new JsonObject().put("required", 17));
    assertTrue(quota.status() < 300, quota.toString());
    JsonArray rows = duty.get("/api/coverage?responseLevel=II&size=500").json().getJsonArray("items");
    JsonObject pumps = rows.stream().map(o -> (JsonObject) o)
        .filter(r -> r.getLong("baseId") == 5 && r.getLong("itemId") == 23).findFirst().orElseThrow();
    assertEquals(26.0, pumps.getDouble("required"), 0.0, "17 × 1.5 = 25.5 pumps, rounded up: " + pumps.encode());
    for (Object o : rows) {
      JsonObject r = (JsonObject) o;
      if (ResponseLevel.COUNTED_UNITS.contains(r.getString("unitOfMeasure"))) {
        assertEquals(Math.ceil(r.getDouble("required")), r.getDouble("required"), 0.0, r.encode());
      }
    }
    JsonObject board = duty.get("/api/dashboard/panels/coverage").json();
    // distances to the bases that can give (one decimal of a km) are not quantities
    String quantities = board.encode().replaceAll("\"distanceKm\":[0-9.]+", "");
    assertFalse(quantities.contains(".5,"), "no half pieces on the board at the current level");
  }

  @Test
  void aCheckpointThatNeverReportedIsUnknownAndAnUnderpassInTheSeasonStandsOut(@As("duty") Api duty) {
    JsonArray items = duty.get("/api/dashboard/panels/checkpoints").json().getJsonArray("items");
    JsonObject underpass = items.stream().map(o -> (JsonObject) o)
        .filter(c -> "underpass".equals(c.getString("pointKind")) && c.getValue("lastReadingAt") == null)
        .findFirst().orElseThrow(() -> new AssertionError("a never-reported underpass in the demo: " + items.encode()));
    assertEquals("unknown", underpass.getString("state"));
    assertEquals("未知 never reported", underpass.getString("stateZh"));
    assertTrue(underpass.getBoolean("needsAttention"), "July is flood season: " + underpass.encode());
    assertFalse(underpass.containsKey("detailPath"), "no raw API link in the pop-up");
    for (Object o : items) {
      JsonObject c = (JsonObject) o;
      if (c.getValue("lastReadingAt") == null) {
        assertNotEquals("none", c.getString("state"), "never reported is not normal: " + c.encode());
      }
    }
    String report = duty.get("/api/dashboard/reports/daily/tables/checkpoints").body();
    assertTrue(report.contains("未知 never reported"), report);
    assertFalse(report.contains("T10:"), "report times are for people: " + report);
  }

  @Test
  void theReportsRankingSaysTheLevelOfEachRank(@As("duty") Api duty) {
    String csv = duty.get("/api/dashboard/reports/daily/tables/readiness").body();
    assertTrue(csv.contains("层级 Level"), csv);
    assertTrue(csv.contains("区 district") && csv.contains("街道/乡镇 street"), csv);
  }

  @Test
  void eachRoleGetsOnlyThePanelsItMaySeeAndEveryOneAnswers(Users users) {
    for (String user : List.of("keeper", "chief", "inspector", "viewer", "duty")) {
      Api who = users.as(user);
      JsonObject definition = who.get("/api/dashboard/definition").json();
      for (Object o : definition.getJsonArray("panels")) {
        JsonObject panel = (JsonObject) o;
        Resp data = who.get(panel.getString("source"));
        assertEquals(200, data.status(), user + " asks for " + panel.getString("source") + ": " + data);
        if (panel.getString("chart") != null) {
          Resp chart = who.get(panel.getString("chart"));
          assertEquals(200, chart.status(), user + " asks for " + panel.getString("chart"));
        }
      }
    }
    Set<String> keeper = ids(users.as("keeper"));
    assertTrue(keeper.contains("coverage") && keeper.contains("transfers") && !keeper.contains("alerts")
        && !keeper.contains("hazards"), keeper.toString());
    Set<String> chief = ids(users.as("chief"));
    assertTrue(chief.contains("hazards") && !chief.contains("expiring") && !chief.contains("coverage"), chief.toString());
  }

  @Test
  void aKeepersReadinessChartIsNotTheDistrictsChart(@As("duty") Api duty, @As("keeper") Api keeper) {
    Resp all = duty.get("/api/charts/readiness.png?width=600&height=300");
    Resp mine = keeper.get("/api/charts/readiness.png?width=600&height=300");
    assertEquals(200, mine.status());
    assertNotEquals(all.header("ETag"), mine.header("ETag"), "the keeper's chart holds only his units");
  }

  private static Set<String> ids(Api who) {
    Set<String> out = new java.util.HashSet<>();
    who.get("/api/dashboard/definition").json().getJsonArray("panels")
        .forEach(o -> out.add(((JsonObject) o).getString("id")));
    return out;
  }
}
