package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.floodready.inventory.InventoryFixture.issue;
import static org.floodready.inventory.InventoryFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class StockApiTest {
  @Test
  void receiptIssueAndWriteOffKeepOnHandEqualToTheLedger(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long item = f.item("materials", 24, null);
    Resp receipt = f.keeper.post("/api/bases/" + base + "/receipts",
        new JsonObject().put("itemId", item).put("quantity", 100.5).put("lotCode", "WB-2026-01"), key());
    assertEquals(201, receipt.status(), receipt.toString());
    assertEquals("receipt", receipt.json().getString("kind"));
    assertEquals("keeper", receipt.json().getString("actorName"));
    long lot = receipt.json().getLong("lotId");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertEquals(today.plusMonths(24).toString(), f.lot(lot).getString("expiresOn"), "expiry from shelf life");

    Resp issued = f.keeper.post("/api/lots/" + lot + "/issues", issue("40.25"), key());
    assertEquals(201, issued.status(), issued.toString());
    assertQty("-40.25", issued.json().getValue("quantity"));
    assertQty("60.25", issued.json().getValue("balance"));
    assertEquals("checkpoint", issued.json().getString("recipientType"));

    Resp writeOff = f.keeper.post("/api/lots/" + lot + "/write-offs",
        new JsonObject().put("quantity", 0.25).put("reason", "damaged").put("note", "鼠咬"), key());
    assertEquals(201, writeOff.status(), writeOff.toString());
    assertEquals("damaged", writeOff.json().getString("reason"));

    assertQty("60", f.onHand(lot));
    assertQty("60", f.ledgerSum(lot));
    assertEquals(3, f.movementCount(lot));
  }

  @Test
  @Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
  void stockChangedIsPublishedAfterCommitAndNotForARefusedWrite(TestServer server, InventoryFixture f,
      VertxTestContext events) throws Exception {
    Vertx node = server.server.app().vertx();
    List<JsonObject> seen = new CopyOnWriteArrayList<>();
    AtomicLong movementId = new AtomicLong(-1);
    AtomicLong baseId = new AtomicLong(-1);
    AtomicLong lotId = new AtomicLong(-1);
    AtomicBoolean found = new AtomicBoolean();
    AtomicBoolean following = new AtomicBoolean(true);
    // Runs on each event and once the movement is known; the first run that finds its event checks it, then
    // gives any stray event for the refused write or the retry 200 ms to show up.
    Runnable check = () -> seen.stream().filter(e -> e.getLong("movementId", -2L) == movementId.get()).findFirst()
        .filter(e -> found.compareAndSet(false, true)).ifPresent(event -> events.verify(() -> {
          assertEquals("stock.changed", event.getString("type"));
          assertEquals(baseId.get(), event.getLong("baseId"));
          assertEquals(lotId.get(), event.getLong("lotId"));
          assertNotNull(event.getLong("unitId"));
          node.setTimer(200, t -> events.verify(() -> {
            assertEquals(2, seen.stream().filter(e -> Long.valueOf(lotId.get()).equals(e.getLong("lotId"))).count(),
                "receipt and issue only, nothing for the refused write or the retry: " + seen);
            following.set(false);
            events.completeNow();
          }));
        }));
    server.server.app().events().follow(batch -> batch.stream().filter(e -> following.get()).forEach(e -> {
      seen.add(e.payload());
      check.run();
    }));
    long base = f.base(34.70, 113.70, f.keeperId);
    long lot = f.receive(base, f.item(), "2");
    baseId.set(base);
    lotId.set(lot);
    assertEquals(409, f.keeper.post("/api/lots/" + lot + "/issues", issue("3"), key()).status());
    String retried = key();
    Resp ok = f.keeper.post("/api/lots/" + lot + "/issues", issue("2"), retried);
    Resp replay = f.keeper.post("/api/lots/" + lot + "/issues", issue("2"), retried);
    assertEquals(201, replay.status(), replay.toString());
    assertEquals(ok.json(), replay.json(), "a retry answers the stored movement");
    movementId.set(ok.json().getLong("id"));
    check.run();
  }

  /** The answers of lot writes are built in memory: each must equal the stored ledger row, field by field. */
  @Test
  void everyLotWriteAnswersExactlyItsStoredLedgerRow(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long lot = f.receive(base, f.item("equipment", null, 30), "10");
    java.util.List<JsonObject> answers = new java.util.ArrayList<>();
    Resp issued = f.keeper.post("/api/lots/" + lot + "/issues", issue("1.5").put("note", "抢险 issue"), key());
    assertEquals(201, issued.status(), issued.toString());
    answers.add(issued.json());
    Resp writeOff = f.keeper.post("/api/lots/" + lot + "/write-offs",
        new JsonObject().put("quantity", 0.5).put("reason", "damaged"), key());
    assertEquals(201, writeOff.status(), writeOff.toString());
    answers.add(writeOff.json());
    Resp failedTest = f.keeper.post("/api/lots/" + lot + "/test-runs", new JsonObject().put("result", "fail"), key());
    assertEquals(201, failedTest.status(), failedTest.toString());
    answers.add(failedTest.json().getJsonObject("movement"));
    Resp repaired = f.keeper.post("/api/lots/" + lot + "/condition", new JsonObject().put("condition", "usable"), key());
    assertEquals(201, repaired.status(), repaired.toString());
    answers.add(repaired.json());

    JsonArray card = f.admin.get("/api/lots/" + lot + "/movements?size=50").json().getJsonArray("items");
    for (JsonObject answer : answers) {
      JsonObject stored = card.stream().map(JsonObject.class::cast)
          .filter(m -> m.getLong("id").equals(answer.getLong("id"))).findFirst()
          .orElseThrow(() -> new AssertionError("movement " + answer + " not on the card " + card));
      assertEquals(stored, answer, "answer vs stored row of " + answer.getString("kind"));
    }
  }

  @Test
  void overdrawIs409AndWritesNothing(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long lot = f.receive(base, f.item(), "5");
    Resp r = f.keeper.post("/api/lots/" + lot + "/issues", issue("5.001"), key());
    assertEquals(409, r.status(), r.toString());
    assertEquals("insufficient_stock", r.json().getString("error"));
    assertQty("5", f.onHand(lot));
    assertEquals(1, f.movementCount(lot));
  }

  @Test
  void badQuantitiesAre400NamingTheField(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long lot = f.receive(base, f.item(), "10");
    for (Object bad : new Object[] {0, -1, "abc", "NaN", 1.2345, 1e12, true}) {
      Resp r = f.keeper.post("/api/lots/" + lot + "/issues", issue("1").put("quantity", bad), key());
      assertEquals(400, r.status(), bad + " -> " + r);
      assertNotNull(r.json().getJsonObject("fields").getString("quantity"), r.toString());
    }
    Resp noKey = f.keeper.post("/api/lots/" + lot + "/issues", issue("1"));
    assertEquals(400, noKey.status());
    assertEquals("idempotency_key_required", noKey.json().getString("error"));
    assertEquals(1, f.movementCount(lot));
  }

  @Test
  void expiryBeforeReceiptIs400AndUnknownIdsAre404(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long item = f.item();
    Resp r = f.admin.post("/api/bases/" + base + "/receipts", new JsonObject().put("itemId", item).put("quantity", 1)
        .put("receivedOn", "2026-05-01").put("expiresOn", "2026-04-30"), key());
    assertEquals(400, r.status(), r.toString());
    assertTrue(r.json().getJsonObject("fields").containsKey("expiresOn"));
    assertEquals(404, f.admin.post("/api/bases/" + base + "/receipts",
        new JsonObject().put("itemId", 999999).put("quantity", 1), key()).status());
    assertEquals(404, f.admin.post("/api/bases/999999/receipts",
        new JsonObject().put("itemId", item).put("quantity", 1), key()).status());
    assertEquals(404, f.admin.post("/api/lots/999999/issues", issue("1"), key()).status());
    assertEquals(404, f.admin.get("/api/lots/999999").status());
    assertEquals(404, f.viewer.get("/api/items/999999").status());
    assertEquals(404, f.viewer.get("/api/bases/999999").status());
  }

  @Test
  void keeperOfBaseACannotMoveStockAtBaseBAndViewerCannotWrite(InventoryFixture f) {
    long baseA = f.base(34.70, 113.70, f.keeperId);
    long baseB = f.base(34.80, 113.60, f.keeperBId);
    long item = f.item();
    long lotB = f.receive(baseB, item, "10");

    Resp issue = f.keeper.post("/api/lots/" + lotB + "/issues", issue("1"), key());
    assertEquals(403, issue.status(), issue.toString());
    Resp receipt = f.keeper.post("/api/bases/" + baseB + "/receipts",
        new JsonObject().put("itemId", item).put("quantity", 1), key());
    assertEquals(403, receipt.status());
    Resp transfer = f.keeper.post("/api/transfers", new JsonObject().put("fromLotId", lotB).put("toBaseId", baseA)
        .put("quantity", 1), key());
    assertEquals(403, transfer.status());
    assertEquals(403, f.keeper.get("/api/lots/" + lotB).status(), "keepers see their own bases only");
    assertEquals(403, f.viewer.post("/api/lots/" + lotB + "/issues", issue("1"), key()).status());
    assertEquals(403, f.viewer.post("/api/bases/" + baseB + "/receipts",
        new JsonObject().put("itemId", item).put("quantity", 1), key()).status());
    assertEquals(403, f.viewer.put("/api/bases/" + baseB + "/quotas/" + item,
        new JsonObject().put("required", 5)).status());
    assertEquals(403, f.viewer.put("/api/settings/response-level", new JsonObject().put("level", "I")).status());
    assertEquals(200, f.viewer.get("/api/lots/" + lotB).status(), "a viewer reads everything");

    assertQty("10", f.onHand(lotB));
    assertEquals(1, f.movementCount(lotB));
    Resp mine = f.keeper.get("/api/lots?itemId=" + item);
    assertEquals(0, mine.json().getLong("total"), "keeper's list hides base B");
  }

  @Test
  void failedTestRunTakesTheLotOutOfUse(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long pump = f.item("equipment", null, 30);
    long lot = f.receive(base, pump, "3");
    assertTrue(f.lot(lot).getBoolean("usable"));
    Resp r = f.keeper.post("/api/lots/" + lot + "/test-runs",
        new JsonObject().put("result", "fail").put("note", "叶轮卡死"), key());
    assertEquals(201, r.status(), r.toString());
    JsonObject after = f.lot(lot);
    assertEquals("needs_repair", after.getString("condition"));
    assertEquals("fail", after.getJsonObject("lastTest").getString("result"));
    assertEquals("keeper", after.getJsonObject("lastTest").getString("by"));
    assertQty("0", after.getValue("usableQuantity"));
    assertEquals(2, f.movementCount(lot), "receipt and condition_change");

    long bags = f.receive(base, f.item(), "3");
    assertEquals(422, f.keeper.post("/api/lots/" + bags + "/test-runs",
        new JsonObject().put("result", "pass"), key()).status());
  }

  @Test
  void conditionChangeIsALedgerRowAndTheLedgerCannotBeEdited(TestServer server, InventoryFixture f) throws Exception {
    long base = f.base(34.70, 113.70, f.keeperId);
    long lot = f.receive(base, f.item(), "7");
    Resp r = f.keeper.post("/api/lots/" + lot + "/condition", new JsonObject().put("condition", "needs_repair"), key());
    assertEquals(201, r.status(), r.toString());
    assertEquals("condition_change", r.json().getString("kind"));
    assertEquals("usable", r.json().getString("conditionFrom"));
    assertQty("7", r.json().getValue("balance"));
    long movementId = r.json().getLong("id");

    var url = server.server.pgUrl();
    try (var c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         var st = c.createStatement()) {
      var e1 = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
          () -> st.executeUpdate("UPDATE stock_movements SET quantity = 0 WHERE id = " + movementId));
      assertTrue(e1.getMessage().contains("append-only"), e1.getMessage());
      org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
          () -> st.executeUpdate("DELETE FROM stock_movements WHERE id = " + movementId));
    }
  }

  @Test
  void stockCardIsPaginatedAndDownloadsAsCsvWithBom(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long item = f.item();
    long lot = f.receive(base, item, "50");
    for (int i = 0; i < 3; i++) {
      assertEquals(201, f.keeper.post("/api/lots/" + lot + "/issues", issue("1"), key()).status());
    }
    Resp page = f.keeper.get("/api/lots/" + lot + "/movements?size=2&page=2");
    assertEquals(200, page.status(), page.toString());
    assertEquals(4, page.json().getLong("total"));
    assertEquals(2, page.json().getJsonArray("items").size());
    Resp csv = f.keeper.get("/api/bases/" + base + "/items/" + item + "/movements?format=csv");
    assertEquals(200, csv.status(), csv.toString());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"));
    byte[] b = csv.bytes();
    assertEquals((byte) 0xEF, b[0]);
    assertEquals((byte) 0xBB, b[1]);
    assertEquals((byte) 0xBF, b[2]);
    String text = new String(b, StandardCharsets.UTF_8);
    assertTrue(text.contains("航海路机场高速北涵洞"), text);
    assertEquals(5, text.strip().split("\r\n").length, "header and four rows");
  }

  @Test
  void listsFilterByBaseItemCategoryUnitConditionAndExpiry(InventoryFixture f) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long jackets = f.item("life_saving", 12, null);
    long bags = f.item();
    f.receive(base, jackets, "40", new JsonObject().put("expiresOn", LocalDate.now().plusDays(10).toString()));
    f.receive(base, bags, "7", new JsonObject().put("condition", "needs_repair"));
    String q = "/api/lots?baseId=" + base;
    assertEquals(2, f.duty.get(q).json().getLong("total"));
    assertEquals(1, f.duty.get(q + "&category=life_saving").json().getLong("total"));
    assertEquals(1, f.duty.get(q + "&itemId=" + bags).json().getLong("total"));
    assertEquals(1, f.duty.get(q + "&condition=needs_repair").json().getLong("total"));
    assertEquals(1, f.duty.get(q + "&usable=true").json().getLong("total"));
    assertEquals(1, f.duty.get(q + "&expiringBefore=" + LocalDate.now().plusDays(30)).json().getLong("total"));
    assertEquals(2, f.duty.get(q + "&unitId=" + f.streetUnitId + "&sort=-quantity").json().getLong("total"));
    assertEquals(400, f.duty.get(q + "&sort=password").status());
    assertEquals(400, f.duty.get(q + "&condition=broken").status());
    assertEquals(2, f.duty.get("/api/movements?baseId=" + base + "&kind=receipt").json().getLong("total"));
    assertEquals(1, f.duty.get("/api/lots/expiring?baseId=" + base + "&days=30").json().getJsonArray("items").size());
  }

  @Test
  void demoDataHasBasesItemsAndAKeeperWithTwoBases(InventoryFixture f) {
    Resp items = f.viewer.get("/api/items?size=100");
    assertTrue(items.json().getLong("total") >= 29, items.toString());
    Resp mine = f.keeper.get("/api/bases?mine=true");
    assertEquals(200, mine.status());
    assertTrue(mine.json().getLong("total") >= 2);
    Resp overdue = f.duty.get("/api/lots/tests-overdue");
    assertEquals(200, overdue.status(), overdue.toString());
    assertTrue(overdue.json().getJsonArray("items").size() >= 1, overdue.toString());
    Resp expiring = f.duty.get("/api/lots/expiring?days=90&soonDays=30");
    assertTrue(expiring.json().getJsonArray("items").stream()
        .anyMatch(o -> "soon".equals(((JsonObject) o).getString("band"))), expiring.toString());
    Resp level = f.viewer.get("/api/settings/response-level");
    assertEquals("IV", level.json().getString("level"));
  }
}
