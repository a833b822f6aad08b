package org.floodready.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live push latency for scripts/bench: opens N SSE streams on GET /api/live, then posts stock
 * issues one after another at a steady rate and times, for every stream, how long after each write
 * its stock.changed event arrives. Latency counts from the write's acknowledged answer (commit done)
 * and, more pessimistically, from the moment the POST was sent. Only JDK classes, so it runs with
 * {@code java -cp target/test-classes org.floodready.bench.SseLatency base token clients events rate lotMin lotMax [event]}.
 * With an event name other than stock.changed (e.g. readiness), each write is instead timed to the first message
 * of that name on each stream after the write was sent (writes are paced so they do not overlap).
 * Prints one JSON line.
 */
public final class SseLatency {
  private static final Pattern MOVEMENT_ID = Pattern.compile("\"movementId\"\\s*:\\s*(\\d+)");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final int clients;
  private final String timedEvent;
  /** Arrival times (nanos) of timedEvent messages per stream, when it is not stock.changed. */
  private final List<List<Long>> arrivals = new ArrayList<>();
  private final CountDownLatch snapshots;
  private final AtomicInteger dropped = new AtomicInteger();
  /** movement id → receipt time (nanos) per stream; 0 = not (yet) received. */
  private final Map<Long, AtomicLongArray> receipts = new ConcurrentHashMap<>();

