package org.floodready.board.charts;

import org.floodready.print.CjkFonts;

import org.floodready.board.panels.CoverageRows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class ChartApiTest {
  static BufferedImage png(Resp r) throws Exception {
    assertEquals(200, r.status(), r.toString());
    assertEquals("image/png", r.header("Content-Type"));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
    assertNotNull(img, "the body decodes as an image");
    return img;
  }

  @Test
  void everyChartIsAPngOfTheRequestedSize(@As("duty") Api duty) throws Exception {
    long reservoir = checkpointOfKind(duty, "reservoir");
    long point = checkpointOfKind(duty, "waterlogging");
    for (String path : List.of("/api/charts/coverage.png?by=category", "/api/charts/coverage.png?by=base",
        "/api/charts/compliance.png?", "/api/charts/hazard-ages.png?", "/api/charts/readiness.png?",
        "/api/charts/checkpoints/" + reservoir + "/levels.png?hours=72",
        "/api/charts/checkpoints/" + point + "/levels.png?hours=24")) {
      BufferedImage img = png(duty.get(path + "&width=640&height=360"));
      assertEquals(640, img.getWidth(), path);
      assertEquals(360, img.getHeight(), path);
      assertNotNull(duty.get(path + "&width=640&height=360").header("ETag"), path);
    }
  }

  @Test
  void anUnchangedChartIs304AndAChangeOfDataChangesTheEtag(@As("duty") Api duty,
      @As("admin") Api admin) throws Exception {
    String path = "/api/charts/coverage.png?by=base&width=700&height=400";
    Resp first = duty.get(path);
    png(first);
    String etag = first.header("ETag");
    Resp again = duty.with("If-None-Match", etag).get(path);
    assertEquals(304, again.status());
    assertEquals(0, again.bytes().length);

    JsonObject worst = duty.get("/api/dashboard/panels/coverage").json().getJsonArray("items").getJsonObject(0);
    Resp receipt = admin.post("/api/bases/" + worst.getLong("baseId") + "/receipts", new JsonObject()
        .put("itemId", worst.getLong("itemId")).put("quantity", worst.getDouble("shortfall")),
        UUID.randomUUID().toString());
    assertEquals(201, receipt.status(), receipt.toString());

    Resp changed = duty.with("If-None-Match", etag).get(path);
    png(changed);
    assertNotEquals(etag, changed.header("ETag"), "new data, new ETag");
    assertTrue(timing(changed).containsKey("render"), "rendered again: " + changed.header("Server-Timing"));
    assertTrue(!java.util.Arrays.equals(first.bytes(), changed.bytes()), "and a new image");
  }

  @Test
  void aCachedChartIsAnsweredWithoutReadingDataOrRendering(TestServer server, @As("duty") Api duty) throws Exception {
    ChartCache cache = ChartCache.of(server.server.app().vertx());
    String path = "/api/charts/coverage.png?by=category&width=810&height=410";
    for (int attempt = 0; ; attempt++) {
      long period = System.currentTimeMillis() / ChartVersions.PERIOD_MS;
      png(duty.get(path));
      long reads = cache.dataReads();
      long renders = cache.renders();
      Resp plain = duty.get(path);
      Resp revalidated = duty.with("If-None-Match", plain.header("ETag")).get(path);
      boolean newVersion = period != System.currentTimeMillis() / ChartVersions.PERIOD_MS
          || !Map.of("cache", "hit").equals(timing(plain));
      if (newVersion && attempt < 3) {
        // a new period of the clock, or an earlier test's write reaching this node's log follower meanwhile,
        // is a new data version: try again within one
        continue;
      }
      png(plain);
      assertEquals(304, revalidated.status());
      assertEquals(reads, cache.dataReads(), "no data read for a cached chart");
      assertEquals(renders, cache.renders(), "no render for a cached chart");
      assertEquals(Map.of("cache", "hit"), timing(plain));
      assertEquals(Map.of("cache", "hit"), timing(revalidated));
      return;
    }
  }

  @Test
  void aColdRenderReportsItsDataReadAndJfreechartTime(@As("duty") Api duty) {
    Resp cold = duty.get("/api/charts/coverage.png?by=base&width=811&height=411");
    assertEquals(200, cold.status());
    Map<String, String> t = timing(cold);
    assertEquals("miss", t.get("cache"), cold.header("Server-Timing"));
    assertTrue(Double.parseDouble(t.get("render")) > 0, cold.header("Server-Timing"));
    if (t.containsKey("data")) {
      assertTrue(Double.parseDouble(t.get("data")) >= 0, cold.header("Server-Timing"));
    }
  }

  @Test
  void anotherSizeOfUnchangedDataRendersWithoutReadingTheDataAgain(TestServer server,
      @As("duty") Api duty) throws Exception {
    ChartCache cache = ChartCache.of(server.server.app().vertx());
    for (int attempt = 0; ; attempt++) {
      long period = System.currentTimeMillis() / ChartVersions.PERIOD_MS;
      png(duty.get("/api/charts/compliance.png?width=820&height=420"));
      long reads = cache.dataReads();
      long renders = cache.renders();
      Resp other = duty.get("/api/charts/compliance.png?width=" + (821 + attempt) + "&height=421");
      if (period != System.currentTimeMillis() / ChartVersions.PERIOD_MS && attempt < 3) {
        continue;
      }
      assertEquals(421, png(other).getHeight());
      assertEquals(reads, cache.dataReads(), "the figures of this data version were in memory");
      assertEquals(renders + 1, cache.renders(), "a new size is a new image");
      assertTrue(!timing(other).containsKey("data") && timing(other).containsKey("render"),
          other.header("Server-Timing"));
      return;
    }
  }

  @Test
  void theCoverageChartsByCategoryAndByBaseShareOneReadOfTheRows(TestServer server,
      @As("duty") Api duty) throws Exception {
    ChartCache cache = ChartCache.of(server.server.app().vertx());
    for (int attempt = 0; ; attempt++) {
      long period = System.currentTimeMillis() / ChartVersions.PERIOD_MS;
      ChartVersions.of(server.server.app()).bump(ChartVersions.COVERAGE);
      long rowReads = cache.coverageRows.loads();
      long reads = cache.dataReads();
      png(duty.get("/api/charts/coverage.png?by=category&width=840&height=440"));
      png(duty.get("/api/charts/coverage.png?by=base&width=840&height=440"));
      png(duty.get("/api/charts/coverage.png?by=base&threshold=50&width=840&height=440"));
      if (period != System.currentTimeMillis() / ChartVersions.PERIOD_MS && attempt < 3) {
        continue;
      }
      assertEquals(3, cache.dataReads() - reads, "three charts' figures");
      assertEquals(1, cache.coverageRows.loads() - rowReads, "from one read of the coverage rows");
      return;
    }
  }

  @Test
  void anEventFromAnotherNodeMovesTheDataVersion(TestServer server, @As("duty") Api duty) throws Exception {
    var app = server.server.app();
    ChartVersions versions = ChartVersions.of(app);
    String before = versions.eventVersion(ChartVersions.COVERAGE);
    String path = "/api/charts/coverage.png?by=base&width=830&height=430";
    Resp first = duty.get(path);
    png(first);
    // what another member's write appends to the event log
    app.pool().withTransaction(tx -> new org.floodready.events.Outbox("another-node", java.time.Clock.systemUTC())
        .append(tx, org.floodready.events.EventType.STOCK_CHANGED, new JsonObject().put("unitId", 1).put("baseId", 1)))
        .await(10, TimeUnit.SECONDS);
    long deadline = System.currentTimeMillis() + 10_000;
    while (versions.eventVersion(ChartVersions.COVERAGE).equals(before) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertNotEquals(before, versions.eventVersion(ChartVersions.COVERAGE));
    ChartCache cache = ChartCache.of(app.vertx());
    long reads = cache.dataReads();
    long renders = cache.renders();
    Resp after = duty.get(path);
    assertEquals("miss", timing(after).get("cache"), "a new data version is read again");
    assertTrue(cache.dataReads() > reads);
    assertEquals(first.header("ETag"), after.header("ETag"), "the figures did not change, nor does the ETag");
    assertEquals(renders, cache.renders(), "and the image is reused");
  }

  /** After a write only the written base is read again, and the patched rows equal a fresh full read. */
  @Test
  void aWriteRereadsOnlyItsBaseAndThePatchedRowsEqualAFullRead(TestServer server, @As("duty") Api duty,
      @As("admin") Api admin) throws Exception {
    var app = server.server.app();
    CoverageRows rows = CoverageRows.of(app);
    rows.all(app.now()).await(10, TimeUnit.SECONDS);
    long[] before = rows.reads();
    ChartVersions versions = ChartVersions.of(app);
    String version = versions.eventVersion(ChartVersions.COVERAGE);
    JsonObject worst = duty.get("/api/dashboard/panels/coverage").json().getJsonArray("items").getJsonObject(0);
    Resp receipt = admin.post("/api/bases/" + worst.getLong("baseId") + "/receipts", new JsonObject()
        .put("itemId", worst.getLong("itemId")).put("quantity", 3), UUID.randomUUID().toString());
    assertEquals(201, receipt.status(), receipt.toString());
    long deadline = System.currentTimeMillis() + 10_000;
    while (versions.eventVersion(ChartVersions.COVERAGE).equals(version) && System.currentTimeMillis() < deadline) {
      Thread.sleep(10); // the event is published right after the answer is sent
    }
    var patched = rows.all(app.now()).await(10, TimeUnit.SECONDS);
    long[] after = rows.reads();
    if (after[0] == before[0]) {
      assertEquals(before[1] + 1, after[1], "one partial read for the written base");
    } // else a new clock period began meanwhile and everything was read: still checked below
    var fresh = new org.floodready.inventory.CoverageService(app).coverage(app.now()).await(10, TimeUnit.SECONDS);
    assertEquals(org.floodready.board.panels.BaseCoverage.of(fresh), patched, "patched rows = a full read");
    assertTrue(patched.stream().anyMatch(r -> r.baseId() == worst.getLong("baseId")), "the written base is still there");
  }

  /** Server-Timing as metric → duration (or description when it has none), e.g. cache → hit. */
  static Map<String, String> timing(Resp r) {
    String header = r.header("Server-Timing");
    assertNotNull(header, "Server-Timing on " + r);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String metric : header.split(",")) {
      String[] parts = metric.trim().split(";");
      assertTrue(parts[0].matches("[a-z]+"), header);
      String value = null;
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].trim().split("=", 2);
        if (kv[0].equals("dur")) {
          value = kv[1];
          assertTrue(kv[1].matches("\\d+(\\.\\d+)?"), header);
        } else if (kv[0].equals("desc") && value == null) {
          value = kv[1];
        }
      }
      out.put(parts[0], value);
    }
    return out;
  }

  @Test
  void sizesOutsideTheLimitsAre400(@As("duty") Api duty, Api anonymous) {
    for (String q : List.of("width=2001", "height=1201", "width=199", "height=0", "width=abc")) {
      Resp r = duty.get("/api/charts/coverage.png?" + q);
      assertEquals(400, r.status(), q + " " + r);
      assertEquals("validation_failed", r.json().getString("error"));
    }
    assertEquals(400, duty.get("/api/charts/coverage.png?by=nonsense").status());
    assertEquals(401, anonymous.get("/api/charts/coverage.png").status());
    assertEquals(404, duty.get("/api/charts/checkpoints/999999/levels.png").status());
  }

  @Test
  void simultaneousRequestsForANewChartRenderItOnce(TestServer server, @As("duty") Api duty) throws Exception {
    ChartCache cache = ChartCache.of(server.server.app().vertx());
    long before = cache.renders();
    List<Future<Resp>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(duty.getAsync("/api/charts/coverage.png?by=category&width=1234&height=567"));
    }
    String etag = null;
    for (Future<Resp> f : all) {
      Resp r = f.await(60, TimeUnit.SECONDS);
      assertEquals(200, r.status());
      etag = etag == null ? r.header("ETag") : etag;
      assertEquals(etag, r.header("ETag"));
    }
    assertEquals(1, cache.renders() - before, "twenty requests, one render");
  }

  @Test
  void manyNewSizesAtOnceQueueForTheRenderersAndAreAllAnswered(@As("duty") Api duty) throws Exception {
    List<Future<Resp>> all = new ArrayList<>();
    for (int i = 0; i < 4 * ChartResponder.RENDER_THREADS + 3; i++) {
      all.add(duty.getAsync("/api/charts/coverage.png?by=category&width=" + (1500 + i) + "&height=900"));
    }
    for (int i = 0; i < all.size(); i++) {
      assertEquals(1500 + i, png(all.get(i).await(120, TimeUnit.SECONDS)).getWidth());
    }
  }

  @Test
  void aKeeperSeesOnlyHisBasesAndAChiefNoStock(@As("duty") Api duty, @As("chief") Api chief,
      @As("keeper") Api keeper) throws Exception {
    png(keeper.get("/api/charts/coverage.png?by=base"));
    assertEquals(403, chief.get("/api/charts/coverage.png").status());
    JsonObject panel = keeper.get("/api/dashboard/panels/coverage").json();
    JsonObject all = duty.get("/api/dashboard/panels/coverage").json();
    assertTrue(panel.getJsonArray("items").size() < all.getJsonArray("items").size());
  }

  @Test
  void theChartFontDisplaysEveryItemBaseAndCheckpointNameInTheDatabase(@As("duty") Api duty) {
    java.awt.Font font = CjkFonts.font(java.awt.Font.PLAIN, 14f);
    List<String> names = new ArrayList<>();
    duty.get("/api/items?size=500").json().getJsonArray("items").forEach(o -> names.add(((JsonObject) o).getString("nameZh")));
    duty.get("/api/bases?size=500").json().getJsonArray("items").forEach(o -> names.add(((JsonObject) o).getString("nameZh")));
    duty.get("/api/dashboard/panels/checkpoints").json().getJsonArray("items")
        .forEach(o -> names.add(((JsonObject) o).getString("nameZh")));
    duty.get("/api/units").json().getJsonArray("items").forEach(o -> names.add(((JsonObject) o).getString("nameZh")));
    assertTrue(names.size() > 40, "names: " + names);
    for (String name : names) {
      assertEquals(-1, font.canDisplayUpTo(name), font.getFontName() + " cannot display " + name);
    }
  }

  static long checkpointOfKind(Api duty, String kind) {
    return duty.get("/api/dashboard/panels/checkpoints").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(c -> c.getString("kind").equals(kind))
        .findFirst().orElseThrow().getLong("checkpointId");
  }
}
