package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.floodready.config.AppConfig;
import org.floodready.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The small decisions of the notifications: call-down steps, channel choice, robot bodies, settings. */
class NotifyUnitsTest {
  @Test
  void callDownStepsCountWholePeriodsUpToTheLimit() {
    Duration ten = Duration.ofMinutes(10);
    assertEquals(0, CallDown.stepDue(Duration.ofMinutes(9), ten, 6));
    assertEquals(1, CallDown.stepDue(Duration.ofMinutes(10), ten, 6));
    assertEquals(2, CallDown.stepDue(Duration.ofMinutes(25), ten, 6));
    assertEquals(6, CallDown.stepDue(Duration.ofHours(5), ten, 6));
    assertEquals(0, CallDown.stepDue(Duration.ofHours(5), null, 6), "a level without minutes never calls down");
  }

  @Test
  void aPersonIsReachedOnTheirPreferredChannelWhenItCanReachThem() {
    assertEquals("wecom", new Person(1, "a", "A", "138", null, "wecom").channel());
    assertEquals("sms", new Person(1, "a", "A", "138", null, "email").channel(), "no address for e-mail");
    assertEquals("email", new Person(1, "a", "A", "138", "a@x.cn", null).channel());
    assertEquals("none", new Person(1, "a", "A", null, null, "sms").channel());
    assertEquals("138", new Person(1, "a", "A", "138", "a@x.cn", null).address("dingtalk"));
  }

  @Test
  void robotBodiesFollowEachRobotsFormat() {
    JsonObject wecom = RobotChannel.body(RobotChannel.Kind.WECOM, "红色预警", "13800000001");
    assertEquals("13800000001", wecom.getJsonObject("text").getJsonArray("mentioned_mobile_list").getString(0));
    JsonObject feishu = RobotChannel.body(RobotChannel.Kind.FEISHU, "红色预警", null);
    assertEquals("红色预警", feishu.getJsonObject("content").getString("text"));
    // a vector computed independently: printf '1700000000000\nSECabc' | openssl dgst -sha256 -hmac SECabc -binary | base64
    assertEquals(java.net.URLEncoder.encode("jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=",
        java.nio.charset.StandardCharsets.UTF_8), RobotChannel.dingTalkSign(1700000000000L, "SECabc"));
  }

  @Test
  void callDownMinutesAreReadPerLevelAndSecretsStayOutOfToString() {
    AppConfig config = AppConfig.from(new String[] {"--notify-calldown-minutes", "red=0.5,orange=15",
        "--notify-smtp-password", "hunter2", "--notify-dingtalk-secret", "SECxyz"}, Map.of());
    assertEquals(Duration.ofSeconds(30), config.notifications().callDown().get("red"));
    assertEquals(null, config.notifications().callDown().get("blue"));
    String shown = config.notifications().toString() + config;
    assertEquals(false, shown.contains("hunter2") || shown.contains("SECxyz"), shown);
    assertThrows(ConfigException.class, () -> AppConfig.from(new String[] {"--notify-calldown-minutes", "purple=3"},
        Map.of()));
    assertThrows(ConfigException.class, () -> AppConfig.from(new String[] {"--notify-smtp-starttls", "maybe"},
        Map.of()));
  }

  @Test
  void aCallDownStepFallsToTheNextStepsPeopleAndAfterTheLastCallsThemAll() {
    RuleSet.CallDownRule rule = new RuleSet.CallDownRule(new java.math.BigDecimal("0.25"),
        java.util.List.of("leader_on_call", "heads"));
    assertEquals(Duration.ofSeconds(15), rule.period());
    assertEquals(java.util.List.of(java.util.List.of("leader_on_call"), java.util.List.of("heads")), rule.kindsFor(1),
        "step 1: the leader, else the head");
    assertEquals(java.util.List.of(java.util.List.of("heads")), rule.kindsFor(2));
    assertEquals(java.util.List.of(java.util.List.of("leader_on_call", "heads")), rule.kindsFor(3), "then both");
    assertEquals(null, new RuleSet.CallDownRule(null, java.util.List.of("heads")).period(), "no call-down");
    assertEquals("http://b/#alert-7", AckLinks.withoutToken("http://b/?ack=a.b-c_d#alert-7"));
  }
}
