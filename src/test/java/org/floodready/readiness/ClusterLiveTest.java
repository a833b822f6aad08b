package org.floodready.readiness;

import org.floodready.support.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeProcess;
import org.floodready.support.On;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.floodready.support.Users;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real Hazelcast members on loopback: node A in this JVM (it also holds the test database),
 * nodes B and C each in their own JVM, all on one PostgreSQL database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(nodes = 3, separateJvm = true)
class ClusterLiveTest {
  static TestServer a;
  static NodeProcess c;
  static Users usersB;
  static Api adminA;
  static Api adminB;
  static Api adminC;

  @BeforeAll
  static void cluster(TestServer nodeA, @On("c") NodeProcess nodeC, @On("b") Users onB, @As("admin") Api admin,
      @On("b") @As("admin") Api admin2, @On("c") @As("admin") Api admin3) throws Exception {
    a = nodeA;
    c = nodeC;
    usersB = onB;
    adminA = admin;
    adminB = admin2;
    adminC = admin3;
    awaitConsistent(adminA);
  }

  @Test
  @Order(1)
  void aStockMovementOnNodeAShowsOnNodeBAndAsAnSseEventOnNodeC() throws Exception {
    StockFixture stock = StockFixture.find(a.server.app(), adminA, Set.of());
    long versionBefore = adminB.get("/api/readiness/units/" + stock.unitId()).json().getLong("version");
    try (SseClient live = SseClient.open(adminC.base(), adminC.token(), null)) {
      assertEquals(200, live.status());
      SseClient.Message snapshot = live.next(Duration.ofSeconds(10));
      assertNotNull(snapshot);
      assertEquals("snapshot", snapshot.event());

      long started = System.nanoTime();
      long movementId = stock.issueOne(adminA);
      boolean onB = false;
      while (!onB && System.nanoTime() - started < Duration.ofSeconds(2).toNanos()) {
        onB = adminB.get("/api/readiness/units/" + stock.unitId()).json().getLong("version") > versionBefore;
        if (!onB) {
          Thread.sleep(50);
        }
      }
      assertTrue(onB, "node B's snapshot did not show the movement within 2 s");
      long left = Math.max(1, Duration.ofSeconds(2).toMillis() - (System.nanoTime() - started) / 1_000_000);
      SseClient.Message pushed = live.await(m -> "stock.changed".equals(m.event())
          && m.json().getLong("movementId") == movementId, Duration.ofMillis(left));
      assertNotNull(pushed, "node C's live stream did not carry the movement within 2 s: " + SseClient.brief(live.seen()));
      assertEquals("node-a", pushed.json().getString("node"));
      SseClient.Message readiness = live.await(m -> "readiness".equals(m.event())
          && m.json().getLong("unitId") == stock.unitId(), Duration.ofSeconds(2));
      assertNotNull(readiness, SseClient.brief(live.seen()));
      assertTrue(snapshot.id() < pushed.id() && pushed.id() < readiness.id());
    }
  }

  @Test
  @Order(2)
  void reconnectingToAnotherNodeWithLastEventIdMissesNothing() throws Exception {
    StockFixture stock = StockFixture.find(a.server.app(), adminA, Set.of());
    try (SseClient watcher = SseClient.open(adminB.base(), adminB.token(), null)) {
      assertEquals("snapshot", watcher.next(Duration.ofSeconds(10)).event());
      long lastSeen;
      try (SseClient dropped = SseClient.open(adminC.base(), adminC.token(), null)) {
        lastSeen = dropped.next(Duration.ofSeconds(10)).id();
      }
      for (int i = 0; i < 4; i++) {
        stock.issueOne(i % 2 == 0 ? adminB : adminC);
      }
      Set<Long> missed = ids(watcher.drain(Duration.ofSeconds(3)), lastSeen);
      assertTrue(missed.size() >= 5, "4 movements make 4 stock events and readiness changes: " + missed);
      try (SseClient back = SseClient.open(adminA.base(), adminA.token(), lastSeen)) {
        List<SseClient.Message> replayed = back.drain(Duration.ofSeconds(2));
        assertTrue(replayed.stream().noneMatch(m -> "snapshot".equals(m.event())), replayed.toString());
        long newestWatched = missed.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertEquals(missed, ids(replayed, lastSeen).stream().filter(id -> id <= newestWatched)
            .collect(Collectors.toSet()), "the replay holds exactly what the connected client saw");
      }
    }
  }

  @Test
  @Order(3)
  void aKeepersStreamOnAnotherNodeCarriesOnlyHisScope() throws Exception {
    Api keeper = usersB.as("keeper");
    long own = unitId(adminA, "ZZ-GC-SBLH");
    try (SseClient live = SseClient.open(keeper.base(), keeper.token(), null)) {
      SseClient.Message snapshot = live.next(Duration.ofSeconds(10));
      assertEquals("snapshot", snapshot.event());
      Set<Long> visible = snapshot.json().getJsonArray("units").stream()
          .map(u -> ((JsonObject) u).getLong("unitId")).collect(Collectors.toSet());
      assertTrue(visible.contains(own));
      StockFixture theirs = StockFixture.find(a.server.app(), adminA, keeperBases(false));
      StockFixture his = StockFixture.find(a.server.app(), adminA, keeperBases(true));
      assertTrue(!visible.contains(theirs.unitId()) && visible.contains(his.unitId()));
      theirs.issueOne(adminC);
      long movement = his.issueOne(keeper);
      SseClient.Message mine = live.await(m -> "stock.changed".equals(m.event())
          && m.json().getLong("movementId") == movement, Duration.ofSeconds(5));
      assertNotNull(mine, SseClient.brief(live.seen()));
      for (SseClient.Message m : live.drain(Duration.ofMillis(500))) {
        if (!"snapshot".equals(m.event())) {
          assertTrue(visible.contains(m.json().getLong("unitId")), "out of scope: " + m);
        }
      }
    }
  }

