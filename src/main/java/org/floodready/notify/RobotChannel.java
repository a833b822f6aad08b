package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A work-chat group robot by webhook: WeCom (企业微信), DingTalk (钉钉, optionally signed) or Feishu (飞书).
 * The message goes to the robot's group once per fact, naming everyone it concerns and mentioning them by
 * mobile number where the robot can (DingTalk {@code at.atMobiles} with "@mobile" in the text, WeCom
 * {@code mentioned_mobile_list}; Feishu's text robot has no mention by mobile, so the names are in the text).
 * The robot answers HTTP 200 with its own code; anything but code 0 is a failure.
 */
final class RobotChannel implements Channel {
  enum Kind { WECOM, DINGTALK, FEISHU }

  private final Kind kind;
  private final HttpPost http;
  private final String webhook;
  private final String secret;
  private final LongSupplier millis;

  RobotChannel(Kind kind, HttpPost http, String webhook, String secret, LongSupplier millis) {
    this.kind = kind;
    this.http = http;
    this.webhook = webhook;
    this.secret = secret;
    this.millis = millis;
  }

  @Override
  public Future<String> send(Outgoing n) {
    String text = n.subject() + "\n" + n.message()
        + (n.members() == null || n.members().isBlank() ? "" : "\n通知：" + n.members())
        + (n.link() == null ? "" : "\n" + n.link());
    return http.json(url(), body(kind, text, n.address()).encode()).compose(answer -> {
      JsonObject json;
      try {
        json = new JsonObject(answer.body());
      } catch (RuntimeException e) {
        return Future.failedFuture(new IllegalStateException("not a robot answer: " + answer));
      }
      Integer code = json.getInteger(kind == Kind.FEISHU ? "code" : "errcode",
          kind == Kind.FEISHU ? json.getInteger("StatusCode") : null);
      return code != null && code == 0 ? Future.succeededFuture(answer.toString())
          : Future.failedFuture(new IllegalStateException(answer.toString()));
    });
  }

  /** The robot's JSON text message, mentioning the comma-separated {@code mobiles}. */
  static JsonObject body(Kind kind, String text, String mobiles) {
    JsonArray mention = new JsonArray();
    if (mobiles != null) {
      java.util.Arrays.stream(mobiles.split(",")).map(String::trim).filter(m -> !m.isEmpty()).forEach(mention::add);
    }
    return switch (kind) {
      case WECOM -> new JsonObject().put("msgtype", "text")
          .put("text", new JsonObject().put("content", text).put("mentioned_mobile_list", mention));
      // DingTalk highlights a mention only when the text also carries "@mobile"
      case DINGTALK -> new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content",
              text + mention.stream().map(m -> " @" + m).collect(java.util.stream.Collectors.joining())))
          .put("at", new JsonObject().put("atMobiles", mention).put("isAtAll", false));
      case FEISHU -> new JsonObject().put("msg_type", "text").put("content", new JsonObject().put("text", text));
    };
  }

  private String url() {
    if (kind != Kind.DINGTALK || secret.isEmpty()) {
      return webhook;
    }
    long timestamp = millis.getAsLong();
    return webhook + (webhook.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + dingTalkSign(timestamp,
        secret);
  }

  /** DingTalk's signature: Base64(HmacSHA256(key = secret, "timestamp\nsecret")), URL-encoded. */
  static String dingTalkSign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
