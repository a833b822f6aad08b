package org.floodready.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class CatalogueApiTest {
  private static JsonObject pump(String code) {
    return new JsonObject().put("code", code).put("nameZh", "大流量潜水泵").put("nameEn", "High-flow pump")
        .put("category", "equipment").put("unitOfMeasure", "台").put("needsTestRun", true).put("testIntervalDays", 30)
        .put("criticality", 3);
  }

  @Test
  void adminsMaintainTheCatalogue(InventoryFixture f) {
    Resp created = f.admin.post("/api/items", pump("E-HFP"));
    assertEquals(201, created.status(), created.toString());
    long id = created.json().getLong("id");
    assertEquals("大流量潜水泵", created.json().getString("nameZh"));
    assertEquals(409, f.admin.post("/api/items", pump("E-HFP")).status());
    assertEquals(403, f.keeper.post("/api/items", pump("E-HFP2")).status());
    Resp bad = f.admin.post("/api/items", pump("bad code").put("category", "food"));
    assertEquals(400, bad.status());
    assertTrue(bad.json().getJsonObject("fields").containsKey("code"));
    assertTrue(bad.json().getJsonObject("fields").containsKey("category"));
    Resp updated = f.admin.put("/api/items/" + id, pump("E-HFP").put("testIntervalDays", 14));
    assertEquals(200, updated.status(), updated.toString());
    assertEquals(14, updated.json().getInteger("testIntervalDays"));
    assertEquals(404, f.admin.put("/api/items/999999", pump("E-NONE")).status());
    Resp search = f.viewer.get("/api/items?q=大流量&category=equipment");
    assertEquals(1, search.json().getLong("total"), search.toString());
  }

  @Test
  void basesHaveAUnitALocationAndKeepers(InventoryFixture f) {
    Resp bad = f.admin.post("/api/bases", new JsonObject().put("code", "B-X").put("nameZh", "x").put("nameEn", "x")
        .put("unitId", 999999).put("lat", 91).put("lon", 113.7));
    assertEquals(400, bad.status(), bad.toString());
    assertTrue(bad.json().getJsonObject("fields").containsKey("lat"));
    Resp noUnit = f.admin.post("/api/bases", new JsonObject().put("code", "B-X").put("nameZh", "x").put("nameEn", "x")
        .put("unitId", 999999));
    assertEquals(400, noUnit.status(), noUnit.toString());
    assertTrue(noUnit.json().getJsonObject("fields").containsKey("unitId"));

    long base = f.base(34.75, 113.68, f.keeperId);
    Resp got = f.viewer.get("/api/bases/" + base);
    assertEquals("keeper", got.json().getJsonArray("keepers").getJsonObject(0).getString("username"));
    long viewerId = f.viewer.get("/api/auth/me").json().getLong("id");
    Resp notKeeper = f.admin.put("/api/bases/" + base + "/keepers",
        new JsonObject().put("userIds", new JsonArray().add(viewerId)));
    assertEquals(400, notKeeper.status(), notKeeper.toString());
    assertEquals(403, f.keeper.put("/api/bases/" + base + "/keepers",
        new JsonObject().put("userIds", new JsonArray().add(f.keeperId))).status());
    Resp both = f.admin.put("/api/bases/" + base + "/keepers",
        new JsonObject().put("userIds", new JsonArray().add(f.keeperId).add(f.keeperBId)));
    assertEquals(2, both.json().getJsonArray("keepers").size());
    assertEquals(200, f.keeperB.get("/api/lots?baseId=" + base).status());
  }
}
