package org.floodready.requests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.floodready.support.Api;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;

/**
 * Supplies near a flooded place, built through the real API: bags at a near base above its quota (two lots,
 * the smaller expiring first), at a nearer base exactly at its quota, at a far base without a quota; pumps
 * at the near base, one lot with a passed test run and one never tested.
 */
final class RequestFixture {
  static final double LAT = 34.690;
  static final double LON = 113.700;
  private static final AtomicInteger SEQ = new AtomicInteger();

  final Api admin;
  final Api duty;
  final Api street;
  final Api keeper;
  final Api viewer;
  final long streetUnitId;
  final long bags;
  final long pumps;
  final long near;
  final long atQuota;
  final long far;
  final long nearEarly;
  final long nearLate;
  final long atQuotaLot;
  final long farLot;
  final long pumpPassed;
  final long pumpUntested;

  RequestFixture(TestServer server) {
    admin = server.as("admin");
    duty = server.as("duty");
    street = server.as("street");
    keeper = server.as("keeper");
    viewer = server.as("viewer");
    streetUnitId = street.get("/api/auth/me").json().getLong("unitId");
    long keeperId = keeper.get("/api/auth/me").json().getLong("id");
    bags = item("编织袋", "Woven bag", "materials", "条", false);
    pumps = item("潜水泵", "Submersible pump", "equipment", "台", true);
    near = base("城南仓库", 34.700, 113.700, keeperId);
    atQuota = base("河堤储备点", 34.6905, 113.7005, keeperId);
    far = base("北郊仓库", 34.800, 113.700, keeperId);
    nearLate = receive(near, bags, 300, "BAG-LATE", "2029-06-01");
    nearEarly = receive(near, bags, 100, "BAG-EARLY", "2027-05-01");
    atQuotaLot = receive(atQuota, bags, 50, "BAG-Q", "2028-01-01");
    farLot = receive(far, bags, 500, "BAG-FAR", "2028-01-01");
    pumpUntested = receive(near, pumps, 2, "PUMP-NEW", null);
    pumpPassed = receive(near, pumps, 2, "PUMP-OK", null);
    Resp test = admin.post("/api/lots/" + pumpPassed + "/test-runs", new JsonObject().put("result", "pass"), key());
    assertEquals(201, test.status(), test.toString());
    quota(near, bags, 200);
    quota(atQuota, bags, 50);
  }

  private long item(String zh, String en, String category, String uom, boolean tested) {
    int n = SEQ.incrementAndGet();
    Resp r = admin.post("/api/items", new JsonObject().put("code", "RQ-" + n + "-" + UUID.randomUUID().toString()
            .substring(0, 6)).put("nameZh", zh).put("nameEn", en).put("category", category).put("unitOfMeasure", uom)
        .put("needsTestRun", tested).put("testIntervalDays", tested ? 180 : null).put("criticality", 2));
    assertEquals(201, r.status(), r.toString());
    return r.json().getLong("id");
  }

  private long base(String zh, double lat, double lon, long keeperId) {
    int n = SEQ.incrementAndGet();
    long unit = admin.get("/api/units?level=street").json().getJsonArray("items").getJsonObject(0).getLong("id");
    Resp r = admin.post("/api/bases", new JsonObject().put("code", "RB-" + n + "-" + UUID.randomUUID().toString()
        .substring(0, 6)).put("nameZh", zh + n).put("nameEn", "Request base " + n).put("unitId", unit)
        .put("lat", lat).put("lon", lon));
    assertEquals(201, r.status(), r.toString());
    long id = r.json().getLong("id");
    assertEquals(200, admin.put("/api/bases/" + id + "/keepers",
        new JsonObject().put("userIds", new JsonArray().add(keeperId))).status());
    return id;
  }

  private long receive(long base, long item, int quantity, String lotCode, String expiresOn) {
    Resp r = admin.post("/api/bases/" + base + "/receipts", new JsonObject().put("itemId", item)
        .put("quantity", quantity).put("lotCode", lotCode).put("expiresOn", expiresOn), key());
    assertEquals(201, r.status(), r.toString());
    return r.json().getLong("lotId");
  }

  private void quota(long base, long item, int required) {
    Resp r = admin.put("/api/bases/" + base + "/quotas/" + item, new JsonObject().put("required", required));
    assertTrue(r.status() == 200 || r.status() == 201, r.toString());
  }

  /** The street asks for bags and pumps at the flooded place. */
  JsonObject fileRequest(int bagCount, int pumpCount) {
    Resp r = street.post("/api/requests", new JsonObject().put("lat", LAT).put("lon", LON)
        .put("address", "紫荆山南路 地下通道口").put("neededBy", OffsetDateTime.now().plusHours(3).toString())
        .put("note", "积水 40 cm，需要围堵和抽排")
        .put("lines", new JsonArray().add(new JsonObject().put("itemId", bags).put("quantity", bagCount))
            .add(new JsonObject().put("itemId", pumps).put("quantity", pumpCount))), key());
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  static long lineOf(JsonObject request, long itemId) {
    JsonArray lines = request.getJsonArray("lines");
    for (int i = 0; i < lines.size(); i++) {
      if (lines.getJsonObject(i).getLong("itemId") == itemId) {
        return lines.getJsonObject(i).getLong("id");
      }
    }
    throw new AssertionError("no line for item " + itemId + " in " + request.encodePrettily());
  }

  static JsonObject decision(JsonObject request, long line1, double approved1, String reason1, long line2,
      double approved2) {
    return new JsonObject().put("version", request.getInteger("version")).put("lines", new JsonArray()
        .add(new JsonObject().put("lineId", line1).put("approvedQuantity", approved1).put("reason", reason1))
        .add(new JsonObject().put("lineId", line2).put("approvedQuantity", approved2)));
  }

  static Resp put(Api as, String path, JsonObject body, String key) {
    return as.put(path, body, key);
  }

  BigDecimal onHand(long lotId) {
    return new BigDecimal(admin.get("/api/lots/" + lotId).json().getValue("quantity").toString());
  }

  static String key() {
    return UUID.randomUUID().toString();
  }
}
