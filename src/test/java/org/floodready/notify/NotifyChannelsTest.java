package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeArgs;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The response level changes; every unit's responsible persons hear of it, each on their channel, and a
 * real local HTTP server plays the three robots and the SMS gateway: the robots' JSON formats are checked,
 * DingTalk's signature verified, and the gateway answering 500 twice then 200 gets the message delivered once.
 */
@FloodReadyTest
class NotifyChannelsTest {
  static final String DING_SECRET = "SEC" + "0123456789abcdef";
  static HttpSink sink;
  static TestServer server;
  static Api admin;
  static final AtomicInteger smsCalls = new AtomicInteger();

  @NodeArgs
  static String[] nodeArgs() throws Exception {
    sink = new HttpSink();
    sink.answer("/feishu", r -> new HttpSink.Answer(200, "{\"code\":0,\"msg\":\"success\",\"data\":{}}"));
    sink.answer("/sms", r -> smsCalls.incrementAndGet() <= 2
        ? new HttpSink.Answer(500, "{\"error\":\"gateway busy\"}") : new HttpSink.Answer(200, "{\"result\":\"ok\"}"));
    return new String[] {"--notify-interval-ms", "300", "--notify-retry-seconds", "1",
        "--notify-wecom-webhook", sink.url("/wecom?key=k1"), "--notify-dingtalk-webhook",
        sink.url("/dingtalk?access_token=t1"), "--notify-dingtalk-secret", DING_SECRET,
        "--notify-feishu-webhook", sink.url("/feishu"), "--notify-sms-url", sink.url("/sms?to={phone}"),
        "--notify-sms-body", "{\"mobile\":\"{phone}\",\"text\":\"{message}\",\"sign\":\"防汛\"}"};
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
  void eachRobotGetsItsFormatAndTheSmsGatewayIsRetriedUntilItTakesTheMessageOnce() throws Exception {
    Map<String, String> channels = Map.of("chief2", "wecom", "chief3", "dingtalk", "chief4", "feishu", "inspector", "sms");
    Map<String, Long> ids = new HashMap<>();
    JsonArray userIds = new JsonArray();
    int n = 0;
    for (var e : channels.entrySet()) {
      long id = NotifyMailTest.userIdAs(admin, e.getKey());
      ids.put(e.getKey(), id);
      userIds.add(id);
      Resp r = admin.put("/api/duty/contacts/" + id, new JsonObject().put("phone", "1390000000" + n++)
          .put("preferredChannel", e.getValue()));
      assertEquals(200, r.status(), r.toString());
    }
    long unit = DutyApiTest.unit(admin, "ZZ-GC-NC");
    assertEquals(200, admin.put("/api/duty/units/" + unit + "/responsibles", new JsonObject().put("userIds", userIds))
        .status());
    Resp level = server.as("duty").put("/api/settings/response-level", new JsonObject().put("level", "II"));
    assertEquals(200, level.status(), level.toString());

    NotifyMailTest.await("three robots and the third SMS attempt", Duration.ofSeconds(60),
        () -> !sink.to("/wecom").isEmpty() && !sink.to("/dingtalk").isEmpty() && !sink.to("/feishu").isEmpty()
            && sink.to("/sms").size() >= 3);

    JsonObject wecom = new JsonObject(sink.to("/wecom").get(0).body());
    assertEquals("text", wecom.getString("msgtype"));
    assertTrue(wecom.getJsonObject("text").getString("content").contains("应急响应由Ⅳ级调整为Ⅱ级"), wecom.encode());
    assertEquals(1, wecom.getJsonObject("text").getJsonArray("mentioned_mobile_list").size());
    assertEquals("key=k1", sink.to("/wecom").get(0).query());

    HttpSink.Request ding = sink.to("/dingtalk").get(0);
    JsonObject dingBody = new JsonObject(ding.body());
    assertEquals("text", dingBody.getString("msgtype"));
    assertTrue(dingBody.getJsonObject("text").getString("content").contains("应急响应"));
    assertEquals(1, dingBody.getJsonObject("at").getJsonArray("atMobiles").size());
    assertEquals(Boolean.FALSE, dingBody.getJsonObject("at").getBoolean("isAtAll"));
    assertDingTalkSigned(ding, "t1", DING_SECRET);

    JsonObject feishu = new JsonObject(sink.to("/feishu").get(0).body());
    assertEquals("text", feishu.getString("msg_type"));
    assertTrue(feishu.getJsonObject("content").getString("text").contains("应急响应"), feishu.encode());

    List<HttpSink.Request> sms = sink.to("/sms");
    JsonObject smsBody = new JsonObject(sms.get(0).body());
    assertEquals("防汛", smsBody.getString("sign"));
    assertTrue(smsBody.getString("text").contains("应急响应"), smsBody.encode());
    assertTrue(sms.get(0).query().startsWith("to=1390000000"), sms.get(0).query());
    assertTrue(sms.get(1).receivedAtMs() - sms.get(0).receivedAtMs() >= 900, "waits the back-off before a retry");
    assertTrue(sms.get(2).receivedAtMs() - sms.get(1).receivedAtMs() >= 1_900, "and twice as long before the next");

    NotifyMailTest.await("the SMS row sent", Duration.ofSeconds(30), () -> {
      JsonObject row = admin.get("/api/notifications?channel=sms&recipientId=" + ids.get("inspector")).json()
          .getJsonArray("items").getJsonObject(0);
      return "sent".equals(row.getString("state"));
    });
    JsonObject row = admin.get("/api/notifications?channel=sms&recipientId=" + ids.get("inspector")).json()
        .getJsonArray("items").getJsonObject(0);
    assertEquals(3, row.getInteger("attempts"), row.encode());
    assertTrue(row.getString("answer").startsWith("200"), row.encode());
    Thread.sleep(1_500);
    assertEquals(3, sink.to("/sms").size(), "delivered once: no attempt after the 200");
    JsonArray robots = admin.get("/api/notifications?rule=response_level.changed&state=sent&size=50").json()
        .getJsonArray("items");
    assertEquals(4, robots.size(), robots.encode());

    // the bases short of quota at level II: their keepers are told (by e-mail, which is not configured here)
    JsonArray shortages = admin.get("/api/notifications?rule=quota.short&size=50").json().getJsonArray("items");
    assertTrue(shortages.size() > 0, "the demo leaves some quota lines short");
    for (Object o : shortages) {
      JsonObject shortage = (JsonObject) o;
      assertTrue(List.of("keeper", "keeper_b").contains(shortage.getString("recipient")), shortage.encode());
      assertTrue(shortage.getString("message").contains("低于储备定额"), shortage.encode());
      assertEquals("base", shortage.getString("entityType"));
    }
  }

  /** The DingTalk robot's signed URL: its token, a fresh timestamp and the HmacSHA256 signature of both. */
  static void assertDingTalkSigned(HttpSink.Request ding, String accessToken, String secret) throws Exception {
    Map<String, String> query = query(ding.query());
    assertEquals(accessToken, query.get("access_token"));
    long timestamp = Long.parseLong(query.get("timestamp"));
    assertTrue(Math.abs(System.currentTimeMillis() - timestamp) < 120_000, "a fresh millisecond timestamp");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = Base64.getEncoder().encodeToString(
        mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, query.get("sign"), "DingTalk signature");
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> map = new HashMap<>();
    for (String kv : raw.split("&")) {
      int eq = kv.indexOf('=');
      map.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return map;
  }
}
