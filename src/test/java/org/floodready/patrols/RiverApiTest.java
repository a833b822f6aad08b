package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

@FloodReadyTest(clock = "2027-05-12T10:00:00+08:00")
class RiverApiTest {
  @Test
  void theDemoHasFiveRiversWithReachesAndOneChiefEach(@As("chief") Api chief, @As("admin") Api admin) {
    JsonArray rivers = chief.get("/api/rivers").json().getJsonArray("items");
    List<String> names = rivers.stream().map(o -> ((JsonObject) o).getString("nameZh")).toList();
    assertTrue(names.containsAll(List.of("十七里河", "熊耳河", "金水河", "七里河", "潮河")), names.toString());
    JsonArray reaches = admin.get("/api/reaches?size=500").json().getJsonArray("items");
    assertTrue(reaches.size() >= 10);
    reaches.forEach(o -> {
      JsonObject r = (JsonObject) o;
      assertTrue(r.getLong("chiefUserId") != null, r.encode());
      assertTrue(r.getDouble("lengthM") > 500, r.encode());
    });
    Resp geo = admin.get("/api/reaches.geojson?riverId=" + rivers.getJsonObject(0).getLong("id"));
    assertTrue(geo.header("Content-Type").startsWith("application/geo+json"), geo.header("Content-Type"));
    assertEquals("FeatureCollection", geo.json().getString("type"));
    assertFalse(geo.json().getJsonArray("features").isEmpty());
  }

  @Test
  void adminsCreateAndChangeReachesAndTheirInputIsChecked(@As("chief") Api chief, @As("keeper") Api keeper,
      @As("admin") Api admin) {
    long riverId = admin.post("/api/rivers", new JsonObject().put("code", "TST").put("nameZh", "测试河")
        .put("nameEn", "Test River")).json().getLong("id");
    Resp bad = admin.post("/api/reaches", new JsonObject().put("riverId", riverId).put("code", "TST-1")
        .put("nameZh", "x").put("nameEn", "x").put("unitId", Tracks.unitId(chief)).put("chiefLevel", "province")
        .put("geometry", new JsonObject().put("type", "LineString").put("coordinates",
            new JsonArray().add(new JsonArray().add(113.7).add(34.7)).add(new JsonArray().add(200).add(34.7))))
        .put("rules", new JsonObject().put("minDurationS", -5)));
    assertEquals(400, bad.status(), bad.toString());
    JsonObject fields = bad.json().getJsonObject("fields");
    assertTrue(fields.containsKey("chiefLevel") && fields.containsKey("geometry.coordinates[1]")
        && fields.containsKey("rules.minDurationS"), fields.encode());

    long keeperId = Tracks.userId(keeper);
    Resp notAChief = admin.post("/api/reaches", reach(chief, riverId, "TST-1").put("chiefUserId", keeperId));
    assertEquals(422, notAChief.status(), notAChief.toString());

    Resp created = admin.post("/api/reaches", reach(chief, riverId, "TST-1").put("chiefUserId", Tracks.userId(chief))
        .put("rules", new JsonObject().put("period", "week").put("times", 2)));
    assertEquals(201, created.status(), created.toString());
    long id = created.json().getLong("id");
    // 0.03 deg of latitude: R * 0.03 * pi / 180 = 3335.8 m.
    assertEquals(3335.8, created.json().getDouble("lengthM"), 0.2);
    assertEquals(403, chief.post("/api/reaches", reach(chief, riverId, "TST-2")).status());

    Resp changed = admin.patch("/api/reaches/" + id, new JsonObject().put("chiefLevel", "county").put("nameEn", "Renamed"));
    assertEquals(200, changed.status(), changed.toString());
    assertEquals("county", changed.json().getString("chiefLevel"));
    assertEquals("Renamed", changed.json().getString("nameEn"));
    assertEquals(404, admin.patch("/api/reaches/999999", new JsonObject().put("nameEn", "x")).status());

    JsonObject compliance = admin.get("/api/compliance/reaches?riverId=" + riverId).json().getJsonArray("items")
        .getJsonObject(0);
    assertEquals("week", compliance.getString("period"));
    assertEquals(2, compliance.getInteger("required"));
    assertFalse(compliance.getBoolean("overdue"), "a reach created this period is not overdue yet");
  }

  @Test
  void theDistrictOverridesThePatrolRules(@As("chief") Api chief, @As("admin") Api admin) {
    Resp bad = admin.put("/api/admin/patrol-rules", new JsonObject().put("maxSpeedKmh", "fast"));
    assertEquals(400, bad.status(), bad.toString());
    assertEquals(403, chief.put("/api/admin/patrol-rules", new JsonObject()).status());
    Resp ok = admin.put("/api/admin/patrol-rules", new JsonObject().put("minDurationS", 300)
        .put("frequency", new JsonObject().put("village", new JsonObject().put("times", 2))));
    assertEquals(200, ok.status(), ok.toString());
    try {
      JsonObject effective = chief.get("/api/patrol-rules").json().getJsonObject("effective");
      assertEquals(300, effective.getInteger("minDurationS"));
      assertEquals(2, effective.getJsonObject("frequency").getJsonObject("village").getInteger("times"));
      assertEquals("half_year", effective.getJsonObject("frequency").getJsonObject("city").getString("period"));
    } finally {
      admin.put("/api/admin/patrol-rules", new JsonObject());
    }
  }

  @Test
  void complianceServiceByUnitIsTheContractOtherDomainsUse(TestServer server, @As("chief") Api chief) throws Exception {
    ComplianceService service = new ComplianceService(server.server.app());
    List<UnitCompliance> units = service.byUnit(server.server.app().now()).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    assertFalse(units.isEmpty());
    long chiefUnit = Tracks.unitId(chief);
    UnitCompliance mine = units.stream().filter(u -> u.unitId() == chiefUnit).findFirst().orElseThrow();
    assertTrue(mine.reaches() >= 2, mine.toString());
    assertTrue(mine.complianceRate() >= 0 && mine.complianceRate() <= 1);
    UnitCompliance withClosed = units.stream().filter(u -> u.medianDaysToClose() != null).findFirst().orElseThrow();
    assertEquals(7.0, withClosed.medianDaysToClose(), 0.01, "the demo signboard hazard took 7 days to close");
    assertTrue(units.stream().mapToInt(UnitCompliance::overdueHazards).sum() >= 1);
  }

  private static JsonObject reach(Api chief, long riverId, String code) {
    return new JsonObject().put("riverId", riverId).put("code", code).put("nameZh", "测试河 " + code)
        .put("nameEn", "Test " + code).put("unitId", Tracks.unitId(chief)).put("chiefLevel", "village")
        .put("geometry", new JsonObject().put("type", "LineString").put("coordinates", new JsonArray()
            .add(new JsonArray().add(113.70).add(34.70)).add(new JsonArray().add(113.70).add(34.73))));
  }
}
