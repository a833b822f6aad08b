package org.floodready.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChartApiTest {
  static TestServer server;
  static Http duty;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    duty = server.as("duty");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static BufferedImage png(Resp r) throws Exception {
    assertEquals(200, r.status(), r.toString());
    assertEquals("image/png", r.header("Content-Type"));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
    assertNotNull(img, "the body decodes as an image");
    return img;
  }

  @Test
  void everyChartIsAPngOfTheRequestedSize() throws Exception {
    long reservoir = checkpointOfKind("reservoir");
    long point = checkpointOfKind("waterlogging");
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
  void anUnchangedChartIs304AndAChangeOfDataChangesTheEtag() throws Exception {
    String path = "/api/charts/coverage.png?by=base&width=700&height=400";
    Resp first = duty.get(path);
    png(first);
    String etag = first.header("ETag");
    Resp again = duty.send(duty.request(path).header("If-None-Match", etag).GET().build());
    assertEquals(304, again.status());
    assertEquals(0, again.bytes().length);

    JsonObject worst = duty.get("/api/dashboard/panels/coverage").json().getJsonArray("items").getJsonObject(0);
    Resp receipt = server.as("admin").post("/api/bases/" + worst.getLong("baseId") + "/receipts", new JsonObject()
        .put("itemId", worst.getLong("itemId")).put("quantity", worst.getDouble("shortfall")),
        UUID.randomUUID().toString());
    assertEquals(201, receipt.status(), receipt.toString());

    Resp changed = duty.send(duty.request(path).header("If-None-Match", etag).GET().build());
    png(changed);
    assertNotEquals(etag, changed.header("ETag"), "new data, new ETag");
    assertTrue(!java.util.Arrays.equals(first.bytes(), changed.bytes()), "and a new image");
  }

  @Test
  void sizesOutsideTheLimitsAre400() {
    for (String q : List.of("width=2001", "height=1201", "width=199", "height=0", "width=abc")) {
      Resp r = duty.get("/api/charts/coverage.png?" + q);
      assertEquals(400, r.status(), q + " " + r);
      assertEquals("validation_failed", r.json().getString("error"));
    }
    assertEquals(400, duty.get("/api/charts/coverage.png?by=nonsense").status());
    assertEquals(401, server.anonymous.get("/api/charts/coverage.png").status());
    assertEquals(404, duty.get("/api/charts/checkpoints/999999/levels.png").status());
  }

  @Test
  void simultaneousRequestsForANewChartRenderItOnce() throws Exception {
    ChartCache cache = ChartCache.of(server.server.app().vertx());
    long before = cache.renders();
    HttpRequest req = duty.request("/api/charts/coverage.png?by=category&width=1234&height=567").GET().build();
    List<CompletableFuture<Resp>> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(CompletableFuture.supplyAsync(() -> duty.send(req)));
    }
    String etag = null;
    for (CompletableFuture<Resp> f : all) {
      Resp r = f.get(60, TimeUnit.SECONDS);
      assertEquals(200, r.status());
      etag = etag == null ? r.header("ETag") : etag;
      assertEquals(etag, r.header("ETag"));
    }
    assertEquals(1, cache.renders() - before, "twenty requests, one render");
  }

  @Test
  void aKeeperSeesOnlyHisBasesAndAChiefNoStock() throws Exception {
    png(server.as("keeper").get("/api/charts/coverage.png?by=base"));
    assertEquals(403, server.as("chief").get("/api/charts/coverage.png").status());
    JsonObject panel = server.as("keeper").get("/api/dashboard/panels/coverage").json();
    JsonObject all = duty.get("/api/dashboard/panels/coverage").json();
    assertTrue(panel.getJsonArray("items").size() < all.getJsonArray("items").size());
  }

  @Test
  void theChartFontDisplaysEveryItemBaseAndCheckpointNameInTheDatabase() {
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

  static long checkpointOfKind(String kind) {
    return duty.get("/api/dashboard/panels/checkpoints").json().getJsonArray("items").stream()
        .map(o -> (JsonObject) o).filter(c -> c.getString("kind").equals(kind))
        .findFirst().orElseThrow().getLong("checkpointId");
  }
}
