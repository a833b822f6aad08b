package org.floodready.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Open-loop latency of stock POSTs for scripts/bench (issue 19, target 2): {@code POST /api/lots/{random
 * lot}/issues} at a constant rate (see {@link Paced}), each with its own Idempotency-Key, and prints one JSON
 * line: p50/p90/p99/p99.9/max from each request's intended start (corrected for coordinated omission) and the
 * service-time p50/p99 (from the actual send) for comparison.
 * {@code java -cp target/floodready.jar:classes org.floodready.bench.OpenLoop baseUrl token rate seconds
 * lotMin lotMax runTag connections [warmupSeconds]}; the warm-up runs first at the same rate, unmeasured.
 */
public final class OpenLoop {
  private OpenLoop() {
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String token = args[1];
    double rate = Double.parseDouble(args[2]);
    double seconds = Double.parseDouble(args[3]);
    long lotMin = Long.parseLong(args[4]);
    long lotMax = Long.parseLong(args[5]);
    String run = args[6];
    int connections = Integer.parseInt(args[7]);
    Vertx vertx = Vertx.vertx();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
        .setDefaultHost(base.getHost()).setDefaultPort(base.getPort()), new PoolOptions().setHttp1MaxSize(connections));
    double warmup = args.length > 8 ? Double.parseDouble(args[8]) : 0;
    if (warmup > 0) {
      // unmeasured, at the same rate: this client's JIT and its connections, not the node, would set the first
      // second's latencies (and so the p99 of a short run)
      paced(vertx, client, new Recorder("warm-up"), rate, token, lotMin, lotMax, run + "-w").run(warmup)
          .toCompletionStage().toCompletableFuture().get();
    }
    Recorder issues = new Recorder("stock.issue");
    paced(vertx, client, issues, rate, token, lotMin, lotMax, run).run(seconds)
        .toCompletionStage().toCompletableFuture().get();
    System.out.println(issues.figures(seconds).put("asked_rps", rate).put("connections", connections).encode());
    vertx.close();
  }

  private static Paced paced(Vertx vertx, HttpClient client, Recorder recorder, double rate, String token,
      long lotMin, long lotMax, String run) {
    Buffer body = Buffer.buffer("{\"quantity\":1,\"recipientType\":\"person\",\"recipient\":\"bench\"}");
    return new Paced(vertx, client).add(new Paced.Op(recorder, rate, i -> new Paced.Call(
        new RequestOptions().setMethod(HttpMethod.POST)
            .setURI("/api/lots/" + ThreadLocalRandom.current().nextLong(lotMin, lotMax + 1) + "/issues")
            .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json")
            .putHeader("Idempotency-Key", run + "-" + i), body), null));
  }
}
