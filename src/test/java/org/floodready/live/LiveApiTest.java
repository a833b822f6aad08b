package org.floodready.live;

import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The live push on one node: snapshot first, ids, Last-Event-ID replay, scope, errors. */
@FloodReadyTest
class LiveApiTest {
  static TestServer server;
  static Api admin;
  static Api keeper;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
    keeper = server.as("keeper");
  }

  private static String token(Api http) {
    return http.token();
  }

  static long unitId(String code) {
    return admin.get("/api/units").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(u -> code.equals(u.getString("code"))).findFirst().orElseThrow().getLong("id");
  }

  private static void publish(String type, long unitId) {
    server.server.app().events().publish(type, new JsonObject().put("unitId", unitId).put("probe", type));
  }

  @Test
  void aDisabledUsersOpenStreamEndsAtOnceAndCannotReconnect() throws Exception {
    Resp created = admin.post("/api/admin/users", new JsonObject().put("username", "stream-off")
        .put("displayName", "值班 流").put("password", "Heron-Sluice-Lamp-8").put("role", "viewer"));
    assertEquals(201, created.status(), created.toString());
    String token = token(server.as("stream-off", "Heron-Sluice-Lamp-8"));
    try (SseClient live = SseClient.open(server.anonymous.base(), token, null)) {
      assertNotNull(live.await(m -> "snapshot".equals(m.event()), Duration.ofSeconds(10)), "stream opened");
      assertEquals(200, admin.patch("/api/admin/users/" + created.json().getLong("id"),
          new JsonObject().put("active", false)).status());
      SseClient.Message bye = live.await(m -> "reconnect".equals(m.event()), Duration.ofSeconds(5));
      assertNotNull(bye, "the open stream is ended: " + SseClient.brief(live.seen()));
      assertEquals("credentials_revoked", bye.json().getString("reason"));
    }
    try (SseClient again = SseClient.open(server.anonymous.base(), token, null)) {
      assertEquals(401, again.status(), "the browser's reconnect is refused");
    }
  }

  @Test
  void firstMessageIsTheSnapshotThenEventsWithIncreasingIds() throws Exception {
    try (SseClient live = SseClient.open(server.anonymous.base(), token(admin), null)) {
      SseClient.Message first = live.next(Duration.ofSeconds(10));
      assertNotNull(first);
      assertEquals("snapshot", first.event());
      assertFalse(first.json().getJsonArray("units").isEmpty());
      long street = unitId("ZZ-GC-NC");
      publish("stock.changed", street);
      publish("alert.raised", street);
      SseClient.Message stock = live.await(m -> "stock.changed".equals(m.event()), Duration.ofSeconds(5));
      SseClient.Message alert = live.await(m -> "alert".equals(m.event()), Duration.ofSeconds(5));
      assertNotNull(stock, SseClient.brief(live.seen()));
      assertNotNull(alert, SseClient.brief(live.seen()));
      assertEquals("alert.raised", alert.json().getString("type"));
      assertTrue(first.id() < stock.id() && stock.id() < alert.id());
      long previous = -1;
      for (SseClient.Message m : live.seen()) {
        assertTrue(m.id() > previous, "ids must increase: " + live.seen());
        previous = m.id();
      }
    }
  }

  @Test
  void reconnectingWithLastEventIdReplaysWhatWasMissed() throws Exception {
    long street = unitId("ZZ-JK-MH");
    try (SseClient watcher = SseClient.open(server.anonymous.base(), token(admin), null)) {
      long lastSeen;
      try (SseClient dropped = SseClient.open(server.anonymous.base(), token(admin), null)) {
        lastSeen = dropped.next(Duration.ofSeconds(10)).id();
      }
      assertEquals("snapshot", watcher.next(Duration.ofSeconds(10)).event());
      for (int i = 0; i < 5; i++) {
        publish("stock.changed", street);
      }
      List<SseClient.Message> watched = watcher.drain(Duration.ofSeconds(2));
      Set<Long> missed = ids(watched, lastSeen);
      assertTrue(missed.size() >= 5, "watcher saw " + SseClient.brief(watched));
      try (SseClient back = SseClient.open(server.anonymous.base(), token(admin), lastSeen)) {
        List<SseClient.Message> replayed = back.drain(Duration.ofSeconds(2));
        assertTrue(replayed.stream().noneMatch(m -> "snapshot".equals(m.event())), replayed.toString());
        long newestWatched = missed.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertEquals(missed, ids(replayed, lastSeen).stream().filter(id -> id <= newestWatched)
            .collect(Collectors.toSet()), "the replay holds exactly what the connected client saw");
      }
    }
  }

  @Test
  void aKeepersStreamCarriesOnlyHisScope() throws Exception {
    long own = unitId("ZZ-GC-SBLH");
    long elsewhere = unitId("ZZ-HJ-GY");
    try (SseClient keeperLive = SseClient.open(server.anonymous.base(), token(keeper), null);
         SseClient adminLive = SseClient.open(server.anonymous.base(), token(admin), null)) {
      SseClient.Message snapshot = keeperLive.next(Duration.ofSeconds(10));
      assertEquals("snapshot", snapshot.event());
      Set<Long> visible = snapshot.json().getJsonArray("units").stream()
          .map(u -> ((JsonObject) u).getLong("unitId")).collect(Collectors.toSet());
      assertTrue(visible.contains(own), visible.toString());
      assertTrue(visible.contains(unitId("ZZ-GC-NC")), "the unit of his second base: " + visible);
      assertFalse(visible.contains(elsewhere), visible.toString());
      assertFalse(visible.contains(unitId("ZZ")), "the city is outside a keeper's scope");

      publish("stock.changed", elsewhere);
      publish("stock.changed", own);
      assertNotNull(adminLive.await(m -> m.data().contains("\"unitId\":" + own) && "stock.changed".equals(m.event()),
          Duration.ofSeconds(5)));
      List<SseClient.Message> seen = keeperLive.drain(Duration.ofSeconds(1));
      assertTrue(seen.stream().anyMatch(m -> "stock.changed".equals(m.event())
          && m.json().getLong("unitId") == own), SseClient.brief(seen));
      for (SseClient.Message m : seen) {
        if (!"snapshot".equals(m.event())) {
          assertTrue(visible.contains(m.json().getLong("unitId")), "out of scope: " + m);
        }
      }
      Resp outside = keeper.get("/api/readiness/units/" + elsewhere);
      assertEquals(403, outside.status(), outside.toString());
      assertEquals(200, keeper.get("/api/readiness/units/" + own).status());
    }
  }

  @Test
  void aBurstReachesEveryStreamWholeInOrderAndInScope() throws Exception {
    long own = unitId("ZZ-GC-SBLH");
    long elsewhere = unitId("ZZ-HJ-GY");
    String burst = "burst-" + System.nanoTime();
    int events = 300;
    List<SseClient> admins = new java.util.ArrayList<>();
    try (SseClient keeperLive = SseClient.open(server.anonymous.base(), token(keeper), null)) {
      for (int i = 0; i < 5; i++) {
        admins.add(SseClient.open(server.anonymous.base(), token(admin), null));
      }
      assertEquals("snapshot", keeperLive.next(Duration.ofSeconds(10)).event());
      for (SseClient a : admins) {
        assertEquals("snapshot", a.next(Duration.ofSeconds(10)).event());
      }
      for (int i = 0; i < events; i++) {
        server.server.app().events().publish("stock.changed",
            new JsonObject().put("unitId", i % 2 == 0 ? own : elsewhere).put("burst", burst).put("n", i));
      }
      List<List<Integer>> seenByAdmins = new java.util.ArrayList<>();
      for (SseClient a : admins) {
        assertNotNull(a.await(m -> m.data().contains(burst) && m.json().getInteger("n") == events - 1,
            Duration.ofSeconds(30)), "the last of the burst");
        seenByAdmins.add(burstOrder(a.seen(), burst));
      }
      List<Integer> all = java.util.stream.IntStream.range(0, events).boxed().toList();
      for (List<Integer> seen : seenByAdmins) {
        assertEquals(all, seen, "every message once, in publication order");
      }
      assertNotNull(keeperLive.await(m -> m.data().contains(burst) && m.json().getInteger("n") == events - 2,
          Duration.ofSeconds(30)));
      List<SseClient.Message> keeperSeen = keeperLive.drain(Duration.ofMillis(500));
      assertEquals(all.stream().filter(n -> n % 2 == 0).toList(), burstOrder(keeperSeen, burst),
          "the keeper gets his unit's messages, in order, and no other");
      for (List<SseClient.Message> seen : List.of(keeperSeen, admins.get(0).seen())) {
        long previous = -1;
        for (SseClient.Message m : seen) {
          assertTrue(m.id() > previous, "ids must increase: " + SseClient.brief(seen));
          previous = m.id();
        }
      }
    } finally {
      admins.forEach(SseClient::close);
    }
  }

  private static List<Integer> burstOrder(List<SseClient.Message> messages, String burst) {
    return messages.stream().filter(m -> "stock.changed".equals(m.event()) && m.data().contains(burst))
        .map(m -> m.json().getInteger("n")).toList();
  }

  /**
   * A client that does not read is not buffered: it is dropped once a backlog's worth of messages passes
   * without its socket taking any, or, when the kernel's buffers took enough to hide that, it is served from
   * the log when it reads again, missing nothing.
   */
  @Test
  @org.junit.jupiter.api.Timeout(120)
  void aClientThatDoesNotReadIsDroppedOrCaughtUpFromTheLogNeverBuffered() throws Exception {
    long street = unitId("ZZ-JK-CH");
    String padding = "x".repeat(6000);
    int events = 3000;
    try (java.net.Socket socket = new java.net.Socket();
         SseClient reader = SseClient.open(server.anonymous.base(), token(admin), null)) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("localhost", server.server.port()));
      socket.getOutputStream().write(("GET /api/live?access_token=" + token(admin) + " HTTP/1.1\r\n"
          + "Host: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      // its stream has started (the snapshot is written): a burst before that waits in the log, not on it
      awaitSnapshot(socket);
      for (int i = 0; i < events; i++) {
        server.server.app().events().publish("stock.changed",
            new JsonObject().put("unitId", street).put("n", i).put("padding", padding));
      }
      assertNotNull(reader.await(m -> m.data().contains("\"n\":" + (events - 1) + ","), Duration.ofSeconds(60)),
          "a client that reads gets everything");

      socket.setSoTimeout(5000);
      java.io.InputStream in = socket.getInputStream();
      byte[] buffer = new byte[65536];
      java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
      boolean ended = true;
      // read until the last event's number (a frame is longer than its padding: a count of bytes stopped early)
      String last = "\"n\":" + (events - 1) + ",";
      try {
        int n;
        String seen = "";
        while ((n = in.read(buffer)) >= 0) {
          got.write(buffer, 0, n);
          seen = seen.substring(Math.max(0, seen.length() - 64))
              + new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
          if (seen.replace("\\\"", "\"").contains(last)) {
            ended = false;
            break;
          }
        }
      } catch (java.net.SocketException reset) {
        ended = true;
      }
      if (!ended) {
        // Not dropped: the kernel's socket buffers took enough of the burst that it never looked idle for a
        // backlog's worth of messages. Then the node held no backlog for it but read it back from the log
        // once it read (LiveClient catches up page by page): it must have every event, once, in order.
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("\\\\?\"n\\\\?\":(\\d+)")
            .matcher(got.toString(java.nio.charset.StandardCharsets.UTF_8));
        int expected = 0;
        while (numbers.find()) {
          assertEquals(expected++, Integer.parseInt(numbers.group(1)), "a stream that was not dropped misses nothing");
        }
        assertEquals(events, expected, "a stream that was not dropped gets every event");
      }
    }
    assertEquals(200, admin.get("/api/readiness").status());
  }

  /** Reads the raw stream up to the end of its first message, the snapshot. */
  private static void awaitSnapshot(java.net.Socket socket) throws java.io.IOException {
    socket.setSoTimeout(30_000);
    java.io.InputStream in = socket.getInputStream();
    StringBuilder seen = new StringBuilder();
    int snapshotAt = -1;
    int b;
    while ((b = in.read()) >= 0) {
      seen.append((char) b);
      if (snapshotAt < 0) {
        snapshotAt = seen.indexOf("event: snapshot");
      } else if (seen.length() >= 2 && seen.charAt(seen.length() - 1) == '\n'
          && seen.charAt(seen.length() - 2) == '\n') {
        return;
      }
    }
    throw new java.io.EOFException("the stream ended before its snapshot: " + seen);
  }

  /**
   * One commit of more events than a stream's backlog holds wakes the follower once, and it hands them
   * over page after page at memory speed, faster than a slow socket: a stream that reads, however slowly,
   * must still get every one, in order (it catches up from the log), and a keeper's only his unit's.
   */
  @Test
  @org.junit.jupiter.api.Timeout(120)
  void aBurstLargerThanTheBacklogInOneCommitReachesAReadingStreamWhole() throws Exception {
    long own = unitId("ZZ-GC-SBLH");
    long elsewhere = unitId("ZZ-HJ-GY");
    String burst = "big-" + System.nanoTime();
    String padding = "y".repeat(4000);
    int events = 3 * LiveRoutes.MAX_BACKLOG;
    try (java.net.Socket slowSocket = new java.net.Socket();
         SseClient adminLive = SseClient.open(server.anonymous.base(), token(admin), null);
         SseClient keeperLive = SseClient.open(server.anonymous.base(), token(keeper), null);
         java.io.BufferedReader slow = slowReader(slowSocket)) {
      assertEquals("snapshot", adminLive.next(Duration.ofSeconds(10)).event());
      assertEquals("snapshot", keeperLive.next(Duration.ofSeconds(10)).event());
      String line;
      while ((line = slow.readLine()) != null && !line.equals("event: snapshot")) {
        // up to the slow stream's snapshot: it is registered
      }
      List<org.floodready.events.Outbox.Event> all = new java.util.ArrayList<>();
      for (int i = 0; i < events; i++) {
        all.add(new org.floodready.events.Outbox.Event(org.floodready.events.EventType.INCIDENT_CHANGED,
            new JsonObject().put("unitId", i % 2 == 0 ? own : elsewhere).put("burst", burst).put("n", i)
                .put("padding", padding)));
      }
      var committed = server.server.app().pool()
          .withTransaction(tx -> server.server.app().events().appendAll(tx, all)).toCompletionStage();
      List<Integer> slowly = new java.util.ArrayList<>();
      while ((line = slow.readLine()) != null) {
        if (line.startsWith("data: ") && line.contains(burst)) {
          slowly.add(new JsonObject(line.substring(6)).getInteger("n"));
          if (slowly.get(slowly.size() - 1) == events - 1) {
            break;
          }
        }
      }
      committed.toCompletableFuture().get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(java.util.stream.IntStream.range(0, events).boxed().toList(), slowly,
          "a slow stream gets every message once, in order");
      assertNotNull(adminLive.await(m -> m.data().contains(burst) && m.json().getInteger("n") == events - 1,
          Duration.ofSeconds(90)), "the last of the burst");
      assertEquals(java.util.stream.IntStream.range(0, events).boxed().toList(), incidentOrder(adminLive.seen(), burst),
          "every message once, in order");
      assertNotNull(keeperLive.await(m -> m.data().contains(burst) && m.json().getInteger("n") == events - 2,
          Duration.ofSeconds(90)), "the last of his unit's");
      assertEquals(java.util.stream.IntStream.range(0, events).filter(n -> n % 2 == 0).boxed().toList(),
          incidentOrder(keeperLive.seen(), burst), "the keeper gets his unit's messages, in order, and no other");
    }
  }

  /**
   * An SSE stream on a socket with a small receive buffer, read at a few MB/s at most, as a phone on a poor
   * link: the kernel cannot take a burst for it, so the server's backlog must.
   */
  private static java.io.BufferedReader slowReader(java.net.Socket socket) throws java.io.IOException {
    socket.setReceiveBufferSize(4096);
    socket.connect(new java.net.InetSocketAddress("localhost", server.server.port()));
    socket.getOutputStream().write(("GET /api/live?access_token=" + token(admin) + " HTTP/1.1\r\n"
        + "Host: localhost\r\nAccept: text/event-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
    java.io.InputStream raw = new java.io.BufferedInputStream(socket.getInputStream(), 8192);
    for (String header = line(raw); header != null && !header.isEmpty(); header = line(raw)) {
      // the response's headers; the body is chunked
    }
    java.io.InputStream body = new java.io.InputStream() {
      private long left;

      @Override
      public int read() throws java.io.IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (left == 0) {
          String size = line(raw);
          if (size != null && size.isEmpty()) {
            size = line(raw); // the end of the chunk before
          }
          left = size == null ? 0 : Long.parseLong(size.trim(), 16);
          if (left == 0) {
            return -1; // the last chunk, or the server closed the connection
          }
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
        int n = raw.read(b, off, (int) Math.min(Math.min(len, 8192), left));
        if (n > 0) {
          left -= n;
        }
        return n;
      }
    };
    return new java.io.BufferedReader(new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** One CRLF-ended line of the raw HTTP stream, without its end; null at the end of the stream. */
  private static String line(java.io.InputStream in) throws java.io.IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return c < 0 && sb.length() == 0 ? null : sb.toString();
  }

  private static List<Integer> incidentOrder(List<SseClient.Message> messages, String burst) {
    return messages.stream().filter(m -> "incident.changed".equals(m.event()) && m.data().contains(burst))
        .map(m -> m.json().getInteger("n")).toList();
  }

  @Test
  void aRealRedWarningArrivesAsAnAlertAndInTheUnitsFigures() throws Exception {
    long unit = unitId("ZZ-HJ-LZ");
    try (SseClient live = SseClient.open(server.anonymous.base(), token(admin), null)) {
      assertEquals("snapshot", live.next(Duration.ofSeconds(10)).event());
      Resp cp = admin.post("/api/admin/checkpoints", new JsonObject().put("code", "T-LIVE-WL").put("kind", "waterlogging")
          .put("nameZh", "实时积水点").put("nameEn", "Live waterlogging point").put("unitId", unit)
          .put("lat", 34.82).put("lon", 113.62)
          .put("waterlogging", new JsonObject().put("pointKind", "road"))
          .put("services", new io.vertx.core.json.JsonArray()));
      assertEquals(201, cp.status(), cp.toString());
      long checkpointId = cp.json().getLong("id");
      double[] depths = {5, 10, 15, 25, 40};
      java.time.Instant now = java.time.Instant.now();
      for (int i = 0; i < depths.length; i++) {
        Resp r = admin.post("/api/checkpoints/" + checkpointId + "/readings", new JsonObject().put("value", depths[i])
            .put("measuredAt", now.minus(Duration.ofMinutes(10 - i)).toString()));
        assertEquals(201, r.status(), r.toString());
      }
      SseClient.Message alert = live.await(m -> "alert".equals(m.event())
          && m.json().getLong("checkpointId") == checkpointId, Duration.ofSeconds(5));
      assertNotNull(alert, SseClient.brief(live.seen()));
      assertTrue(alert.json().getString("type").startsWith("alert."));
      SseClient.Message red = live.await(m -> "readiness".equals(m.event()) && m.json().getLong("unitId") == unit
          && m.json().getJsonObject("metrics").getJsonObject("alertsByLevel").getJsonObject("value")
              .getInteger("red") >= 1, Duration.ofSeconds(5));
      assertNotNull(red, SseClient.brief(live.seen()));
    }
    assertTrue(admin.get("/api/readiness/verify").json().getBoolean("consistent"));
  }

  @Test
  void badRequestsGetTheErrorModel() {
    Resp badId = server.anonymous.get("/api/live?access_token=" + token(admin) + "&lastEventId=abc");
    assertEquals(400, badId.status(), badId.toString());
    assertEquals(401, server.anonymous.get("/api/live").status());
    assertEquals(404, admin.get("/api/readiness/units/999999").status());
    assertEquals(403, server.as("duty").get("/api/readiness/verify").status());
    assertEquals(403, server.as("viewer").get("/api/cluster").status());
  }

  static Set<Long> ids(List<SseClient.Message> messages, long after) {
    return messages.stream().filter(m -> !"snapshot".equals(m.event())).map(SseClient.Message::id)
        .filter(id -> id > after).collect(Collectors.toSet());
  }
}
