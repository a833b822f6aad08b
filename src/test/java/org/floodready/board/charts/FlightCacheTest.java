package org.floodready.board.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FlightCacheTest {
  @Test
  void aLoadThatThrowsIsAFailedFutureAndNotCached() {
    FlightCache<byte[]> cache = new FlightCache<>(8);
    Future<byte[]> failed = cache.get("k3", () -> {
      throw new IllegalStateException("no such chart");
    });
    assertTrue(failed.failed());
    cache.get("k3", () -> Future.succeededFuture(new byte[] {7}));
    assertEquals(2, cache.loads());
  }

  @Test
  void oneChartCachePerNodeSharedByAllItsVerticles(Vertx vertx) {
    assertSame(ChartCache.of(vertx), ChartCache.of(vertx));
  }

  @Test
  void identicalRequestsWhileRenderingShareOneRender() throws Exception {
    FlightCache<byte[]> cache = new FlightCache<>(8);
    Promise<byte[]> slow = Promise.promise();
    List<Future<byte[]>> waiting = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      waiting.add(cache.get("k1", slow::future));
    }
    assertEquals(1, cache.loads());
    slow.complete(new byte[] {1, 2, 3});
    for (Future<byte[]> f : waiting) {
      assertEquals(3, f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).length);
    }
    cache.get("k1", () -> Future.succeededFuture(new byte[0]));
    assertEquals(1, cache.loads(), "a finished load is served from cache");
  }

  @Test
  void aFailedLoadIsNotCached() {
    FlightCache<byte[]> cache = new FlightCache<>(8);
    cache.get("k2", () -> Future.failedFuture("boom"));
    Future<byte[]> again = cache.get("k2", () -> Future.succeededFuture(new byte[] {9}));
    assertEquals(2, cache.loads());
    assertEquals(1, again.result().length);
  }

  @Test
  void entriesBeyondTheBoundAreEvicted() {
    FlightCache<byte[]> cache = new FlightCache<>(8);
    for (int i = 0; i < cache.maxEntries() + 10; i++) {
      cache.get("k" + i, () -> Future.succeededFuture(new byte[] {1}));
    }
    assertEquals(cache.maxEntries() + 10, cache.loads());
    assertTrue(cache.size() <= cache.maxEntries(), "held " + cache.size() + " of at most " + cache.maxEntries());
  }
}
