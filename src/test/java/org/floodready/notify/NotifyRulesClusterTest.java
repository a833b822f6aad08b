package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeArgs;
import org.floodready.support.On;
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
@FloodReadyTest(nodes = 2, args = {"--notify-smtp-starttls", "disabled", "--notify-rules-ttl-seconds", "3600",
    "--notify-interval-ms", "3600000"}, othersArgs = {"--notify-interval-ms", "300"})
class NotifyRulesClusterTest {
  static SmtpSink smtp;
  static TestServer a;
  static TestServer b;
  static Api adminA;

  @NodeArgs
  static String[] mailServer() throws Exception {
    smtp = new SmtpSink();
    return new String[] {"--notify-smtp-host", "127.0.0.1", "--notify-smtp-port", Integer.toString(smtp.port())};
  }

  @BeforeAll
  static void cluster(TestServer nodeA, @On("b") TestServer nodeB) {
    a = nodeA;
    b = nodeB;
    adminA = a.as("admin");
  }

  @AfterAll
  static void stop() throws Exception {
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
