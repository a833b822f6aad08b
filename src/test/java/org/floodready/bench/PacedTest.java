package org.floodready.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open-loop client of scripts/bench: constant rate, latency from the intended start, fail-over. */
class PacedTest {
  private Vertx vertx;
  private HttpServer server;
  private final AtomicInteger served = new AtomicInteger();

  @BeforeEach
  void serverThatStallsOnce() throws Exception {
    vertx = Vertx.vertx();
    // The 10th request is answered after 600 ms: one stall, as a GC pause or a slow commit would be.
    server = vertx.createHttpServer().requestHandler(req -> {
      int n = served.incrementAndGet();
      vertx.setTimer(n == 10 ? 600 : 1, t -> req.response().end("{\"id\":" + n + "}"));
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aStallCountsForTheRequestsQueuedBehindItNotOnlyForItself() throws Exception {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(server.actualPort()), new PoolOptions().setHttp1MaxSize(1));
    Recorder r = new Recorder("get");
    AtomicInteger ids = new AtomicInteger();
    new Paced(vertx, client).add(new Paced.Op(r, 100, i -> new Paced.Call(new RequestOptions().setURI("/x"), null),
            (status, body) -> ids.addAndGet(new JsonObject(body).getInteger("id") > 0 ? 1 : 0)))
        .run(2).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    JsonObject f = r.figures(2);
    assertEquals(200, f.getLong("answered"), f.encode());
    assertEquals(200, ids.get());
    // About 60 requests were due while the one connection was stuck: each waited its share of the stall
    // from its intended start, so the 90th percentile (and not only the max) shows it, unlike service time.
    assertTrue(f.getDouble("max_ms") >= 550, f.encode());
    assertTrue(f.getDouble("p90_ms") >= 50, f.encode());
    assertTrue(f.getDouble("service_p50_ms") < f.getDouble("p90_ms"), f.encode());
  }

  @Test
  void aRequestToANodeThatIsGoneIsSentToTheNextOne() throws Exception {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000), new PoolOptions());
    Recorder r = new Recorder("post");
    List<URI> nodes = List.of(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:" + server.actualPort()));
    new Paced(vertx, client, nodes).add(new Paced.Op(r, 20, i -> new Paced.Call(
            new RequestOptions().setMethod(HttpMethod.POST).setURI("/y"), io.vertx.core.buffer.Buffer.buffer("{}")), null))
        .run(1).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    JsonObject f = r.figures(1);
    assertEquals(20, f.getLong("ok"), f.encode());
    assertEquals(0, f.getLong("errors"), f.encode());
    assertEquals(10, f.getLong("retried"), "every other request went to the dead node first: " + f.encode());
  }
}
