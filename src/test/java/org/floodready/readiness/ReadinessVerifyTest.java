package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The verify compares the live snapshot with PostgreSQL: it must see a change that bypassed the event log, which
 * the admin's rebuild then takes in.
 */
@FloodReadyTest
class ReadinessVerifyTest {
  @Test
  void aStockChangeBehindTheLogsBackIsReportedFigureByFigureAndARebuildTakesItIn(TestServer node,
      @As("admin") Api admin, @As("viewer") Api viewer) throws Exception {
    JsonObject before = admin.get("/api/readiness/verify").json();
    assertTrue(before.getBoolean("consistent"), before.encode());
    assertEquals(0L, before.getLong("differenceCount"));

    // no event: the snapshot cannot know, only a recompute from PostgreSQL can
    node.server.app().pool().query("UPDATE lots SET quantity = 0").execute()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    JsonObject after = admin.get("/api/readiness/verify").json();
    assertFalse(after.getBoolean("consistent"), after.encode());
    long count = after.getLong("differenceCount");
    assertTrue(count >= 1, after.encode());
    assertEquals(Math.min(count, 200), after.getJsonArray("differences").size(), after.encode());
    assertTrue(after.getJsonArray("differences").stream().map(JsonObject.class::cast)
        .anyMatch(d -> d.getString("metric").equals("stockIndex")), after.encode());
    assertEquals(after.getInteger("units"), after.getInteger("snapshotUnits"));

    // the admin's way out without a restart: a rebuild from PostgreSQL now
    assertEquals(403, viewer.post("/api/admin/readiness/rebuild", new JsonObject()).status());
    Resp rebuilt = admin.post("/api/admin/readiness/rebuild", new JsonObject());
    assertEquals(200, rebuilt.status(), rebuilt.toString());
    assertEquals(after.getInteger("units"), rebuilt.json().getInteger("units"));
    assertTrue(rebuilt.json().getLong("millis") >= 0, rebuilt.toString());
    JsonObject again = admin.get("/api/readiness/verify").json();
    assertTrue(again.getBoolean("consistent"), again.encode());
  }
}
