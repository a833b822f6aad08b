package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReadinessApiTest {
  static TestServer server;
  static Http admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    admin = server.as("admin");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
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
  void verifyAgreesAndClusterShowsOneMember() {
    Resp v = admin.get("/api/readiness/verify");
    assertEquals(200, v.status(), v.toString());
    assertTrue(v.json().getBoolean("consistent"), v.toString());
    Resp c = admin.get("/api/cluster");
    assertEquals(200, c.status(), c.toString());
    assertEquals(1, c.json().getJsonArray("members").size());
  }
}