  private SseLatency(int clients, String timedEvent) {
    this.clients = clients;
    this.timedEvent = timedEvent;
    for (int i = 0; i < clients; i++) {
      arrivals.add(java.util.Collections.synchronizedList(new ArrayList<>()));
    }
    this.snapshots = new CountDownLatch(clients);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 7 && args.length != 8) {
      System.err.println("usage: SseLatency baseUrl token clients events ratePerSecond lotMin lotMax [event]");
      System.exit(2);
    }
    String base = args[0];
    String token = args[1];
    int clients = Integer.parseInt(args[2]);
    int events = Integer.parseInt(args[3]);
    double rate = Double.parseDouble(args[4]);
    long lotMin = Long.parseLong(args[5]);
    long lotMax = Long.parseLong(args[6]);
    String event = args.length == 8 ? args[7] : "stock.changed";
    System.out.println(new SseLatency(clients, event).run(base, token, events, rate, lotMin, lotMax));
    System.exit(0);
  }

  private String run(String base, String token, int events, double rate, long lotMin, long lotMax)
      throws Exception {
    HttpClient streams = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(30)).build();
    long connectStart = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/live?access_token=" + token))
          .header("Accept", "text/event-stream").GET().build();
      Stream stream = new Stream(i);
      streams.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(stream))
          .whenComplete((r, e) -> {
            if (e != null || r.statusCode() != 200) {
              stream.end();
            }
          });
    }
    boolean allConnected = snapshots.await(120, TimeUnit.SECONDS);
    long connected = clients - snapshots.getCount();
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;

    HttpClient writer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<Long, long[]> sent = new ConcurrentHashMap<>();
    long gapNanos = (long) (1e9 / rate);
    long next = System.nanoTime();
    int failedWrites = 0;
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int n = 0; n < events; n++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      next += gapNanos;
      long lot = ThreadLocalRandom.current().nextLong(lotMin, lotMax + 1);
      HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/lots/" + lot + "/issues"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .header("Idempotency-Key", "sse-" + run + "-" + n)
          .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1,\"recipientType\":\"person\",\"recipient\":\"sse\"}"))
          .build();
      long sendAt = System.nanoTime();
      HttpResponse<String> answer = writer.send(post, HttpResponse.BodyHandlers.ofString());
      long ackAt = System.nanoTime();
      Matcher m = ID.matcher(answer.body());
      if (answer.statusCode() != 201 || !m.find()) {
        failedWrites++;
        continue;
      }
      long id = Long.parseLong(m.group(1));
      sent.put(id, new long[] {sendAt, ackAt});
      receipts.computeIfAbsent(id, k -> new AtomicLongArray(clients));
    }
    if (!timedEvent.equals("stock.changed")) {
      TimeUnit.SECONDS.sleep(3);
      matchByTime(sent);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timedEvent.equals("stock.changed") ? 15 : 0);
    while (missing(sent) > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    List<Long> fromAck = new ArrayList<>();
    List<Long> fromSend = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : sent.entrySet()) {
      AtomicLongArray got = receipts.get(e.getKey());
      for (int c = 0; c < clients; c++) {
        long at = got.get(c);
        if (at != 0) {
          fromSend.add(at - e.getValue()[0]);
          fromAck.add(Math.max(0, at - e.getValue()[1]));
        }
      }
    }
    Percentiles ack = new Percentiles(fromAck.stream().mapToLong(Long::longValue).toArray());
    Percentiles send = new Percentiles(fromSend.stream().mapToLong(Long::longValue).toArray());
    return String.format(java.util.Locale.ROOT, "{\"clients\":%d,\"connected\":%d,\"allConnected\":%b,"
            + "\"connectSeconds\":%.1f,\"writes\":%d,\"failedWrites\":%d,\"deliveries\":%d,\"missing\":%d,"
            + "\"droppedStreams\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,"
            + "\"p50_from_send_ms\":%.2f,\"p99_from_send_ms\":%.2f}",
        clients, connected, allConnected, connectSeconds, sent.size(), failedWrites, ack.count(), missing(sent),
        dropped.get(), ms(ack.at(50)), ms(ack.at(99)), ms(ack.max()), ms(send.at(50)), ms(send.at(99)));
  }

  /** Each write's receipt on a stream = the first timedEvent message there after it was sent, before the next write. */
  private void matchByTime(Map<Long, long[]> sent) {
    List<long[]> writes = new ArrayList<>(sent.values());
    List<Long> ids = new ArrayList<>(sent.keySet());
    Integer[] order = new Integer[writes.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> writes.get(i)[0]));
    for (int c = 0; c < clients; c++) {
      List<Long> times;
      synchronized (arrivals.get(c)) {
        times = new ArrayList<>(arrivals.get(c));
      }
      for (int k = 0; k < order.length; k++) {
        long from = writes.get(order[k])[0];
        long to = k + 1 < order.length ? writes.get(order[k + 1])[0] : Long.MAX_VALUE;
        for (long t : times) {
          if (t >= from && t < to) {
            receipts.get(ids.get(order[k])).set(c, t);
            break;
          }
        }
      }
    }
  }

  private long missing(Map<Long, long[]> sent) {
    long missing = 0;
    for (Long id : sent.keySet()) {
      AtomicLongArray got = receipts.get(id);
      for (int c = 0; c < clients; c++) {
        if (got.get(c) == 0) {
          missing++;
        }
      }
    }
    return missing;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** One SSE stream, parsed line by line: "event:" and "data:" fields, a blank line ends a message. */
  private final class Stream implements Flow.Subscriber<String> {
    private final int index;
    private String event = "message";
    private final StringBuilder data = new StringBuilder();
    private boolean snapshotSeen;
    private final AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

    Stream(int index) {
      this.index = index;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.isEmpty()) {
        dispatch();
      } else if (line.startsWith("event:")) {
        event = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      }
    }

    private void dispatch() {
      long now = System.nanoTime();
      if (event.equals("snapshot") && !snapshotSeen) {
        snapshotSeen = true;
        snapshots.countDown();
      } else if (event.equals(timedEvent) && !event.equals("stock.changed")) {
        arrivals.get(index).add(now);
      } else if (event.equals("stock.changed") && timedEvent.equals("stock.changed")) {
        Matcher m = MOVEMENT_ID.matcher(data);
        if (m.find()) {
          receipts.computeIfAbsent(Long.parseLong(m.group(1)), k -> new AtomicLongArray(clients))
              .compareAndSet(index, 0, now);
        }
      }
      event = "message";
      data.setLength(0);
    }

    /** The stream ended or never opened: counted once. */
    void end() {
      if (ended.compareAndSet(false, true)) {
        dropped.incrementAndGet();
      }
    }

    @Override
    public void onError(Throwable throwable) {
      end();
    }

    @Override
    public void onComplete() {
      end();
    }
  }
}
