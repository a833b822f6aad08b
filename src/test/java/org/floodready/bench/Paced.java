package org.floodready.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;

/**
 * Open-loop, constant-rate requests in the manner of wrk2: request {@code i} of an operation is due at
 * {@code start + i / rate}, whatever happened to the earlier ones, and its latency counts from that due time,
 * so a stall of the server (or of the client's own timer) shows in the percentiles instead of silently
 * lowering the rate (coordinated omission). A 1 ms tick sends every request that has fallen due; requests wait
 * in the HTTP client's pool queue when all connections are busy, and that wait is counted too.
 */
public final class Paced {
  /**
   * One request to send: its options (method, URI, headers) and body (null for none); {@code onStatus}, when
   * given, sees the status of its answer (e.g. to keep what this very request wrote).
   */
  public record Call(RequestOptions options, Buffer body, IntConsumer onStatus) {
    public Call(RequestOptions options, Buffer body) {
      this(options, body, null);
    }
  }

  /** One paced operation. {@code onAnswer} sees each answer's status and body (e.g. to keep written ids). */
  public record Op(Recorder recorder, double ratePerSecond, LongFunction<Call> calls,
      BiConsumer<Integer, Buffer> onAnswer) {
  }

  private final Vertx vertx;
  private final HttpClient client;
  private final List<Op> ops = new ArrayList<>();
  private final List<URI> nodes;

  /** Requests go to the client's default host and port. */
  public Paced(Vertx vertx, HttpClient client) {
    this(vertx, client, List.of());
  }

  /**
   * Requests go round-robin to {@code nodes}; one that gets no answer (refused, reset: a node gone) is sent
   * again to the next node, as a load balancer would, with the same Idempotency-Key, so it is applied once.
   */
  public Paced(Vertx vertx, HttpClient client, List<URI> nodes) {
    this.vertx = vertx;
    this.client = client;
    this.nodes = List.copyOf(nodes);
  }

  public Paced add(Op op) {
    ops.add(op);
    return this;
  }

  /** Runs every operation at its rate for {@code seconds}; completes once every sent request was answered. */
  public Future<Void> run(double seconds) {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long[] sent = new long[ops.size()];
    long[] inFlight = {0};
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    boolean[] stopped = {false};
    vertx.setPeriodic(1, timer -> {
      long now = System.nanoTime();
      for (int k = 0; k < ops.size(); k++) {
        Op op = ops.get(k);
        if (op.ratePerSecond() <= 0) {
          continue;
        }
        double interval = 1e9 / op.ratePerSecond();
        while (true) {
          long due = start + (long) (sent[k] * interval);
          if (due > now || due >= end) {
            break;
          }
          long i = sent[k]++;
          Call call = op.calls().apply(i);
          if (call == null) {
            continue; // nothing to do at this turn (e.g. no alert to acknowledge)
          }
          inFlight[0]++;
          send(op, call, due, (int) (i % Math.max(1, nodes.size())), 0).onComplete(v -> {
            inFlight[0]--;
            if (stopped[0] && inFlight[0] == 0) {
              done.tryComplete();
            }
          });
        }
      }
      if (now >= end) {
        vertx.cancelTimer(timer);
        stopped[0] = true;
        if (inFlight[0] == 0) {
          done.tryComplete();
        }
      }
    });
    return done.future();
  }

  private Future<Void> send(Op op, Call call, long due, int node, int attempt) {
    long[] sentAt = {0};
    int[] status = {0};
    RequestOptions options = new RequestOptions(call.options());
    if (!nodes.isEmpty()) {
      URI to = nodes.get(node % nodes.size());
      options.setHost(to.getHost()).setPort(to.getPort());
    }
    return client.request(options)
        .compose(req -> {
          sentAt[0] = System.nanoTime();
          return call.body() == null ? req.send() : req.send(call.body());
        })
        .compose(response -> {
          status[0] = response.statusCode();
          return response.body();
        })
        .transform(ar -> {
          if (ar.succeeded()) {
            op.recorder().answered(status[0], due, sentAt[0] == 0 ? due : sentAt[0], System.nanoTime());
            if (call.onStatus() != null) {
              call.onStatus().accept(status[0]);
            }
            if (status[0] >= 400) {
              String text = ar.result().toString();
              op.recorder().problem("HTTP " + status[0] + " " + text.substring(0, Math.min(160, text.length())));
            }
            if (op.onAnswer() != null) {
              try {
                op.onAnswer().accept(status[0], ar.result());
              } catch (RuntimeException e) {
                op.recorder().failed(e);
              }
            }
          } else if (status[0] == 0 && attempt + 1 < nodes.size()) {
            op.recorder().retried();
            return send(op, call, due, node + 1, attempt + 1);
          } else {
            op.recorder().failed(ar.cause());
          }
          return Future.<Void>succeededFuture();
        });
  }
}
