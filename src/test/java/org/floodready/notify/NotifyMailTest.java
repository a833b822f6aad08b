package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.floodready.support.Api;
import org.floodready.support.Eventually;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeArgs;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A red reading raises an alert; a real SMTP server receives the mails to the checkpoint's inspector, the
 * officer on duty, the unit's responsible person and the leader on call. Nobody acknowledges: the call-down
 * (shortened to 9 s a step) mails the leader on call, then the district head; acknowledging stops it.
 */
@FloodReadyTest
class NotifyMailTest {
  static final double STEP_MINUTES = 0.15;
  static SmtpSink smtp;
  static TestServer server;
  static Api admin;
  static Api duty;

  @NodeArgs
  static String[] nodeArgs() throws Exception {
    smtp = new SmtpSink();
    return new String[] {"--notify-smtp-host", "127.0.0.1", "--notify-smtp-port",
        Integer.toString(smtp.port()), "--notify-smtp-starttls", "disabled", "--notify-interval-ms", "300",
        "--notify-calldown-minutes", "red=" + STEP_MINUTES, "--notify-public-url", "http://board.example"};
  }

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
    duty = server.as("duty");
  }

  @AfterAll
  static void stop() throws Exception {
    smtp.close();
  }

  static long userId(String username) {
    return userIdAs(admin, username);
  }

  static long userIdAs(Api admin, String username) {
    return admin.get("/api/admin/users?q=" + username).json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(u -> username.equals(u.getString("username"))).findFirst().orElseThrow()
        .getLong("id");
  }

  static long unitId(String code) {
    return DutyApiTest.unit(admin, code);
  }

  static void email(String username) {
    Resp r = admin.put("/api/duty/contacts/" + userId(username), new JsonObject().put("email", username + "@flood.test")
        .put("preferredChannel", "email"));
    assertEquals(200, r.status(), r.toString());
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Eventually.waitFor(timeout, "timed out waiting for " + what, condition);
  }

  /** Today's 24-hour shift of the Jinshui district duty room (the culvert's district). */
  static void dayShift(Api admin, String officer, String leader) {
    String today = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
    Resp shift = admin.post("/api/duty/shifts", new JsonObject().put("unitId", DutyApiTest.unit(admin, "ZZ-JK"))
        .put("date", today).put("start", "00:00").put("end", "00:00")
        .put("officerIds", new JsonArray().add(userIdAs(admin, officer)))
        .put("leaderUserId", userIdAs(admin, leader)), UUID.randomUUID().toString());
    assertEquals(201, shift.status(), shift.toString());
  }

  /** The inspector's two deep readings at the airport-road culvert raise a red alert; answers its id. */
  static long redAlertAtTheCulvert(TestServer server, Api admin) {
    Api inspector = server.as("inspector");
    long culvert = inspector.get("/api/checkpoints?q=WL-HHL").json().getJsonArray("items").getJsonObject(0)
        .getLong("id");
    OffsetDateTime now = OffsetDateTime.now();
    for (int i = 0; i < 2; i++) {
      Resp r = inspector.post("/api/checkpoints/" + culvert + "/readings", new JsonObject().put("value", 45 + i)
          .put("measuredAt", now.minusSeconds(2 - i).toString()));
      assertTrue(r.status() == 201 || r.status() == 200, r.toString());
    }
    JsonObject alert = admin.get("/api/alerts?checkpointId=" + culvert).json().getJsonArray("items").getJsonObject(0);
    assertEquals("red", alert.getString("level"));
    return alert.getLong("id");
  }

  static List<SmtpSink.Mail> mailsAbout(long alertId, String subjectPart) {
    return smtp.mails.stream().filter(m -> m.text().contains("alert-" + alertId + "\r\n")
        || m.text().endsWith("alert-" + alertId) || m.text().contains("alert-" + alertId + "\n"))
        .filter(m -> m.subject().contains(subjectPart)).toList();
  }

  static Set<String> recipients(List<SmtpSink.Mail> mails) {
    return mails.stream().flatMap(m -> m.to().stream()).collect(Collectors.toSet());
  }

  @Test
  void redReadingMailsTheRightPeopleAndTheCallDownClimbsUntilAcknowledged() throws Exception {
    for (String u : List.of("inspector", "duty", "admin", "keeper_b", "chief", "keeper")) {
      email(u);
    }
    long culvertUnit = unitId("ZZ-JK-MH-HH");
    assertEquals(200, admin.put("/api/duty/units/" + culvertUnit + "/responsibles", new JsonObject()
        .put("userIds", new JsonArray().add(userId("keeper_b")))).status());
    assertEquals(200, admin.put("/api/duty/units/" + unitId("ZZ-JK") + "/responsibles", new JsonObject()
        .put("userIds", new JsonArray().add(userId("chief"))).put("headUserIds", new JsonArray().add(userId("chief"))))
        .status());
    dayShift(admin, "duty", "admin");
    Api inspector = server.as("inspector");
    long alertId = redAlertAtTheCulvert(server, admin);

    Set<String> raisedTo = Set.of("inspector@flood.test", "duty@flood.test", "keeper_b@flood.test", "admin@flood.test");
    await("the raise mails", Duration.ofSeconds(30), () -> recipients(mailsAbout(alertId, "防汛预警")).containsAll(raisedTo));
    List<SmtpSink.Mail> raised = mailsAbout(alertId, "防汛预警");
    assertEquals(raisedTo, recipients(raised), "chief (district head) and keeper are not told at once");
    assertEquals(4, raised.size(), "one mail each");
    SmtpSink.Mail first = raised.get(0);
    assertTrue(first.subject().contains("红色预警") && first.subject().contains("航海路机场高速北涵洞"), first.subject());
    assertTrue(first.text().contains("http://board.example/?ack="), first.text());

    await("call-down step 1 to the leader on call", Duration.ofSeconds(60),
        () -> !mailsAbout(alertId, "逐级呼叫").isEmpty());
    assertEquals(Set.of("admin@flood.test"), recipients(mailsAbout(alertId, "逐级呼叫")));
    await("call-down step 2 to the district head", Duration.ofSeconds(60),
        () -> recipients(mailsAbout(alertId, "逐级呼叫")).contains("chief@flood.test"));
    assertTrue(mailsAbout(alertId, "逐级呼叫").stream().anyMatch(m -> m.text().contains("第 2 级呼叫")));

    // the inspector acknowledges from the link in his own message
    SmtpSink.Mail inspectorsMail = raised.stream().filter(m -> m.to().contains("inspector@flood.test")).findFirst()
        .orElseThrow();
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("ack=([A-Za-z0-9._-]+)#alert-" + alertId + "\\b")
        .matcher(inspectorsMail.text());
    assertTrue(link.find(), inspectorsMail.text());
    JsonObject byLink = new JsonObject().put("token", link.group(1)).put("comment", "已到现场，正在排水");
    assertEquals(403, server.as("keeper").post("/api/notifications/acknowledge", byLink).status(), "not his link");
    assertEquals(400, inspector.post("/api/notifications/acknowledge", byLink.copy().put("token", "1.2.3.forged"))
        .status());
    assertEquals(400, inspector.post("/api/notifications/acknowledge", new JsonObject().put("token", link.group(1)))
        .status(), "comment required");
    Resp ack = inspector.post("/api/notifications/acknowledge", byLink);
    assertEquals(200, ack.status(), ack.toString());
    assertEquals("acknowledged", ack.json().getString("status"));
    assertEquals(409, inspector.post("/api/notifications/acknowledge", byLink).status(), "once");
    OffsetDateTime acknowledged = OffsetDateTime.now();
    // two more steps' worth of time: no call-down row is made after the acknowledgement
    Thread.sleep((long) (STEP_MINUTES * 60_000 * 2) + 1_000);
    JsonArray calls = duty.get("/api/notifications?entityType=alert&entityId=" + alertId + "&rule=alert.calldown&size=100")
        .json().getJsonArray("items");
    assertFalse(calls.isEmpty());
    for (Object o : calls) {
      JsonObject n = (JsonObject) o;
      assertTrue(OffsetDateTime.parse(n.getString("createdAt")).isBefore(acknowledged.plusSeconds(1)), n.encode());
      assertTrue(Set.of("sent", "cancelled").contains(n.getString("state")), n.encode());
    }
    int mailsAtAck = mailsAbout(alertId, "逐级呼叫").size();
    assertEquals(calls.stream().filter(o -> "sent".equals(((JsonObject) o).getString("state"))).count(), mailsAtAck,
        "every sent call-down row is one mail, none more");

    // the delivery log: filters, paging and CSV
    JsonObject log = duty.get("/api/notifications?channel=email&state=sent&size=2&entityType=alert&entityId=" + alertId)
        .json();
    assertEquals(2, log.getJsonArray("items").size());
    assertTrue(log.getInteger("total") >= 6, log.encode());
    Resp csv = duty.get("/api/notifications?format=csv&entityType=alert&entityId=" + alertId);
    assertEquals(200, csv.status());
    assertTrue(csv.body().contains("inspector@flood.test") && csv.body().contains("接收人"), csv.body());
    assertEquals(403, server.as("keeper").get("/api/notifications").status());
    assertEquals(400, duty.get("/api/notifications?state=lost").status());
  }
}