  @Test
  @Order(9)
  void losingAMemberDuringWritesLosesNoAcknowledgedWrite() throws Exception {
    StockFixture stock = StockFixture.plenty(a.server.app(), adminA, 2000);
    List<Long> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger refusedBySurvivors = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger refusedByVictim = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Thread> writers = new ArrayList<>();
    for (Api[] targets : List.of(new Api[] {adminA, adminB}, new Api[] {adminC})) {
      boolean victim = targets[0] == adminC;
      Thread t = new Thread(() -> {
        for (int i = 0; writing.get(); i++) {
          try {
            acknowledged.add(stock.issueOne(targets[i % targets.length]));
          } catch (IllegalStateException notAcknowledged) {
            (victim ? refusedByVictim : refusedBySurvivors).incrementAndGet();
          }
          try {
            Thread.sleep(victim ? 100 : 25);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      t.start();
      writers.add(t);
    }
    Thread.sleep(1500);
    int beforeKill = acknowledged.size();
    c.kill();
    Thread.sleep(2500);
    writing.set(false);
    for (Thread t : writers) {
      t.join(30_000);
    }
    assertTrue(beforeKill >= 2, "writes were flowing before the kill: " + beforeKill);
    assertTrue(acknowledged.size() > beforeKill + 5, "the survivors kept taking writes");
    assertEquals(0, refusedBySurvivors.get(), "no write to a surviving node failed");
    assertTrue(refusedByVictim.get() >= 1, "writes to the killed node are refused, not acknowledged");
    assertEquals(acknowledged.size(), countMovements(acknowledged), "every acknowledged movement is in PostgreSQL");

    awaitMembers(adminA, 2);
    awaitMembers(adminB, 2);
    assertEquals(200, adminB.get("/api/readiness").status());
    stock.issueOne(adminB);
    JsonObject verifyA = awaitConsistent(adminA);
    JsonObject verifyB = awaitConsistent(adminB);
    assertEquals(verifyA.getInteger("units"), verifyA.getInteger("snapshotUnits"));
    assertTrue(verifyB.getLong("version") >= verifyA.getLong("version"));
    JsonObject cluster = adminB.get("/api/cluster").json();
    assertTrue(cluster.getJsonObject("quorum").getBoolean("present"), cluster.encode());
    JsonObject oldest = adminA.get("/api/cluster").json();
    assertEquals("member lost", oldest.getJsonObject("snapshot").getString("lastRebuildReason"), oldest.encode());
  }

  /** Counts the given movements straight in PostgreSQL. */
  private static int countMovements(List<Long> ids) throws Exception {
    return countMovements(a, ids);
  }

  static int countMovements(TestServer server, List<Long> ids) throws Exception {
    var url = server.server.pgUrl();
    try (java.sql.Connection conn = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         java.sql.PreparedStatement st = conn.prepareStatement("SELECT count(*) FROM stock_movements WHERE id = ANY (?)")) {
      st.setArray(1, conn.createArrayOf("bigint", ids.toArray()));
      try (java.sql.ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The bases the demo keeper keeps (or the others). */
  private static Set<Long> keeperBases(boolean his) {
    Set<Long> kept = usersB.as("keeper").get("/api/bases?size=500&mine=true").json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getLong("id")).collect(Collectors.toSet());
    if (his) {
      return kept;
    }
    return adminA.get("/api/bases?size=500").json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getLong("id")).filter(id -> !kept.contains(id)).collect(Collectors.toSet());
  }

  private static long unitId(Api http, String code) {
    return http.get("/api/units").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(u -> code.equals(u.getString("code"))).findFirst().orElseThrow().getLong("id");
  }

  static void awaitMembers(Api admin, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int members = 0;
    while (System.nanoTime() < deadline) {
      Resp r = admin.get("/api/cluster");
      members = r.status() == 200 ? r.json().getJsonArray("members").size() : -1;
      if (members == count) {
        return;
      }
      Thread.sleep(200);
    }
    assertEquals(count, members, "cluster members");
  }

  static JsonObject awaitConsistent(Api admin) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonObject last = null;
    while (System.nanoTime() < deadline) {
      Resp r = admin.get("/api/readiness/verify");
      if (r.status() == 200) {
        last = r.json();
        if (last.getBoolean("consistent")) {
          return last;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("snapshot never matched the recompute: " + last);
  }

  static Set<Long> ids(List<SseClient.Message> messages, long after) {
    return messages.stream().map(SseClient.Message::id).filter(id -> id > after).collect(Collectors.toSet());
  }
}
