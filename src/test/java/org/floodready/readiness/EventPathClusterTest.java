package org.floodready.readiness;

import org.floodready.support.SseClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeProcess;
import org.floodready.support.On;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The event path across two real members on one PostgreSQL: node A in this JVM, node B in its own JVM with
 * the kill hook {@code -Dfloodready.haltAfterCommit=stock.changed} (B halts right after a stock write of its
 * own commits, before answering). A write's event is in the log with the write, so it reaches the other
 * node's stream once and in order, even from a node that died before it could answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(nodes = 2, separateJvm = true, jvmOptions = "-Dfloodready.haltAfterCommit=stock.changed")
class EventPathClusterTest {
  static TestServer a;
  static NodeProcess b;
  static Api adminA;
  static Api adminB;

  @BeforeAll
  static void cluster(TestServer nodeA, @On("b") NodeProcess nodeB, @As("admin") Api admin,
      @On("b") @As("admin") Api admin2) {
    a = nodeA;
    b = nodeB;
    adminA = admin;
    adminB = admin2;
  }

  @Test
  @Order(1)
  void writesOnOneNodeReachTheStreamOnTheOtherOnceAndInOrder() throws Exception {
    StockFixture stock = StockFixture.plenty(a.server.app(), adminA, 10);
    try (SseClient live = SseClient.open(adminB.base(), adminB.token(), null)) {
      assertEquals("snapshot", live.next(Duration.ofSeconds(10)).event());
      List<Long> movements = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        movements.add(stock.issueOne(adminA));
      }
      long last = movements.get(movements.size() - 1);
      assertNotNull(live.await(m -> isMovement(m, last), Duration.ofSeconds(15)),
          "node B's stream did not carry the last movement: " + SseClient.brief(live.seen()));
      live.drain(Duration.ofSeconds(1)); // a duplicate would come in this window
      List<SseClient.Message> ours = live.seen().stream().filter(m -> "stock.changed".equals(m.event())
          && m.json().getLong("lotId", -1L) == stock.lotId()).toList();
      assertEquals(movements, ours.stream().map(m -> m.json().getLong("movementId")).toList(),
          "each movement once, in the order written");
      ours.forEach(m -> assertEquals("node-a", m.json().getString("node")));
      long previous = -1;
      for (SseClient.Message m : live.seen()) {
        assertTrue(m.id() > previous, "ids increase: " + SseClient.brief(live.seen()));
        previous = m.id();
      }
    }
  }

  @Test
  @Order(2)
  void aNodeKilledBetweenCommitAndAnswerLosesNoEvent() throws Exception {
    StockFixture stock = StockFixture.plenty(a.server.app(), adminA, 2);
    String note = "kill-" + UUID.randomUUID();
    try (SseClient live = SseClient.open(adminA.base(), adminA.token(), null)) {
      assertEquals("snapshot", live.next(Duration.ofSeconds(10)).event());
      try {
        Resp answered = adminB.post("/api/lots/" + stock.lotId() + "/issues", new JsonObject().put("quantity", 1)
            .put("recipientType", "incident").put("recipient", "kill test").put("note", note),
            UUID.randomUUID().toString());
        fail("node B answered although it halts after the commit: " + answered);
      } catch (IllegalStateException connectionLost) {
        // the node died before it could answer
      }
      assertTrue(b.awaitExit(Duration.ofSeconds(30)), "node B did not halt: " + b.tail());
      long movementId = committedMovement(note);
      SseClient.Message delivered = live.await(m -> isMovement(m, movementId), Duration.ofSeconds(20));
      assertNotNull(delivered, "the event of the committed movement never reached node A's stream: "
          + SseClient.brief(live.seen()));
      assertEquals("node-b", delivered.json().getString("node"));
      assertEquals(stock.lotId(), delivered.json().getLong("lotId"));
    }
  }

  private static boolean isMovement(SseClient.Message m, long movementId) {
    return "stock.changed".equals(m.event()) && m.json().getLong("movementId", -1L) == movementId;
  }

  /** The movement the killed node committed (found by its note straight in PostgreSQL). */
  private static long committedMovement(String note) throws Exception {
    var url = a.server.pgUrl();
    try (java.sql.Connection conn = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         java.sql.PreparedStatement st = conn.prepareStatement("SELECT id FROM stock_movements WHERE note = ?")) {
      st.setString(1, note);
      try (java.sql.ResultSet rs = st.executeQuery()) {
        assertTrue(rs.next(), "the write was not committed before the node died");
        return rs.getLong(1);
      }
    }
  }
}
