package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The refresh has one owner (the {@link ReadinessRefresh} verticle) and no locks: requests made at the same
 * time from several event loops and from plain threads, while writes land at several bases, all complete,
 * and the snapshot ends equal to a full recompute.
 */
@FloodReadyTest
class ReadinessRefreshOwnerTest {

  @Test
  void refreshesAskedFromManyThreadsDuringWritesEndInOneCorrectSnapshot(TestServer server, @As("admin") Api admin)
      throws Exception {
    var app = server.server.app();
    ReadinessService service = ReadinessNode.of(app.vertx()).service();
    JsonArray bases = admin.get("/api/bases?size=8").json().getJsonArray("items");
    long item = admin.get("/api/items?size=1").json().getJsonArray("items").getJsonObject(0).getLong("id");
    Set<Long> units = new HashSet<>();
    List<Future<?>> all = new ArrayList<>();
    for (Object o : bases) {
      JsonObject base = (JsonObject) o;
      long baseId = base.getLong("id");
      long unitId = base.getLong("unitId");
      units.add(unitId);
      all.add(admin.postAsync("/api/bases/" + baseId + "/receipts",
          new JsonObject().put("itemId", item).put("quantity", 3), UUID.randomUUID().toString()));
      // the same requests from a context of each event loop (a new context per call spreads them)...
      for (int i = 0; i < 4; i++) {
        Context ctx = app.vertx().getOrCreateContext();
        Promise<Void> done = Promise.promise();
        ctx.runOnContext(v -> service.refreshBase(unitId, baseId).onComplete(done));
        all.add(done.future());
      }
      // ...and from a plain thread
      all.add(service.refresh(unitId));
    }
    all.add(service.rebuild("test: many callers at once"));
    Future.all(all).await(60, TimeUnit.SECONDS);
    for (Future<?> f : all) {
      if (f.result() instanceof Resp r) {
        assertTrue(r.status() < 300, r.toString());
      }
    }
    assertTrue(units.size() > 1, "bases of several units: " + units);

    JsonObject verify = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      verify = admin.get("/api/readiness/verify").json();
      if (verify.getBoolean("consistent")) {
        break;
      }
      Thread.sleep(200);
    }
    assertTrue(verify.getBoolean("consistent"), verify.encode());
    assertEquals(verify.getInteger("units"), verify.getInteger("snapshotUnits"));
    assertTrue(admin.get("/api/cluster").json().getJsonObject("snapshot").getLong("rebuilds") >= 2,
        "the start's rebuild and the test's");
  }

  /**
   * Under a steady stream of stock events the pending bases never all run out: a caller (the time round) waiting
   * for its refresh must still be answered once its own request is read, not when the stream stops.
   */
  @Test
  void aRefreshIsAnsweredWhileOtherBasesKeepArriving(TestServer server, @As("admin") Api admin) throws Exception {
    var app = server.server.app();
    ReadinessService service = ReadinessNode.of(app.vertx()).service();
    long street = admin.get("/api/units?level=street").json().getJsonArray("items").getJsonObject(0).getLong("id");
    List<Long> bases = newBases(admin, street, ReadinessRefresh.MAX_BASES_PER_REFRESH * 2 + 4);
    // more bases than one refresh takes, asked again every 20 ms: some are always pending
    long timer = app.vertx().setPeriodic(20, t -> bases.forEach(b -> service.refreshBase(street, b)));
    try {
      Thread.sleep(300);
      long asked = System.nanoTime();
      Future<Void> mine = service.refresh(street);
      mine.toCompletionStage().toCompletableFuture().handle((v, e) -> v).get(60, TimeUnit.SECONDS);
      long tookMs = (System.nanoTime() - asked) / 1_000_000;
      assertTrue(mine.succeeded(), "answered while the stream goes on: " + mine);
      // a few refreshes of at most 16 bases each, with their pauses (at most 1 s each)
      assertTrue(tookMs < 8_000, "answered after " + tookMs + " ms");
    } finally {
      app.vertx().cancelTimer(timer);
    }
  }

  /**
   * A caller waits for the refresh that reads what it asked for, not for every base asked before it: at province
   * peak load the time round's few units waited minutes behind a queue of stock bases.
   */
  @Test
  void aUnitsRefreshIsNotQueuedBehindTheBasesAskedBeforeIt(TestServer server, @As("admin") Api admin) throws Exception {
    var app = server.server.app();
    ReadinessService service = ReadinessNode.of(app.vertx()).service();
    long street = admin.get("/api/units?level=street").json().getJsonArray("items").getJsonObject(0).getLong("id");
    List<Long> bases = newBases(admin, street, ReadinessRefresh.MAX_BASES_PER_REFRESH * 3);
    service.refresh(street).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS); // a quiet start
    // 48 bases, then the unit, asked at once: the first refresh takes the unit and 16 bases (or fewer, if it
    // starts before the last bases are queued), the bases need at least 3
    long before = refreshes(service);
    bases.forEach(b -> service.refreshBase(street, b));
    service.refresh(street).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    long took = refreshes(service) - before;
    assertTrue(took <= 2, "the unit's refresh is answered by the first or second refresh, not after the "
        + (bases.size() / ReadinessRefresh.MAX_BASES_PER_REFRESH) + " the bases need: " + took);
    // and the bases are all read in the end
    Future.all(bases.stream().map(b -> service.refreshBase(street, b)).toList())
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static List<Long> newBases(Api admin, long unitId, int count) {
    List<Long> bases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Resp base = admin.post("/api/bases", new JsonObject().put("code", "RB-" + i + "-" + System.nanoTime())
          .put("nameZh", "刷新基地" + i).put("nameEn", "Refresh base " + i).put("unitId", unitId)
          .put("lat", 34.7).put("lon", 113.6));
      assertEquals(201, base.status(), base.toString());
      bases.add(base.json().getLong("id"));
    }
    return bases;
  }

  private static long refreshes(ReadinessService service) {
    return service.status().getLong("refreshes");
  }
}
