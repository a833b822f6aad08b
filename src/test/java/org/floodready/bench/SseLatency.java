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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live push latency for scripts/bench: opens N SSE streams on GET /api/live, then posts stock
 * issues one after another at a steady rate and times, for every stream, how long after each write
 * its stock.changed event arrives. Latency counts from the write's acknowledged answer (commit done)
 * and, more pessimistically, from the moment the POST was sent. Only JDK classes, so it runs with
 * {@code java -cp target/test-classes org.floodready.bench.SseLatency base token clients events rate lotMin lotMax}.
 * Prints one JSON line.
 */
public final class SseLatency {
  private static final Pattern MOVEMENT_ID = Pattern.compile("\"movementId\"\\s*:\\s*(\\d+)");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final int clients;
  private final CountDownLatch snapshots;
  private final AtomicInteger dropped = new AtomicInteger();
  /** movement id → receipt time (nanos) per stream; 0 = not (yet) received. */
  private final Map<Long, AtomicLongArray> receipts = new ConcurrentHashMap<>();

  private SseLatency(int clients) {
    this.clients = clients;
    this.snapshots = new CountDownLatch(clients);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 7) {
      System.err.println("usage: SseLatency baseUrl token clients events ratePerSecond lotMin lotMax");
      System.exit(2);
    }
    String base = args[0];
    String token = args[1];
    int clients = Integer.parseInt(args[2]);
    int events = Integer.parseInt(args[3]);
    double rate = Double.parseDouble(args[4]);
    long lotMin = Long.parseLong(args[5]);
    long lotMax = Long.parseLong(args[6]);
    System.out.println(new SseLatency(clients).run(base, token, events, rate, lotMin, lotMax));
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
      streams.sendAsync(req, HttpResponse.BodyHandlers.fromLineSubscriber(new Stream(i)))
          .whenComplete((r, e) -> {
            if (e != null || r.statusCode() != 200) {
              dropped.incrementAndGet();
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

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
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
      } else if (event.equals("stock.changed")) {
        Matcher m = MOVEMENT_ID.matcher(data);
        if (m.find()) {
          receipts.computeIfAbsent(Long.parseLong(m.group(1)), k -> new AtomicLongArray(clients))
              .compareAndSet(index, 0, now);
        }
      }
      event = "message";
      data.setLength(0);
    }

    @Override
    public void onError(Throwable throwable) {
      dropped.incrementAndGet();
    }

    @Override
    public void onComplete() {
      dropped.incrementAndGet();
    }
  }
}
