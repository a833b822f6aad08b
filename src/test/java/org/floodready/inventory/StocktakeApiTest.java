package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.floodready.inventory.InventoryFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class StocktakeApiTest {
  private static JsonObject lineFor(JsonObject report, long lotId) {
    JsonArray lines = report.getJsonArray("lines");
    for (int i = 0; i < lines.size(); i++) {
      if (lines.getJsonObject(i).getLong("lotId") == lotId) {
        return lines.getJsonObject(i);
      }
    }
    throw new AssertionError("no line for lot " + lotId + " in " + report.encodePrettily());
  }

  @Test
  void closingTurnsDifferencesIntoAdjustmentsAndReportsBookVersusCounted(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId, f.keeperBId);
    long a = f.receive(base, f.item(), "10");
    long b = f.receive(base, f.item(), "5");
    long c = f.receive(base, f.item(), "2.5");

    Resp opened = f.keeper.post("/api/bases/" + base + "/stocktakes", new JsonObject().put("note", "汛前盘点"));
    assertEquals(201, opened.status(), opened.toString());
    long id = opened.json().getLong("id");
    assertEquals(3, opened.json().getJsonArray("lines").size());
    assertEquals(409, f.keeper.post("/api/bases/" + base + "/stocktakes", new JsonObject()).status(),
        "one open sheet per base");

    assertEquals(200, f.keeper.put("/api/stocktakes/" + id + "/lines/" + a,
        new JsonObject().put("countedQuantity", 8)).status());
    assertEquals(200, f.keeperB.put("/api/stocktakes/" + id + "/lines/" + b,
        new JsonObject().put("countedQuantity", 6).put("note", "多出一件")).status());
    Resp early = f.keeper.post("/api/stocktakes/" + id + "/close", new JsonObject(), key());
    assertEquals(422, early.status(), early.toString());
    assertEquals(400, f.keeper.put("/api/stocktakes/" + id + "/lines/" + c,
        new JsonObject().put("countedQuantity", -1)).status());
    assertEquals(200, f.keeper.put("/api/stocktakes/" + id + "/lines/" + c,
        new JsonObject().put("countedQuantity", 2.5)).status());

    Resp closed = f.keeper.post("/api/stocktakes/" + id + "/close", new JsonObject(), key());
    assertEquals(200, closed.status(), closed.toString());
    JsonObject report = closed.json();
    assertEquals("closed", report.getString("status"));
    JsonObject la = lineFor(report, a);
    assertQty("10", la.getValue("book"));
    assertQty("8", la.getValue("counted"));
    assertQty("-2", la.getValue("difference"));
    assertNotNull(la.getLong("movementId"));
    JsonObject lb = lineFor(report, b);
    assertQty("1", lb.getValue("difference"));
    assertEquals("keeper_b", lb.getString("countedBy"));
    JsonObject lc = lineFor(report, c);
    assertQty("0", lc.getValue("difference"));
    assertNull(lc.getLong("movementId"), "no adjustment when book and count agree");
    assertEquals(2, report.getJsonObject("summary").getInteger("differing"));

    assertQty("8", f.onHand(a));
    assertQty("8", f.ledgerSum(a));
    assertQty("6", f.onHand(b));
    assertQty("6", f.ledgerSum(b));
    assertEquals(1, f.movementCount(c));
    Resp adjustment = f.admin.get("/api/movements?lotId=" + a + "&kind=adjustment");
    assertEquals(1, adjustment.json().getLong("total"));
    assertQty("8", adjustment.json().getJsonArray("items").getJsonObject(0).getValue("countedQuantity"));

    assertEquals(409, f.keeper.post("/api/stocktakes/" + id + "/close", new JsonObject(), key()).status());
    assertEquals(409, f.keeper.put("/api/stocktakes/" + id + "/lines/" + a,
        new JsonObject().put("countedQuantity", 1)).status());
    Resp csv = f.duty.get("/api/stocktakes/" + id + "?format=csv");
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("\uFEFF"));
    assertTrue(csv.body().contains("多出一件"));
  }

  @Test
  void onlyKeepersOfTheBaseCount(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperBId);
    long lot = f.receive(base, f.item(), "4");
    assertEquals(403, f.keeper.post("/api/bases/" + base + "/stocktakes", new JsonObject()).status());
    Resp opened = f.keeperB.post("/api/bases/" + base + "/stocktakes", new JsonObject());
    assertEquals(201, opened.status(), opened.toString());
    long id = opened.json().getLong("id");
    assertEquals(403, f.keeper.put("/api/stocktakes/" + id + "/lines/" + lot,
        new JsonObject().put("countedQuantity", 1)).status());
    assertEquals(403, f.viewer.post("/api/stocktakes/" + id + "/close", new JsonObject(), key()).status());
    assertEquals(404, f.keeperB.put("/api/stocktakes/" + id + "/lines/999999",
        new JsonObject().put("countedQuantity", 1)).status());
  }
}
