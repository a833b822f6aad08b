package org.floodready.board.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site map asks by view box: the sites inside it one by one when at most the cap fall inside, else counts per
 * grid cell (computed in PostgreSQL) that add up to the sites inside; a bad box or zoom is a 400 naming it.
 */
@FloodReadyTest
class SiteMapApiTest {
  static final int GENERATED = 900;
  // a box north-east of the demo district with nothing else in it
  static final String FAR_BOX = "114.00,35.00,114.50,35.50";
  static TestServer server;

  @BeforeAll
  static void manyBases(TestServer s) throws Exception {
    server = s;
    rows("INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon, created_at)"
        + " SELECT 'MAP-B' || g, '地图测试仓库' || g, 'Map base ' || g, (SELECT min(id) FROM units), 'test',"
        + " 35.0 + ((g * 7919) % 1000) / 2000.0, 114.0 + ((g * 104729) % 1000) / 2000.0, now()"
        + " FROM generate_series(1, $1) g", GENERATED);
  }

  @Test
  void theWholeDemoMapIsStillSitesOneByOne(@As("admin") Api admin) {
    JsonObject map = admin.get("/api/dashboard/panels/map?bbox=112.0,33.0,114.0,35.0").json();
    for (String layer : new String[] {"checkpoints", "reaches"}) {
      assertEquals("points", map.getJsonObject("layers").getJsonObject(layer).getString("mode"), map.encode());
    }
    assertTrue(map.getJsonArray("checkpoints").size() > 0);
    assertTrue(map.getJsonArray("reaches").getJsonObject(0).getJsonArray("coordinates").size() > 1);
    JsonArray extent = map.getJsonArray("extent");
    assertTrue(extent.getDouble(2) >= 114.4 && extent.getDouble(3) >= 35.4, "the frame holds every site: " + extent);
  }

  @Test
  void manySitesInTheViewAreCountedPerCell(@As("admin") Api admin) throws Exception {
    JsonObject map = admin.get("/api/dashboard/panels/map?bbox=" + FAR_BOX + "&zoom=9").json();
    JsonObject layer = map.getJsonObject("layers").getJsonObject("bases");
    assertEquals("cells", layer.getString("mode"), map.encode());
    assertEquals(0, map.getJsonArray("bases").size(), "no single base when counted per cell");
    JsonArray cells = map.getJsonObject("cells").getJsonArray("bases");
    long sum = 0;
    double cell = map.getJsonObject("view").getDouble("cellDegrees");
    for (Object o : cells) {
      JsonObject c = (JsonObject) o;
      sum += c.getLong("count");
      JsonArray box = c.getJsonArray("bbox");
      assertEquals(cell, box.getDouble(2) - box.getDouble(0), 1e-9);
      assertTrue(c.getDouble("lon") >= box.getDouble(0) && c.getDouble("lon") <= box.getDouble(2), c.encode());
      assertTrue(c.getDouble("lat") >= box.getDouble(1) && c.getDouble("lat") <= box.getDouble(3), c.encode());
      assertTrue(Set.of("ok", "short").contains(c.getString("state")), c.encode());
    }
    long inBox = rows("SELECT count(*) FROM bases WHERE lon BETWEEN 114.0 AND 114.5 AND lat BETWEEN 35.0 AND 35.5")
        .iterator().next().getLong(0);
    assertEquals(inBox, sum, "the cells add up to the bases in the box");
    assertEquals(inBox, layer.getLong("count"));
    assertTrue(cells.size() > 1 && cells.size() <= 48 * 48, "cells: " + cells.size());
    assertTrue(map.encode().length() < 200_000, "a bounded answer: " + map.encode().length() + " chars");
  }

  @Test
  void aSmallerViewGetsItsSitesOneByOne(@As("admin") Api admin) throws Exception {
    JsonObject map = admin.get("/api/dashboard/panels/map?bbox=114.0,35.0,114.2,35.2&zoom=12").json();
    assertEquals("points", map.getJsonObject("layers").getJsonObject("bases").getString("mode"), map.encode());
    Set<Long> expected = new HashSet<>();
    rows("SELECT id FROM bases WHERE lon BETWEEN 114.0 AND 114.2 AND lat BETWEEN 35.0 AND 35.2")
        .forEach(r -> expected.add(r.getLong(0)));
    Set<Long> got = new HashSet<>();
    map.getJsonArray("bases").forEach(o -> got.add(((JsonObject) o).getLong("id")));
    assertTrue(expected.size() > 10 && expected.size() <= 500, "the view holds " + expected.size());
    assertEquals(expected, got);
    assertEquals("ok", map.getJsonArray("bases").getJsonObject(0).getString("state"));
  }

  @Test
  void aBadViewIsA400NamingTheParameter(@As("viewer") Api viewer) {
    assertField(viewer.get("/api/dashboard/panels/map?bbox=1,2,3"), "bbox");
    assertField(viewer.get("/api/dashboard/panels/map?bbox=a,b,c,d"), "bbox");
    assertField(viewer.get("/api/dashboard/panels/map?bbox=114,35,113,36"), "bbox");
    assertField(viewer.get("/api/dashboard/panels/map?bbox=-200,35,113,36"), "bbox");
    assertField(viewer.get("/api/dashboard/panels/map?bbox=113,35,114,NaN"), "bbox");
    assertField(viewer.get("/api/dashboard/panels/map?zoom=23"), "zoom");
    assertEquals(200, viewer.get("/api/dashboard/panels/map").status());
  }

  private static void assertField(Resp r, String field) {
    assertEquals(400, r.status(), r.toString());
    assertTrue(r.json().getJsonObject("fields").containsKey(field), r.toString());
  }

  private static RowSet<Row> rows(String statement, Object... args) throws Exception {
    return server.server.app().pool().preparedQuery(statement).execute(Tuple.wrap(args)).toCompletionStage()
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
