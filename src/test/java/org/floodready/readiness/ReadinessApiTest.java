package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class ReadinessApiTest {
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
  }

  @Test
  void snapshotHasEveryUnitWithTimedFigures() {
    Resp r = admin.get("/api/readiness");
    assertEquals(200, r.status(), r.toString());
    JsonArray units = r.json().getJsonArray("units");
    Resp all = admin.get("/api/units");
    assertEquals(all.json().getJsonArray("items").size(), units.size());
    JsonObject city = units.getJsonObject(0);
    assertEquals("city", city.getString("level"));
    JsonObject metrics = city.getJsonObject("metrics");
    assertNotNull(metrics.getJsonObject("stockIndex").getString("changedAt"));
    assertTrue(r.json().getLong("version") >= units.size());
  }

  @Test
  void aClientAcceptingGzipGetsTheSameAnswerGzippedOnce() throws Exception {
    Resp zipped = admin.with("Accept-Encoding", "gzip, deflate, br").get("/api/readiness");
    assertEquals(200, zipped.status(), zipped.toString());
    assertEquals("gzip", zipped.header("Content-Encoding"));
    assertEquals("Accept-Encoding", zipped.header("Vary"));
    JsonObject unzipped = new JsonObject(new String(
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.bytes())).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8));
    JsonObject plain = admin.get("/api/readiness").json();
    assertNotNull(unzipped.getString("at"));
    assertEquals(ids(plain), ids(unzipped));
    assertEquals(plain.getJsonArray("units").getJsonObject(0).getString("code"),
        unzipped.getJsonArray("units").getJsonObject(0).getString("code"));

    Resp refused = admin.with("Accept-Encoding", "gzip;q=0").get("/api/readiness");
    assertEquals(null, refused.header("Content-Encoding"), refused.toString());
    assertEquals(ids(plain), ids(refused.json()));
  }

  private static java.util.List<Object> ids(JsonObject answer) {
    return answer.getJsonArray("units").stream().map(u -> ((JsonObject) u).getValue("unitId")).toList();
  }

  @Test
  void aStockMovementChangesTheUnitAndItsAncestorsOnly() throws Exception {
    StockFixture stock = StockFixture.find(server.server.app(), admin, java.util.Set.of());
    JsonObject before = admin.get("/api/readiness/units/" + stock.unitId()).json();
    JsonObject parentBefore = admin.get("/api/readiness/units/" + before.getLong("parentId")).json();
    JsonObject cityBefore = admin.get("/api/readiness").json().getJsonArray("units").getJsonObject(0);
    JsonObject otherBefore = otherStreet(stock.unitId());

    stock.issueOne(admin);
    JsonObject after = awaitVersion(stock.unitId(), before.getLong("version") + 1);
    assertTrue(sumEquipment(after) == sumEquipment(before) - 1, "one piece fewer: " + after.getJsonObject("metrics"));
    assertTrue(after.getJsonObject("metrics").getJsonObject("equipment").getString("changedAt")
        .compareTo(before.getJsonObject("metrics").getJsonObject("equipment").getString("changedAt")) > 0);
    assertEquals(before.getJsonObject("metrics").getJsonObject("openHazards"),
        after.getJsonObject("metrics").getJsonObject("openHazards"), "unchanged figures keep their time");
    assertEquals(parentBefore.getLong("version") + 1, awaitVersion(before.getLong("parentId"),
        parentBefore.getLong("version") + 1).getLong("version"));
    assertEquals(cityBefore.getLong("version") + 1, awaitVersion(cityBefore.getLong("unitId"),
        cityBefore.getLong("version") + 1).getLong("version"));
    assertEquals(otherBefore.getLong("version"),
        admin.get("/api/readiness/units/" + otherBefore.getLong("unitId")).json().getLong("version"));
    assertTrue(admin.get("/api/readiness/verify").json().getBoolean("consistent"));
  }

  @Test
  void refreshesAfterConcurrentWritesInSeveralUnitsEqualAFullRecompute() throws Exception {
    java.util.Map<Long, StockFixture> byUnit = new java.util.LinkedHashMap<>();
    for (Object o : admin.get("/api/bases?size=500").json().getJsonArray("items")) {
      JsonObject base = (JsonObject) o;
      if (byUnit.size() < 3 && !byUnit.containsKey(base.getLong("unitId"))) {
        try {
          StockFixture f = StockFixture.find(server.server.app(), admin, java.util.Set.of(base.getLong("id")));
          byUnit.put(f.unitId(), f);
        } catch (IllegalStateException noEquipmentThere) {
          // try the next base
        }
      }
    }
    assertTrue(byUnit.size() >= 2, "equipment at bases of two units at least: " + byUnit);
    java.util.Map<Long, Long> versions = new java.util.HashMap<>();
    byUnit.keySet().forEach(id -> versions.put(id, admin.get("/api/readiness/units/" + id).json().getLong("version")));
    java.util.List<Thread> writers = new java.util.ArrayList<>();
    java.util.List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (StockFixture f : byUnit.values()) {
      Thread t = new Thread(() -> {
        try {
          for (int i = 0; i < 3; i++) {
            f.issueOne(admin);
          }
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      t.start();
      writers.add(t);
    }
    for (Thread t : writers) {
      t.join(30_000);
    }
    assertTrue(failures.isEmpty(), failures.toString());
    for (long unitId : byUnit.keySet()) {
      awaitVersion(unitId, versions.get(unitId) + 1);
    }
    JsonObject verify = null;
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      verify = admin.get("/api/readiness/verify").json();
      if (verify.getBoolean("consistent")) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(verify.getBoolean("consistent"), verify.encode());
    assertEquals(verify.getInteger("units"), verify.getInteger("snapshotUnits"));
  }

  private static double sumEquipment(JsonObject entry) {
    JsonObject eq = entry.getJsonObject("metrics").getJsonObject("equipment").getJsonObject("value");
    return eq.fieldNames().stream().mapToDouble(k -> eq.getJsonObject(k).getDouble("usable")).sum();
  }

  private static JsonObject otherStreet(long unitId) {
    return admin.get("/api/readiness").json().getJsonArray("units").stream().map(JsonObject.class::cast)
        .filter(u -> "street".equals(u.getString("level")) && u.getLong("unitId") != unitId)
        .findFirst().orElseThrow();
  }

  private static JsonObject awaitVersion(long unitId, long version) throws InterruptedException {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
    JsonObject entry = null;
    while (System.nanoTime() < deadline) {
      entry = admin.get("/api/readiness/units/" + unitId).json();
      if (entry.getLong("version") >= version) {
        return entry;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("unit " + unitId + " never reached version " + version + ": " + entry);
  }

  /** More bases change at once than one refresh reads (they are taken in rounds): the result still agrees. */
  @Test
  void writesAtManyBasesAtOnceAreRefreshedInRoundsAndEqualAFullRecompute() throws Exception {
    long street = admin.get("/api/units?level=street").json().getJsonArray("items").getJsonObject(0).getLong("id");
    long item = admin.get("/api/items?size=1").json().getJsonArray("items").getJsonObject(0).getLong("id");
    int bases = ReadinessRefresh.MAX_BASES_PER_REFRESH * 2 + 3;
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < bases; i++) {
      Resp base = admin.post("/api/bases", new JsonObject().put("code", "RB-" + i + "-" + System.nanoTime())
          .put("nameZh", "轮次基地" + i).put("nameEn", "Round base " + i).put("unitId", street)
          .put("lat", 34.7).put("lon", 113.6));
      assertEquals(201, base.status(), base.toString());
      ids.add(base.json().getLong("id"));
    }
    java.util.List<java.util.concurrent.CompletableFuture<Resp>> writes = new java.util.ArrayList<>();
    for (long id : ids) {
      writes.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        Resp quota = admin.put("/api/bases/" + id + "/quotas/" + item, new JsonObject().put("required", 10));
        return quota.status() >= 300 ? quota : admin.post("/api/bases/" + id + "/receipts",
            new JsonObject().put("itemId", item).put("quantity", 4), java.util.UUID.randomUUID().toString());
      }));
    }
    for (var w : writes) {
      Resp r = w.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(r.status() < 300, r.toString());
    }
    JsonObject verify = null;
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      verify = admin.get("/api/readiness/verify").json();
      if (verify.getBoolean("consistent")) {
        break;
      }
      Thread.sleep(100);
    }
    assertTrue(verify.getBoolean("consistent"), verify.encode());
  }

  @Test
  void scoresRanksAndFlagsComeFromTheDomainData() {
    JsonArray units = admin.get("/api/readiness").json().getJsonArray("units");
    JsonObject city = units.getJsonObject(0);
    assertNotNull(city.getValue("score"), city.encode());
    assertNotNull(city.getJsonObject("metrics").getJsonObject("stockIndex").getValue("value"));
    long streetsWithFlags = units.stream().map(JsonObject.class::cast)
        .filter(u -> "street".equals(u.getString("level")) && u.getString("flag") != null).count();
    assertTrue(streetsWithFlags >= 2, "a red and a black flag among the streets");
    assertTrue(units.stream().map(JsonObject.class::cast).anyMatch(u -> u.getJsonObject("metrics")
        .getJsonObject("checkpoints").getInteger("value") > 0), "checkpoints are counted");
    assertTrue(city.getJsonObject("metrics").getJsonObject("reaches").getInteger("value") > 0, "reaches are counted");
  }

  @Test
  void streetsRankingDownloadsAsCsv() {
    Resp streets = admin.get("/api/readiness?level=street");
    assertEquals(200, streets.status());
    JsonArray units = streets.json().getJsonArray("units");
    assertTrue(units.stream().allMatch(u -> "street".equals(((JsonObject) u).getString("level"))));
    Resp csv = admin.get("/api/readiness?level=street&format=csv");
    assertEquals(200, csv.status(), csv.toString());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"));
    String body = csv.body();
    assertTrue(body.startsWith("\uFEFF层级 Level,"), body);
    assertEquals(units.size() + 1, body.trim().split("\r\n").length);
    assertTrue(body.contains("十八里河街道"));
    assertEquals(400, admin.get("/api/readiness?format=pdf").status());
  }

  @Test
  void verifyAgreesAndClusterShowsOneMember() {
    Resp v = admin.get("/api/readiness/verify");
    assertEquals(200, v.status(), v.toString());
    assertTrue(v.json().getBoolean("consistent"), v.toString());
    Resp c = admin.get("/api/cluster");
    assertEquals(200, c.status(), c.toString());
    assertEquals(1, c.json().getJsonArray("members").size());
  }
}
