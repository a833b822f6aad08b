package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeArgs;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A red alert concerns the checkpoint's inspector, the officer on duty and the leader on call, who all
 * prefer the district's DingTalk group: the group robot (a real local HTTP server) gets one signed
 * message mentioning the three mobiles, from one notification row naming the three people.
 */
@FloodReadyTest
class NotifyRobotGroupTest {
  static final String SECRET = "SEC" + "fedcba9876543210";
  static HttpSink sink;
  static TestServer server;
  static Api admin;

  @NodeArgs
  static String[] nodeArgs() throws Exception {
    sink = new HttpSink();
    return new String[] {"--notify-interval-ms", "300",
        "--notify-dingtalk-webhook", sink.url("/dingtalk?access_token=group1"), "--notify-dingtalk-secret", SECRET,
        "--notify-calldown-minutes", "red=600"};
  }

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
  }

  @AfterAll
  static void stop() throws Exception {
    sink.close();
  }

  @Test
  void threePeopleInOneDingTalkGroupGetOneSignedMessageMentioningAllThree() throws Exception {
    Map<String, String> mobiles = Map.of("inspector", "13700000001", "duty", "13700000002", "chief", "13700000003");
    for (var e : mobiles.entrySet()) {
      Resp r = admin.put("/api/duty/contacts/" + NotifyMailTest.userIdAs(admin, e.getKey()),
          new JsonObject().put("phone", e.getValue()).put("preferredChannel", "dingtalk"));
      assertEquals(200, r.status(), r.toString());
    }
    assertEquals(200, admin.put("/api/duty/units/" + DutyApiTest.unit(admin, "ZZ-JK-MH-HH") + "/responsibles",
        new JsonObject().put("userIds", new JsonArray())).status());
    NotifyMailTest.dayShift(admin, "duty", "chief");
    long alertId = NotifyMailTest.redAlertAtTheCulvert(server, admin);

    NotifyMailTest.await("the group message", Duration.ofSeconds(60), () -> !sink.to("/dingtalk").isEmpty());
    Thread.sleep(1_500);
    List<HttpSink.Request> calls = sink.to("/dingtalk");
    assertEquals(1, calls.size(), "one message for the group, not one per person: " + calls);
    HttpSink.Request call = calls.get(0);
    NotifyChannelsTest.assertDingTalkSigned(call, "group1", SECRET);
    JsonObject body = new JsonObject(call.body());
    assertEquals(Set.copyOf(mobiles.values()), body.getJsonObject("at").getJsonArray("atMobiles").stream()
        .map(String.class::cast).collect(Collectors.toSet()));
    assertEquals(3, body.getJsonObject("at").getJsonArray("atMobiles").size());
    String content = body.getJsonObject("text").getString("content");
    for (String mobile : mobiles.values()) {
      assertTrue(content.contains("@" + mobile), content);
    }
    assertTrue(content.contains("红色预警") && content.contains("#alert-" + alertId), content);
    assertFalse(content.contains("ack="), "a group reads the message: no personal acknowledgement token");

    JsonArray rows = admin.get("/api/notifications?channel=dingtalk&entityType=alert&entityId=" + alertId).json()
        .getJsonArray("items");
    assertEquals(1, rows.size(), rows.encode());
    JsonObject row = rows.getJsonObject(0);
    assertEquals("sent", row.getString("state"), row.encode());
    assertEquals(1, row.getInteger("attempts"));
    for (String u : mobiles.keySet()) {
      String name = admin.get("/api/admin/users/" + NotifyMailTest.userIdAs(admin, u)).json().getString("displayName");
      assertTrue(row.getString("members").contains(name), row.encode());
      assertEquals(1, admin.get("/api/notifications?channel=dingtalk&entityType=alert&entityId=" + alertId
          + "&recipientId=" + NotifyMailTest.userIdAs(admin, u)).json().getJsonArray("items").size(),
          "the delivery log finds the group message by each person");
    }
  }
}
