package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.floodready.db.PgUrl;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeArgs;
import org.floodready.support.On;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database (each its own Hazelcast cluster: only PostgreSQL coordinates them) claim and send
 * the same outbox every 100 ms: each notification reaches the gateway exactly once. A row claimed by a node
 * that died is taken over once its lease has run out.
 */
@FloodReadyTest(nodes = 2, oneCluster = false, args = {"--notify-interval-ms", "100",
    "--notify-sms-body", "{\"to\":\"{phone}\",\"text\":\"{message}\"}"})
class NotifyClusterTest {
  static final int ROWS = 120;
  static HttpSink gateway;
  static TestServer a;
  static TestServer b;
  static PgUrl db;

  @NodeArgs
  static String[] smsGateway() throws Exception {
    gateway = new HttpSink();
    gateway.answer("/sms", r -> new HttpSink.Answer(200, "{\"ok\":true}"));
    return new String[] {"--notify-sms-url", gateway.url("/sms")};
  }

  @BeforeAll
  static void nodes(TestServer nodeA, @On("b") TestServer nodeB) {
    a = nodeA;
    b = nodeB;
    db = a.server.pgUrl();
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
  }

  static Connection jdbc() throws Exception {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  @Test
  void twoNodesSendingTheSameOutboxSendEachNotificationOnce() throws Exception {
    try (Connection c = jdbc(); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO notifications (recipient_name, address, channel, rule, subject, message,"
          + " dedup_key, state, next_attempt_at, created_at) SELECT 'keeper', '13800000001', 'sms', 'test', '测试',"
          + " 'cluster-msg-' || i, 'cluster:' || i, 'pending', now(), now() FROM generate_series(1, " + ROWS + ") i");
    }
    NotifyMailTest.await("every row sent", Duration.ofSeconds(90), () -> count("state = 'sent' AND rule = 'test'") == ROWS);
    Thread.sleep(1_000);
    Map<String, Integer> received = new HashMap<>();
    for (HttpSink.Request r : gateway.to("/sms")) {
      String text = new JsonObject(r.body()).getString("text");
      if (text.startsWith("cluster-msg-")) {
        received.merge(text, 1, Integer::sum);
      }
    }
    assertEquals(ROWS, received.size(), "every notification reached the gateway");
    received.forEach((text, times) -> assertEquals(1, times, text + " sent " + times + " times"));
    int byA = count("rule = 'test' AND claimed_by = 'node-a'");
    int byB = count("rule = 'test' AND claimed_by = 'node-b'");
    assertEquals(ROWS, byA + byB);
    assertTrue(byA > 0 && byB > 0, "both nodes took part: node-a " + byA + ", node-b " + byB);
    assertEquals(ROWS, count("rule = 'test' AND attempts = 1"), "no row was claimed twice");
  }

  @Test
  void aClaimOfADeadNodeIsTakenOverAfterItsLease() throws Exception {
    try (Connection c = jdbc(); Statement st = c.createStatement()) {
      st.executeUpdate("INSERT INTO notifications (recipient_name, address, channel, rule, subject, message,"
          + " dedup_key, state, attempts, claimed_by, claimed_until, next_attempt_at, created_at) VALUES"
          + " ('keeper', '13800000001', 'sms', 'lease', '测试', 'orphan-held', 'lease:1', 'sending', 1, 'dead-node',"
          + " now() + interval '3 seconds', now(), now())");
    }
    Thread.sleep(1_500);
    assertEquals(0, gateway.to("/sms").stream().filter(r -> r.body().contains("orphan-held")).count(),
        "not taken while the dead node's lease holds");
    NotifyMailTest.await("the orphan sent", Duration.ofSeconds(30), () -> count("rule = 'lease' AND state = 'sent'") == 1);
    assertEquals(1, gateway.to("/sms").stream().filter(r -> r.body().contains("orphan-held")).count());
    assertEquals(1, count("rule = 'lease' AND attempts = 2 AND claimed_by IN ('node-a', 'node-b')"));
  }

  @Test
  void eventsOnBothNodesBecomeNotificationsOnceEach() throws Exception {
    Api adminA = a.as("admin");
    Api dutyB = b.as("duty");
    io.vertx.core.json.JsonArray people = new io.vertx.core.json.JsonArray();
    for (String u : new String[] {"chief2", "chief3"}) {
      long id = NotifyMailTest.userIdAs(adminA, u);
      people.add(id);
      assertEquals(200, adminA.put("/api/duty/contacts/" + id, new JsonObject().put("phone", "1370000000" + id)
          .put("preferredChannel", "sms")).status());
    }
    long unit = DutyApiTest.unit(adminA, "ZZ-GC-NC");
    assertEquals(200, adminA.put("/api/duty/units/" + unit + "/responsibles", new JsonObject().put("userIds", people))
        .status());
    // one level change through each node: each node's event reaches the log, and either node derives it
    assertEquals(200, a.as("duty").put("/api/settings/response-level", new JsonObject().put("level", "III")).status());
    assertEquals(200, dutyB.put("/api/settings/response-level", new JsonObject().put("level", "IV")).status());
    NotifyMailTest.await("both changes told to both people", Duration.ofSeconds(60),
        () -> count("rule = 'response_level.changed' AND state = 'sent'") == 4);
    Thread.sleep(1_500);
    assertEquals(4, count("rule = 'response_level.changed'"), "one row per event and person, no more");
    Map<String, Integer> received = new HashMap<>();
    for (HttpSink.Request r : gateway.to("/sms")) {
      String text = new JsonObject(r.body()).getString("text");
      if (text.contains("应急响应")) {
        received.merge(new JsonObject(r.body()).getString("to") + " " + text, 1, Integer::sum);
      }
    }
    assertEquals(4, received.size(), received.toString());
    received.forEach((text, times) -> assertEquals(1, times, text));
  }

  static int count(String where) {
    try (Connection c = jdbc(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT count(*) FROM notifications WHERE " + where)) {
      rs.next();
      return rs.getInt(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
