package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.floodready.inventory.InventoryFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class TransferApiTest {
  private static JsonObject transfer(long lot, long toBase, int quantity) {
    return new JsonObject().put("fromLotId", lot).put("toBaseId", toBase).put("quantity", quantity);
  }

  private static JsonArray lotsAt(InventoryFixture f, long base, long item) {
    return f.admin.get("/api/lots?baseId=" + base + "&itemId=" + item + "&includeEmpty=true").json()
        .getJsonArray("items");
  }

  @Test
  void anUntrackedTransferMovesStockBetweenBasesInOneStep(InventoryFixture f) {
    long a = f.base(34.70, 113.70, f.keeperId);
    long b = f.base(34.75, 113.68, f.keeperBId);
    long item = f.item();
    long lot = f.receive(a, item, "30", new JsonObject().put("lotCode", "TX-1"));
    Resp r = f.keeper.post("/api/transfers", transfer(lot, b, 12).put("note", "支援"), key());
    assertEquals(201, r.status(), r.toString());
    assertEquals("received", r.json().getString("status"));
    long toLot = r.json().getLong("toLotId");
    assertQty("18", f.onHand(lot));
    assertQty("12", f.onHand(toLot));
    assertEquals("TX-1", f.lot(toLot).getString("lotCode"));
    assertQty("18", f.ledgerSum(lot));
    assertQty("12", f.ledgerSum(toLot));
  }

  @Test
  void aTrackedTransferIsInTransitUntilTheDestinationReceivesIt(InventoryFixture f) {
    long a = f.base(34.70, 113.70, f.keeperId);
    long b = f.base(34.75, 113.68, f.keeperBId);
    long item = f.item();
    long lot = f.receive(a, item, "10");
    Resp r = f.duty.post("/api/transfers", transfer(lot, b, 4).put("tracked", true), key());
    assertEquals(201, r.status(), r.toString());
    assertEquals("dispatched", r.json().getString("status"));
    long id = r.json().getLong("id");
    assertQty("6", f.onHand(lot));
    assertEquals(0, lotsAt(f, b, item).size());

    Resp depart = f.keeper.post("/api/transfers/" + id + "/depart", new JsonObject(), key());
    assertEquals(200, depart.status(), depart.toString());
    assertEquals("in_transit", depart.json().getString("status"));
    assertEquals(403, f.keeper.post("/api/transfers/" + id + "/receive", new JsonObject(), key()).status(),
        "only the destination receives");
    Resp received = f.keeperB.post("/api/transfers/" + id + "/receive", new JsonObject(), key());
    assertEquals(200, received.status(), received.toString());
    assertEquals("received", received.json().getString("status"));
    assertQty("4", f.onHand(received.json().getLong("toLotId")));
    Resp again = f.keeperB.post("/api/transfers/" + id + "/receive", new JsonObject(), key());
    assertEquals(409, again.status(), again.toString());
    assertQty("4", f.onHand(received.json().getLong("toLotId")));
  }

  @Test
  void aTransferThatFailsOnItsSecondHalfLeavesBothBasesUnchanged(InventoryFixture f) {
    long a = f.base(34.70, 113.70, f.keeperId);
    long b = f.base(34.75, 113.68, f.keeperBId);
    long item = f.item();
    long source = f.receive(a, item, "20", new JsonObject().put("lotCode", "SAME-CODE"));
    long scrapped = f.receive(b, item, "2", new JsonObject().put("lotCode", "SAME-CODE"));
    assertEquals(201, f.keeperB.post("/api/lots/" + scrapped + "/condition",
        new JsonObject().put("condition", "scrapped"), key()).status());
    long transfersBefore = f.admin.get("/api/transfers").json().getLong("total");

    Resp r = f.duty.post("/api/transfers", transfer(source, b, 5), key());
    assertEquals(409, r.status(), r.toString());
    assertEquals("destination_lot_scrapped", r.json().getString("error"));

    assertQty("20", f.onHand(source));
    assertEquals(1, f.movementCount(source));
    assertQty("2", f.onHand(scrapped));
    assertEquals(2, f.movementCount(scrapped));
    assertEquals(transfersBefore, f.admin.get("/api/transfers").json().getLong("total"));
  }

  @Test
  void aTransferIntoTheSameBaseIs400AndOverdrawIs409(InventoryFixture f) {
    long a = f.base(34.70, 113.70, f.keeperId);
    long b = f.base(34.75, 113.68, f.keeperBId);
    long lot = f.receive(a, f.item(), "3");
    Resp same = f.keeper.post("/api/transfers", transfer(lot, a, 1), key());
    assertEquals(400, same.status(), same.toString());
    assertEquals("validation_failed", same.json().getString("error"));
    assertEquals(true, same.json().getJsonObject("fields").containsKey("toBaseId"));
    Resp tooMuch = f.keeper.post("/api/transfers", transfer(lot, b, 4), key());
    assertEquals(409, tooMuch.status(), tooMuch.toString());
    assertEquals(404, f.keeper.post("/api/transfers", transfer(lot, 999999, 1), key()).status());
    assertEquals(403, f.keeperB.post("/api/transfers", transfer(lot, b, 1), key()).status(),
        "a keeper cannot send from another keeper's base");
    assertQty("3", f.onHand(lot));
    assertEquals(1, f.movementCount(lot));
    assertNull(f.lot(lot).getValue("expiresOn"));
  }
}
