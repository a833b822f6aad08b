package org.floodready.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The flood-peak day of issue 19 (target 6), for {@code scripts/bench --scenario peak}: against one node or
 * several (comma-separated URLs), for a given time, at constant rates ({@link Paced}, open loop):
 * <ul>
 *   <li>{@code gauges} water gauges each posting a reading every 60 s, half one by one
 *       ({@code POST /api/checkpoints/{id}/readings}), half in batches of 20 ({@code POST /api/readings/batch});
 *       one reading in 50 is above the watch level, so alerts are raised;</li>
 *   <li>{@code keepers} store keepers each moving stock every 30 s: two issues to one receipt;</li>
 *   <li>{@code chiefs} river chiefs each uploading a 2,000-point patrol track every 10 minutes;</li>
 *   <li>{@code officers} duty officers each looking at the raised alerts and acknowledging one every 60 s;</li>
 *   <li>{@code boards} boards each polling the coverage chart and the readiness every 30 s;</li>
 *   <li>{@code streams} live-push streams open throughout ({@link SseStreams}).</li>
 * </ul>
 * Afterwards: every 2xx write's id is looked up in PostgreSQL (no acknowledged write lost), and each stream's
 * ids are compared with the log (no live message missing). Prints one JSON object per operation and a summary
 * line, all as JSON lines. Every request carries the admin's token (one user for all roles).
 * Arguments: {@code key=value} (see {@link #main}).
 */
public final class PeakScenario {
  private PeakScenario() {
  }

  public static void main(String[] args) {
    try {
      run(args);
      System.exit(0);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1); // a failed client must not hang the bench: its event loops would keep the JVM alive
    }
  }

  private static void run(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      a.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    List<URI> nodes = Arrays.stream(a.get("urls").split(",")).map(URI::create).toList();
    String token = a.get("token");
    double seconds = Double.parseDouble(a.get("seconds"));
    int gauges = Integer.parseInt(a.getOrDefault("gauges", "2000"));
    int keepers = Integer.parseInt(a.getOrDefault("keepers", "200"));
    int chiefs = Integer.parseInt(a.getOrDefault("chiefs", "300"));
    int officers = Integer.parseInt(a.getOrDefault("officers", "50"));
    int boards = Integer.parseInt(a.getOrDefault("boards", "200"));
    int streams = Integer.parseInt(a.getOrDefault("streams", "2000"));
    long[] lots = range(a.get("lots"));
    long[] cps = range(a.get("checkpoints"));
    long[] reaches = range(a.get("reaches"));
    long[] bases = range(a.get("bases"));
    long itemId = Long.parseLong(a.getOrDefault("item", "1"));
    String run = a.getOrDefault("run", "peak" + System.currentTimeMillis());

    Vertx vertx = Vertx.vertx();
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2000)
        .setIdleTimeout(30), new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(-1));
    HttpClient sseClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2000),
        new PoolOptions().setHttp1MaxSize(streams + 10));
    SseStreams live = new SseStreams(vertx, sseClient, nodes, token);
    live.open(streams);
    long waitUntil = System.currentTimeMillis() + 60_000;
    while (live.lowestFirstIdCount() < streams && System.currentTimeMillis() < waitUntil) {
      Thread.sleep(200);
    }
    int startedAtLoad = live.lowestFirstIdCount(); // streams that had their first message when the load began
    System.err.println("peak: " + live.openNow() + "/" + streams + " streams open, " + startedAtLoad + " started");

    Map<String, Set<Object>> written = new ConcurrentHashMap<>();
    for (String t : List.of("stock_movements", "readings", "patrols", "alerts")) {
      written.put(t, ConcurrentHashMap.newKeySet());
    }
    Set<String> batchReadings = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<Long> raised = new ConcurrentLinkedQueue<>();
    Set<Long> queued = ConcurrentHashMap.newKeySet();
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    Recorder single = new Recorder("reading (single)");
    Recorder batch = new Recorder("readings (batch of 20)");
    Recorder issue = new Recorder("stock issue");
    Recorder receipt = new Recorder("stock receipt");
    Recorder patrol = new Recorder("patrol track (2,000 points)");
    Recorder alerts = new Recorder("alerts list (duty officer)");
    Recorder ack = new Recorder("alert acknowledge");
    Recorder chart = new Recorder("coverage chart (board)");
    Recorder readiness = new Recorder("readiness (board)");
    List<Recorder> all = List.of(single, batch, issue, receipt, patrol, alerts, ack, chart, readiness);

    Paced paced = new Paced(vertx, client, nodes)
        .add(new Paced.Op(single, gauges * 0.5 / 60, i -> post("/api/checkpoints/" + pick(cps) + "/readings",
            reading(t0, i, 0), token, null), (s, b) -> keep(s, b, written.get("readings"), "reading", "id")))
        .add(new Paced.Op(batch, gauges * 0.5 / 60 / 20, i -> {
          JsonArray readings = new JsonArray();
          List<String> keys = new ArrayList<>(20);
          for (int k = 0; k < 20; k++) {
            JsonObject r = reading(t0, i * 20 + k, 1).put("checkpointId", pick(cps));
            readings.add(r);
            keys.add(r.getLong("checkpointId") + "|" + r.getString("measuredAt"));
          }
          Paced.Call call = post("/api/readings/batch", new JsonObject().put("readings", readings), token, null);
          return new Paced.Call(call.options(), call.body(), status -> {
            if (status >= 200 && status < 300) {
              batchReadings.addAll(keys); // all or nothing: an answered batch stored every reading (or had it)
            }
          });
        }, null))
        .add(new Paced.Op(issue, keepers / 30.0 * 2 / 3, i -> post("/api/lots/" + pick(lots) + "/issues",
            new JsonObject().put("quantity", 1).put("recipientType", "person").put("recipient", "peak"), token,
            run + "-i" + i), (s, b) -> keep(s, b, written.get("stock_movements"), null, "id")))
        .add(new Paced.Op(receipt, keepers / 30.0 / 3, i -> post("/api/bases/" + pick(bases) + "/receipts",
            new JsonObject().put("itemId", itemId).put("quantity", 5).put("lotCode", run + "-R" + i), token,
            run + "-r" + i), (s, b) -> keep(s, b, written.get("stock_movements"), null, "id")))
        .add(new Paced.Op(patrol, chiefs / 600.0, i -> post("/api/patrols", track(pick(reaches), reaches, t0, i),
            token, null), (s, b) -> keep(s, b, written.get("patrols"), null, "id")))
        .add(new Paced.Op(alerts, officers / 60.0, i -> get("/api/alerts?status=raised&size=20", token), (s, b) -> {
          if (s == 200) {
            for (Object o : b.toJsonObject().getJsonArray("items")) {
              long id = ((JsonObject) o).getLong("id");
              if (queued.add(id)) {
                raised.add(id);
              }
            }
          }
        }))
        .add(new Paced.Op(ack, officers / 60.0, i -> {
          Long id = raised.poll();
          return id == null ? null : post("/api/alerts/" + id + "/acknowledge",
              new JsonObject().put("comment", "peak"), token, run + "-a" + id);
        }, (s, b) -> keep(s, b, written.get("alerts"), null, "id")))
        .add(new Paced.Op(chart, boards / 30.0, i -> get("/api/charts/coverage.png", token), null))
        .add(new Paced.Op(readiness, boards / 30.0, i -> get("/api/readiness", token), null));
    System.out.println(new JsonObject().put("phase", "started").put("at", Instant.now().toString()).encode());
    paced.run(seconds).toCompletionStage().toCompletableFuture().get();

    Pool pg = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("127.0.0.1")
        .setPort(Integer.parseInt(a.get("pgPort"))).setUser("postgres").setDatabase("floodready")).using(vertx).build();
    long logMax = await(pg.query("SELECT coalesce(max(id), 0) AS m FROM live_events").execute())
        .iterator().next().getLong("m");
    long catchUntil = System.currentTimeMillis() + 30_000;
    while (live.lowestLastId() < logMax && System.currentTimeMillis() < catchUntil) {
      Thread.sleep(250);
    }
    long from = Math.max(0, live.lowestFirstId());
    List<Long> ids = new ArrayList<>();
    for (Row r : await(pg.preparedQuery("SELECT id FROM live_events WHERE id > $1 AND id <= $2 ORDER BY id")
        .execute(Tuple.of(from, logMax)))) {
      ids.add(r.getLong(0));
    }
    long[] logIds = ids.stream().mapToLong(Long::longValue).toArray();
    long[] missing = live.missing(logIds, logMax);
    JsonArray missedByAll = new JsonArray();
    List<Long> missedIds = live.missedByAll(logIds, logMax);
    if (!missedIds.isEmpty()) {
      // what they were: a row committed long after its id was taken (a slow write) is the suspect
      for (Row r : await(pg.preparedQuery("SELECT id, type, node, at FROM live_events WHERE id = ANY($1) ORDER BY id")
          .execute(Tuple.of((Object) missedIds.toArray(Long[]::new))))) {
        missedByAll.add(new JsonObject().put("id", r.getLong("id")).put("type", r.getString("type"))
            .put("node", r.getString("node")).put("at", String.valueOf(r.getOffsetDateTime("at"))));
      }
    }
    live.close();

    JsonObject lost = new JsonObject();
    long acknowledged = 0;
    long lostTotal = 0;
    for (var e : written.entrySet()) {
      List<Object> keys = new ArrayList<>(e.getValue());
      acknowledged += keys.size();
      if (keys.isEmpty()) {
        continue;
      }
      String sql = e.getKey().equals("patrols")
          ? "SELECT count(*) FROM patrols WHERE id::text = ANY($1)"
          // an acknowledged alert may be raised again by a higher level ('upgraded'): its acknowledgement is a row
          : e.getKey().equals("alerts") ? "SELECT count(DISTINCT alert_id) FROM alert_events WHERE alert_id = ANY($1)"
              + " AND action = 'acknowledged'"
          : "SELECT count(*) FROM " + e.getKey() + " WHERE id = ANY($1)";
      Object array = e.getKey().equals("patrols") ? keys.stream().map(String::valueOf).toArray(String[]::new)
          : keys.stream().map(k -> ((Number) k).longValue()).toArray(Long[]::new);
      long found = await(pg.preparedQuery(sql).execute(Tuple.of(array))).iterator().next().getLong(0);
      lost.put(e.getKey(), keys.size() - found);
      lostTotal += keys.size() - found;
    }
    if (!batchReadings.isEmpty()) {
      // a batch's readings by checkpoint and time, the key the table holds them by
      List<Long> cpIds = new ArrayList<>();
      List<String> times = new ArrayList<>();
      for (String k : batchReadings) {
        cpIds.add(Long.parseLong(k.substring(0, k.indexOf('|'))));
        times.add(k.substring(k.indexOf('|') + 1));
      }
      long found = await(pg.preparedQuery("SELECT count(*) FROM unnest($1::bigint[], $2::text[]) AS k(c, t) "
          // the client sends nanoseconds: the node stores them cut to microseconds, PostgreSQL's cast rounds
          + "WHERE EXISTS (SELECT 1 FROM readings r WHERE r.checkpoint_id = k.c AND r.measured_at "
          + "BETWEEN k.t::timestamptz - interval '1 microsecond' AND k.t::timestamptz + interval '1 microsecond')")
          .execute(Tuple.tuple().addValue(cpIds.toArray(Long[]::new)).addValue(times.toArray(String[]::new))))
          .iterator().next().getLong(0);
      acknowledged += batchReadings.size();
      lost.put("readings_batch", batchReadings.size() - found);
      lostTotal += batchReadings.size() - found;
    }
    for (Recorder r : all) {
      System.out.println(r.figures(seconds).encode());
    }
    System.out.println(new JsonObject().put("summary", true).put("seconds", seconds).put("nodes", nodes.size())
        .put("gauges", gauges).put("keepers", keepers).put("chiefs", chiefs).put("officers", officers)
        .put("boards", boards).put("streams", streams).put("streams_open_at_end", live.openNow())
        .put("streams_started_at_load", startedAtLoad)
        .put("log_events", ids.size()).put("live_missing", missing[0]).put("streams_missing", missing[1])
        .put("missed_by_every_stream", missedByAll).put("reconnects", missing[2]).put("open_retries", missing[5]).put("fresh_snapshots", missing[3]).put("streams_never_started", missing[4])
        .put("writes_acknowledged", acknowledged).put("writes_lost", lostTotal).put("lost_by_table", lost)
        .encode());
    vertx.close();
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get();
  }

  private static long[] range(String s) {
    String[] p = s.split("-");
    return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
  }

  private static long pick(long[] range) {
    return ThreadLocalRandom.current().nextLong(range[0], range[1] + 1);
  }

  /** A reading just before now; unique per (op, i) at millisecond grain. Every 50th is above the watch level. */
  private static JsonObject reading(Instant t0, long i, int op) {
    double value = i % 50 == 7 ? 12 + ThreadLocalRandom.current().nextInt(20) : ThreadLocalRandom.current().nextInt(0, 80) / 10.0;
    Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS).plusNanos((i % 997) * 1000L + op * 500L);
    return new JsonObject().put("value", value).put("measuredAt", at.toString());
  }

  /**
   * A 2,000-point track along the bench reach {@code reach} (scripts/bench.d/dataset.sql: a meridian segment
   * at 113.60 + n × 0.001 from 34.70 to 34.71), 3 s apart, ending an hour before the run started minus i hours.
   */
  private static JsonObject track(long reach, long[] reaches, Instant t0, long i) {
    long n = 1 + (reach - reaches[0]);
    double lon = 113.60 + n * 0.001;
    Instant start = t0.minus(1 + i % 100, ChronoUnit.HOURS).minusSeconds(6000);
    JsonArray points = new JsonArray();
    for (int k = 0; k < 2000; k++) {
      points.add(new JsonObject().put("lat", 34.70 + k * 0.000005).put("lon", lon)
          .put("t", start.plusSeconds(k * 3L).toString()));
    }
    return new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("reachId", reach)
        .put("points", points).put("notes", "peak");
  }

  private static void keep(int status, Buffer body, Set<Object> into, String inner, String field) {
    if (status < 200 || status >= 300 || into == null) {
      return;
    }
    JsonObject o = body.toJsonObject();
    if (inner != null) {
      o = o.getJsonObject(inner);
    }
    Object id = o == null ? null : o.getValue(field);
    if (id != null) {
      into.add(id);
    }
  }

  private static Paced.Call post(String uri, JsonObject body, String token, String key) {
    RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setURI(uri)
        .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
    if (key != null) {
      o.putHeader("Idempotency-Key", key);
    }
    return new Paced.Call(o, body.toBuffer());
  }

  private static Paced.Call get(String uri, String token) {
    return new Paced.Call(new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
        .putHeader("Authorization", "Bearer " + token), null);
  }
}
