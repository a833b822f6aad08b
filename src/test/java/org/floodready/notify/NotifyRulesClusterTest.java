package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two real members of one cluster on one database. Only node B sends notifications, and it keeps the rules
 * it read for an hour: a change made through node A reaches B by the {@code notify.rules.changed} event, so
 * B calls down a red alert after the new minutes (a real SMTP server gets the mail).
 */
class NotifyRulesClusterTest {
  static SmtpSink smtp;
  static TestServer a;
  static TestServer b;
  static Http adminA;

  @BeforeAll
  static void start() throws Exception {
    smtp = new SmtpSink();
    int hzA = TestServer.freePort();
    int hzB = TestServer.freePort();
    String[] common = {"--cluster-name", "fr-rules-" + UUID.randomUUID(), "--jwt-secret", "rules-" + UUID.randomUUID(),
        "--cluster-members", "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB, "--notify-smtp-host", "127.0.0.1",
        "--notify-smtp-port", Integer.toString(smtp.port()), "--notify-smtp-starttls", "disabled",
        "--notify-rules-ttl-seconds", "3600"};
    a = TestServer.start(Clock.systemUTC(), TestServer.concat(common, new String[] {"--cluster-port", "" + hzA,
        "--notify-interval-ms", "3600000"}));
    b = TestServer.start(TestServer.config(a.server.pgUrl(), TestServer.freePort(),
        Files.createTempDirectory("fr-rules-b"), TestServer.concat(common, new String[] {"--cluster-port", "" + hzB,
            "--notify-interval-ms", "300"})));
    adminA = a.as("admin");
    NotifyMailTest.await("one cluster of two", Duration.ofSeconds(60),
        () -> adminA.get("/api/cluster").json().getJsonArray("members").size() == 2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
    smtp.close();
  }

  @Test
  void aChangeMadeOnOneNodeDrivesTheCallDownOnTheOther() throws Exception {
    for (String u : List.of("duty", "admin")) {
      assertEquals(200, adminA.put("/api/duty/contacts/" + NotifyMailTest.userIdAs(adminA, u),
          new JsonObject().put("email", u + "@cluster.test").put("preferredChannel", "email")).status());
    }
    NotifyMailTest.dayShift(adminA, "duty", "admin");
    // node B has read the seeded rules (red: 10 minutes) and, with an hour's TTL, would keep them
    NotifyMailTest.await("node B reading the rules", Duration.ofSeconds(30),
        () -> b.as("admin").get("/api/notifications").status() == 200);
    Thread.sleep(1_500);

    JsonObject change = NotifyRulesTest.editable(adminA.get("/api/admin/notify-rules").json());
    NotifyRulesTest.callDown(change, "red").put("minutes", 0.05);
    Resp saved = NotifyRulesTest.putRules(adminA, change, UUID.randomUUID().toString());
    assertEquals(200, saved.status(), saved.toString());
    long alertId = NotifyMailTest.redAlertAtTheCulvert(a, adminA);
    OffsetDateTime raisedAt = OffsetDateTime.parse(adminA.get("/api/alerts/" + alertId).json()
        .getString("levelRaisedAt"));

    NotifyMailTest.await("node B's call-down mail", Duration.ofSeconds(60), () -> smtp.mails.stream()
        .anyMatch(m -> m.subject().contains("逐级呼叫") && m.to().contains("admin@cluster.test")));
    JsonObject call = adminA.get("/api/notifications?rule=alert.calldown&entityType=alert&entityId=" + alertId).json()
        .getJsonArray("items").getJsonObject(0);
    assertEquals(b.server.app().config().effectiveNodeName(), call.getString("claimedBy"), "sent by node B");
    Duration waited = Duration.between(raisedAt, OffsetDateTime.parse(call.getString("createdAt")));
    assertTrue(waited.toMillis() >= 2_500 && waited.toMillis() < 30_000, "after the new 3 s: " + waited);
  }
}
