package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeArgs;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The notification rules live in PostgreSQL and an admin changes them through the API: the seeded rules
 * are the former fixed ones, bad input is refused field by field, a stale version gets 409, a change is
 * audited and replayed for its Idempotency-Key. Then the red call-down minutes are shortened through the
 * API (no call-down flag on this node) and an unacknowledged red alert mails the leader on call after the
 * new time, over a real SMTP server; the inspector, taken out of the red rule, is not mailed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest
class NotifyRulesTest {
  static final double RED_MINUTES = 0.1;
  static SmtpSink smtp;
  static TestServer server;
  static Api admin;

  @NodeArgs
  static String[] nodeArgs() throws Exception {
    smtp = new SmtpSink();
    return new String[] {"--notify-smtp-host", "127.0.0.1", "--notify-smtp-port",
        Integer.toString(smtp.port()), "--notify-smtp-starttls", "disabled", "--notify-interval-ms", "300",
        "--notify-public-url", "http://board.example"};
  }

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
  }

  @AfterAll
  static void stop() throws Exception {
    smtp.close();
  }

  static Resp putRules(Api as, JsonObject body, String key) {
    return as.put("/api/admin/notify-rules", body, key);
  }

  static JsonObject rule(JsonObject rules, String rule, String level) {
    return rules.getJsonArray("rules").stream().map(JsonObject.class::cast)
        .filter(r -> rule.equals(r.getString("rule")) && java.util.Objects.equals(level, r.getString("level")))
        .findFirst().orElseThrow();
  }

  static JsonObject callDown(JsonObject rules, String level) {
    return rules.getJsonArray("callDown").stream().map(JsonObject.class::cast)
        .filter(c -> level.equals(c.getString("level"))).findFirst().orElseThrow();
  }

  static JsonObject editable(JsonObject rules) {
    JsonObject copy = rules.copy();
    copy.remove("allowed");
    copy.remove("stepKinds");
    return copy;
  }

  @Test
  @Order(1)
  void theSeededRulesAreTheFormerBehaviourAndBadChangesAreRefused() {
    JsonObject rules = admin.get("/api/admin/notify-rules").json();
    assertEquals(List.of("inspectors", "duty_officers", "responsibles", "leader_on_call"),
        rule(rules, "alert.raised", "red").getJsonArray("recipients").getList());
    assertEquals(List.of("inspectors", "duty_officers", "responsibles"),
        rule(rules, "alert.raised", "orange").getJsonArray("recipients").getList());
    assertEquals(List.of("responsibles", "duty_officers"),
        rule(rules, "hazard.escalated", null).getJsonArray("recipients").getList());
    assertEquals(List.of("keepers"), rule(rules, "transfer.dispatched", null).getJsonArray("recipients").getList());
    assertEquals(10.0, callDown(rules, "red").getDouble("minutes"));
    assertEquals(60.0, callDown(rules, "blue").getDouble("minutes"));
    assertEquals(List.of("leader_on_call", "heads"), callDown(rules, "red").getJsonArray("steps").getList());
    assertEquals(200, server.as("duty").get("/api/admin/notify-rules").status(), "the duty room may read them");
    assertEquals(403, server.as("keeper").get("/api/admin/notify-rules").status());

    JsonObject body = editable(rules);
    assertEquals(403, putRules(server.as("duty"), body, UUID.randomUUID().toString()).status(), "admins only");
    assertEquals(400, putRules(admin, body, null).status(), "an Idempotency-Key is required");

    JsonObject bad = body.copy();
    callDown(bad, "red").put("minutes", 0);
    callDown(bad, "orange").put("steps", new JsonArray().add("mayor"));
    bad.getJsonArray("rules").add(new JsonObject().put("rule", "weather.changed").put("recipients", new JsonArray()));
    Resp refused = putRules(admin, bad, UUID.randomUUID().toString());
    assertEquals(400, refused.status(), refused.toString());
    JsonObject fields = refused.json().getJsonObject("fields");
    assertTrue(fields.containsKey("callDown[0].minutes"), fields.encode());
    assertTrue(fields.containsKey("callDown[1].steps[0]"), fields.encode());
    assertTrue(fields.containsKey("rules[9].rule"), fields.encode());
    // which people a rule may name depends on the rule: the code's check, after the contract's
    JsonObject wrongPeople = body.copy();
    wrongPeople.getJsonArray("rules").getJsonObject(0).put("recipients", new JsonArray().add("keepers"));
    Resp refusedPeople = putRules(admin, wrongPeople, UUID.randomUUID().toString());
    assertEquals(400, refusedPeople.status(), refusedPeople.toString());
    assertTrue(refusedPeople.json().getJsonObject("fields").containsKey("rules[0].recipients[0]"),
        refusedPeople.toString());

    JsonObject missing = body.copy();
    missing.getJsonArray("callDown").remove(3);
    Resp incomplete = putRules(admin, missing, UUID.randomUUID().toString());
    assertEquals(400, incomplete.status());
    assertTrue(incomplete.json().getJsonObject("fields").getString("callDown").contains("blue"), incomplete.toString());
    assertEquals(rules.getLong("version"), admin.get("/api/admin/notify-rules").json().getLong("version"),
        "nothing written by refused changes");
  }

  @Test
  @Order(2)
  void redCallDownMinutesChangedThroughTheApiDriveTheCallDown() throws Exception {
    for (String u : List.of("inspector", "duty", "admin", "chief")) {
      Resp r = admin.put("/api/duty/contacts/" + NotifyMailTest.userIdAs(admin, u),
          new JsonObject().put("email", u + "@rules.test").put("preferredChannel", "email"));
      assertEquals(200, r.status(), r.toString());
    }
    NotifyMailTest.dayShift(admin, "duty", "admin");

    JsonObject rules = admin.get("/api/admin/notify-rules").json();
    JsonObject change = editable(rules);
    callDown(change, "red").put("minutes", RED_MINUTES);
    rule(change, "alert.raised", "red").put("recipients", new JsonArray().add("duty_officers").add("leader_on_call"));
    String key = UUID.randomUUID().toString();
    Resp saved = putRules(admin, change, key);
    assertEquals(200, saved.status(), saved.toString());
    assertEquals(rules.getLong("version") + 1, saved.json().getLong("version"));
    assertEquals(RED_MINUTES, callDown(saved.json(), "red").getDouble("minutes"));
    Resp replay = putRules(admin, change, key);
    assertEquals(200, replay.status());
    assertEquals(saved.json().getLong("version"), replay.json().getLong("version"), "the same key: the first answer");
    Resp stale = putRules(admin, change, UUID.randomUUID().toString());
    assertEquals(409, stale.status(), "version " + rules.getLong("version") + " is no longer current");
    JsonObject audit = admin.get("/api/audit?action=notify.rules.update").json().getJsonArray("items").getJsonObject(0);
    assertEquals("admin", audit.getString("actorName"), audit.encode());
    assertTrue(audit.encode().contains("\"minutes\":0.1"), audit.encode());

    long alertId = NotifyMailTest.redAlertAtTheCulvert(server, admin);
    JsonObject alert = admin.get("/api/alerts/" + alertId).json();
    OffsetDateTime raisedAt = OffsetDateTime.parse(alert.getString("levelRaisedAt"));

    NotifyMailTest.await("the call-down mail to the leader on call", Duration.ofSeconds(60),
        () -> !mails(alertId, "逐级呼叫").isEmpty());
    assertEquals(Set.of("admin@rules.test"), to(mails(alertId, "逐级呼叫")));
    JsonObject call = admin.get("/api/notifications?rule=alert.calldown&entityType=alert&entityId=" + alertId).json()
        .getJsonArray("items").getJsonObject(0);
    Duration waited = Duration.between(raisedAt, OffsetDateTime.parse(call.getString("createdAt")));
    assertTrue(waited.toMillis() >= (long) (RED_MINUTES * 60_000) - 500, "not before the new minutes: " + waited);
    assertTrue(waited.toMillis() < 60_000, "long before the former 10 minutes: " + waited);

    assertEquals(Set.of("duty@rules.test", "admin@rules.test"), to(mails(alertId, "防汛预警")),
        "the red rule as changed: the officer and the leader, not the inspector");
    assertFalse(to(smtp.mails).contains("inspector@rules.test"));
  }

  static List<SmtpSink.Mail> mails(long alertId, String subjectPart) {
    return smtp.mails.stream().filter(m -> m.text().contains("alert-" + alertId))
        .filter(m -> m.subject().contains(subjectPart)).toList();
  }

  static Set<String> to(List<SmtpSink.Mail> mails) {
    return mails.stream().flatMap(m -> m.to().stream()).collect(Collectors.toSet());
  }
}
