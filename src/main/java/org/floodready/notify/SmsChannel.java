package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * SMS through an HTTP gateway: the URL template takes {phone} and {message} URL-encoded, the JSON body
 * template takes {phone}, {message} and {subject} as JSON string content. Any 2xx is delivered.
 */
final class SmsChannel implements Channel {
  private final HttpPost http;
  private final String urlTemplate;
  private final String bodyTemplate;

  SmsChannel(HttpPost http, String urlTemplate, String bodyTemplate) {
    this.http = http;
    this.urlTemplate = urlTemplate;
    this.bodyTemplate = bodyTemplate;
  }

  @Override
  public Future<String> send(Outgoing n) {
    if (n.address() == null || n.address().isBlank()) {
      return Future.failedFuture(new Permanent("无手机号 no phone number"));
    }
    String text = n.message() + (n.link() == null ? "" : " " + n.link());
    String url = urlTemplate.replace("{phone}", URLEncoder.encode(n.address(), StandardCharsets.UTF_8))
        .replace("{message}", URLEncoder.encode(text, StandardCharsets.UTF_8));
    String body = bodyTemplate.replace("{phone}", jsonText(n.address())).replace("{message}", jsonText(text))
        .replace("{subject}", jsonText(n.subject()));
    return http.json(url, body).map(HttpPost.Answer::toString);
  }

  /** The text as it goes between the quotes of a JSON string. */
  private static String jsonText(String s) {
    String quoted = new JsonObject().put("s", s).encode();
    return quoted.substring(6, quoted.length() - 2);
  }
}
