package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class CoverageApiTest {
  static LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  static long base;
  static long bags;
  static long pumps;
  static long unquoted;

  @BeforeAll
  static void stock(InventoryFixture f) {
    base = f.base(34.70, 113.70, f.keeperId);
    bags = f.item("materials", 24, null);
    pumps = f.item("equipment", null, 30);
    unquoted = f.item();
    f.receive(base, bags, "50");
    f.receive(base, bags, "30", new JsonObject().put("receivedOn", today.minusYears(3).toString())
        .put("expiresOn", today.minusDays(1).toString()));
    f.receive(base, bags, "20", new JsonObject().put("condition", "needs_repair"));
    f.receive(base, pumps, "5", new JsonObject().put("receivedOn", today.minusDays(100).toString()));
    f.receive(base, pumps, "3");
    f.receive(base, unquoted, "7");
    quota(f, base, bags, new JsonObject().put("required", 100));
    quota(f, base, pumps, new JsonObject().put("required", 4).put("multipliers", new JsonObject().put("II", 2.5)));
  }

  static void quota(InventoryFixture f, long baseId, long itemId, JsonObject body) {
    Resp r = f.admin.put("/api/bases/" + baseId + "/quotas/" + itemId, body);
    assertTrue(r.status() == 201 || r.status() == 200, r.toString());
  }

  private static JsonObject line(JsonArray items, long itemId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.getJsonObject(i).getLong("itemId") == itemId) {
        return items.getJsonObject(i);
      }
    }
    return null;
  }

  @Test
  void expiredNeedsRepairAndTestOverdueStockIsNotUsable(InventoryFixture f) {
    Resp r = f.duty.get("/api/coverage?baseId=" + base + "&responseLevel=IV");
    assertEquals(200, r.status(), r.toString());
    JsonObject bag = line(r.json().getJsonArray("items"), bags);
    assertQty("100", bag.getValue("onHand"));
    assertQty("50", bag.getValue("usable"));
    assertQty("100", bag.getValue("required"));
    assertQty("50", bag.getValue("shortfall"));
    assertEquals(0.5, bag.getDouble("coverage"), 1e-9);
    JsonObject pump = line(r.json().getJsonArray("items"), pumps);
    assertQty("3", pump.getValue("usable"));
    assertQty("1", pump.getValue("shortfall"));

    Resp csv = f.duty.get("/api/coverage?baseId=" + base + "&responseLevel=IV&format=csv");
    assertEquals(200, csv.status(), csv.toString());
    assertTrue(csv.body().startsWith("\uFEFF") && csv.body().contains("50%"), csv.body());

    Resp lots = f.duty.get("/api/coverage/lots?baseId=" + base + "&itemId=" + pumps);
    assertEquals(200, lots.status(), lots.toString());
    assertTrue(lots.body().contains("test_overdue"), lots.toString());
    Resp overdue = f.duty.get("/api/lots/tests-overdue?baseId=" + base);
    assertEquals(1, overdue.json().getJsonArray("items").size(), overdue.toString());
  }

  @Test
  void aBaseWithNoQuotaForAnItemIsNotZeroPercentCovered(TestServer server, InventoryFixture f) throws Exception {
    Resp r = f.duty.get("/api/coverage?baseId=" + base);
    assertNull(line(r.json().getJsonArray("items"), unquoted), "no quota, no coverage line");
    List<CoverageRow> rows = new CoverageService(server.server.app()).coverage(OffsetDateTime.now())
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertTrue(rows.stream().noneMatch(row -> row.itemId() == unquoted));
    CoverageRow bag = rows.stream().filter(row -> row.baseId() == base && row.itemId() == bags).findFirst().orElseThrow();
    assertQty("50", bag.usable());
    assertEquals("materials", bag.category());
  }

  @Test
  void responseLevelTwoRaisesTheRequiredQuantities(InventoryFixture f) {
    Resp set = f.duty.put("/api/settings/response-level", new JsonObject().put("level", "Ⅱ"));
    assertEquals(200, set.status(), set.toString());
    assertEquals("II", set.json().getString("level"));
    try {
      Resp r = f.duty.get("/api/coverage?baseId=" + base);
      assertEquals("II", r.json().getString("responseLevel"));
      assertQty("150", line(r.json().getJsonArray("items"), bags).getValue("required"));
      assertQty("10", line(r.json().getJsonArray("items"), pumps).getValue("required"));
      Resp audit = f.admin.get("/api/audit?action=response_level.change");
      assertTrue(audit.json().getLong("total") >= 1);
      assertEquals(400, f.duty.put("/api/settings/response-level", new JsonObject().put("level", "V")).status());
      assertEquals(403, f.keeper.put("/api/settings/response-level", new JsonObject().put("level", "I")).status());
    } finally {
      assertEquals(200, f.duty.put("/api/settings/response-level", new JsonObject().put("level", "IV")).status());
    }
  }

  @Test
  void summariesRollUpByBaseCategoryUnitDistrictAndAll(InventoryFixture f) {
    for (String by : new String[] {"base", "category", "unit", "district", "all"}) {
      Resp r = f.duty.get("/api/coverage/summary?groupBy=" + by);
      assertEquals(200, r.status(), r.toString());
      assertTrue(r.json().getJsonArray("groups").size() >= 1, by);
    }
    Resp mine = f.duty.get("/api/coverage/summary?groupBy=base&baseId=" + base + "&responseLevel=IV");
    JsonObject group = mine.json().getJsonArray("groups").getJsonObject(0);
    assertEquals(2, group.getInteger("shortLines"));
    assertEquals(0.625, group.getDouble("coverage"), 1e-4, "mean of 0.5 and 0.75, equal criticality");
    Resp district = f.duty.get("/api/coverage/summary?groupBy=all");
    assertTrue(district.json().getJsonArray("groups").getJsonObject(0).getJsonArray("shortfalls").size() > 0,
        "demo quotas leave some items short");
  }

  @Test
  void quotasAreListedWithTheCurrentRequirementAndKeepersSeeOnlyTheirBases(InventoryFixture f) {
    Resp quotas = f.keeper.get("/api/quotas?baseId=" + base + "&sort=itemCode");
    assertEquals(200, quotas.status(), quotas.toString());
    assertEquals(2, quotas.json().getLong("total"));
    JsonObject pumpQuota = quotas.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(q -> q.getLong("itemId") == pumps).findFirst().orElseThrow();
    assertQty("2.5", pumpQuota.getJsonObject("multipliers").getValue("II"));
    assertQty("1.2", pumpQuota.getJsonObject("multipliers").getValue("III"));

    long otherBase = f.base(34.8, 113.6, f.keeperBId);
    quota(f, otherBase, bags, new JsonObject().put("required", 10));
    Resp keeperView = f.keeper.get("/api/coverage?itemId=" + bags);
    assertTrue(keeperView.json().getJsonArray("items").stream()
        .noneMatch(o -> ((JsonObject) o).getLong("baseId") == otherBase), keeperView.toString());
    Resp dutyView = f.duty.get("/api/coverage?itemId=" + bags);
    assertTrue(dutyView.json().getJsonArray("items").stream()
        .anyMatch(o -> ((JsonObject) o).getLong("baseId") == otherBase), dutyView.toString());
    assertEquals(403, f.keeper.get("/api/coverage/lots?baseId=" + otherBase + "&itemId=" + bags).status());
    assertEquals(403, f.keeper.put("/api/bases/" + otherBase + "/quotas/" + bags,
        new JsonObject().put("required", 1)).status(), "quotas are set by admins");
    assertEquals(204, f.admin.delete("/api/bases/" + otherBase + "/quotas/" + bags).status());
    assertEquals(404, f.admin.delete("/api/bases/" + otherBase + "/quotas/" + bags).status());
  }

  @Test
  void sourcesAreRankedByDistanceAndNeverBelowTheirOwnQuota(InventoryFixture f) {
    long item = f.item();
    long shortBase = f.base(34.70, 113.70, f.keeperId);
    long near = f.base(34.71, 113.70, f.keeperBId);
    long far = f.base(34.90, 113.66, f.keeperBId);
    long tight = f.base(34.701, 113.701, f.keeperBId);
    quota(f, shortBase, item, new JsonObject().put("required", 100));
    f.receive(shortBase, item, "10");
    f.receive(near, item, "80");
    quota(f, near, item, new JsonObject().put("required", 50));
    f.receive(far, item, "100");
    f.receive(tight, item, "10");
    quota(f, tight, item, new JsonObject().put("required", 20));

    Resp r = f.duty.get("/api/coverage/sources?itemId=" + item + "&baseId=" + shortBase + "&responseLevel=IV");
    assertEquals(200, r.status(), r.toString());
    assertQty("90", r.json().getValue("need"));
    JsonArray sources = r.json().getJsonArray("sources");
    assertEquals(2, sources.size(), sources.encodePrettily());
    assertEquals(near, sources.getJsonObject(0).getLong("id"));
    assertQty("30", sources.getJsonObject(0).getValue("spare"));
    assertQty("30", sources.getJsonObject(0).getValue("suggested"));
    assertEquals(far, sources.getJsonObject(1).getLong("id"));
    assertQty("60", sources.getJsonObject(1).getValue("suggested"));
    assertQty("0", r.json().getValue("uncovered"));

    Resp atPoint = f.duty.get("/api/coverage/sources?itemId=" + item + "&lat=34.9&lon=113.66&quantity=5");
    assertEquals(far, atPoint.json().getJsonArray("sources").getJsonObject(0).getLong("id"), atPoint.toString());
    assertEquals(400, f.duty.get("/api/coverage/sources?itemId=" + item + "&lat=34.9").status());
    assertEquals(404, f.duty.get("/api/coverage/sources?itemId=999999&baseId=" + shortBase).status());
  }
}
