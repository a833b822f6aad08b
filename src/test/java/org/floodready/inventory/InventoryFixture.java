package org.floodready.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.floodready.support.Api;
import org.floodready.support.Resp;
import org.floodready.support.Users;

/**
 * Builds inventory data through the real API for a test class: items, bases with keepers, lots. A test takes
 * it as a parameter; {@link org.floodready.support.FloodReadyExtension} makes one per node.
 */
final class InventoryFixture {
  private static final AtomicInteger SEQ = new AtomicInteger();
  final Api admin;
  final Api keeper;
  final Api keeperB;
  final Api duty;
  final Api viewer;
  final long keeperId;
  final long keeperBId;
  final long streetUnitId;

  InventoryFixture(Users users) {
    this.admin = users.as("admin");
    this.keeper = users.as("keeper");
    this.keeperB = users.as("keeper_b");
    this.duty = users.as("duty");
    this.viewer = users.as("viewer");
    this.keeperId = keeper.get("/api/auth/me").json().getLong("id");
    this.keeperBId = keeperB.get("/api/auth/me").json().getLong("id");
    this.streetUnitId = admin.get("/api/units?level=street").json().getJsonArray("items").getJsonObject(0).getLong("id");
  }

  long item(String category, Integer shelfLifeMonths, Integer testIntervalDays) {
    int n = SEQ.incrementAndGet();
    JsonObject body = new JsonObject().put("code", "T-" + n + "-" + UUID.randomUUID().toString().substring(0, 6))
        .put("nameZh", "测试物资" + n).put("nameEn", "Test item " + n).put("category", category)
        .put("unitOfMeasure", "件").put("shelfLifeMonths", shelfLifeMonths)
        .put("needsTestRun", testIntervalDays != null).put("testIntervalDays", testIntervalDays).put("criticality", 2);
    Resp r = admin.post("/api/items", body);
    assertEquals(201, r.status(), r.toString());
    return r.json().getLong("id");
  }

  long item() {
    return item("materials", null, null);
  }

  /** A new base kept by the given keeper ids, at the given WGS84 position. */
  long base(double lat, double lon, long... keeperIds) {
    int n = SEQ.incrementAndGet();
    Resp r = admin.post("/api/bases", new JsonObject().put("code", "TB-" + n + "-" + UUID.randomUUID().toString()
            .substring(0, 6)).put("nameZh", "测试基地" + n).put("nameEn", "Test base " + n).put("unitId", streetUnitId)
        .put("lat", lat).put("lon", lon));
    assertEquals(201, r.status(), r.toString());
    long id = r.json().getLong("id");
    JsonArray ids = new JsonArray();
    for (long k : keeperIds) {
      ids.add(k);
    }
    Resp keepers = admin.put("/api/bases/" + id + "/keepers", new JsonObject().put("userIds", ids));
    assertEquals(200, keepers.status(), keepers.toString());
    return id;
  }

  /** Receives stock as admin and returns the lot id. */
  long receive(long baseId, long itemId, String quantity, JsonObject extra) {
    JsonObject body = new JsonObject().put("itemId", itemId).put("quantity", new BigDecimal(quantity));
    if (extra != null) {
      body.mergeIn(extra);
    }
    Resp r = admin.post("/api/bases/" + baseId + "/receipts", body, key());
    assertEquals(201, r.status(), r.toString());
    return r.json().getLong("lotId");
  }

  long receive(long baseId, long itemId, String quantity) {
    return receive(baseId, itemId, quantity, null);
  }

  JsonObject lot(long lotId) {
    Resp r = admin.get("/api/lots/" + lotId);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  BigDecimal onHand(long lotId) {
    return new BigDecimal(lot(lotId).getValue("quantity").toString());
  }

  /** The sum of the lot's ledger, read through the stock card. */
  BigDecimal ledgerSum(long lotId) {
    Resp r = admin.get("/api/lots/" + lotId + "/movements?size=500");
    assertEquals(200, r.status(), r.toString());
    BigDecimal sum = BigDecimal.ZERO;
    JsonArray items = r.json().getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      sum = sum.add(new BigDecimal(items.getJsonObject(i).getValue("quantity").toString()));
    }
    return sum;
  }

  long movementCount(long lotId) {
    return admin.get("/api/lots/" + lotId + "/movements").json().getLong("total");
  }

  static String key() {
    return UUID.randomUUID().toString();
  }

  static JsonObject issue(String quantity) {
    return new JsonObject().put("quantity", new BigDecimal(quantity)).put("recipientType", "checkpoint")
        .put("recipient", "航海路机场高速北涵洞");
  }

  static void assertQty(String expected, Object actual) {
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
        "expected " + expected + " but was " + actual);
  }
}
