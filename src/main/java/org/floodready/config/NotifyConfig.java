package org.floodready.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the notifications: the outbox sender, the call-down and each channel. Secrets (SMTP
 * password, robot secrets, webhook URLs that carry tokens) are never part of {@link #toString()}.
 */
public record NotifyConfig(
    String publicUrl,
    Duration interval,
    int maxAttempts,
    Duration retryBase,
    Duration lease,
    Map<String, Duration> callDown,
    int callDownRepeats,
    String smtpHost,
    int smtpPort,
    String smtpUser,
    String smtpPassword,
    String smtpFrom,
    String smtpStartTls,
    String wecomWebhook,
    String dingtalkWebhook,
    String dingtalkSecret,
    String feishuWebhook,
    String smsUrl,
    String smsBody,
    Duration rulesTtl) {

  public static final List<Option> OPTIONS = List.of(
      Option.of("notify-public-url", "http://localhost:8080", "Address of the board used in the links of messages"),
      Option.of("notify-interval-ms", "2000", "How often each node derives, calls down and sends notifications"),
      Option.of("notify-max-attempts", "5", "Send attempts of one notification before it ends as failed"),
      Option.of("notify-retry-seconds", "30", "First retry delay; doubled after each failed attempt"),
      Option.of("notify-lease-seconds", "120", "How long a node's claim on a notification holds before another node may take it over"),
      Option.of("notify-calldown-minutes", "", "Overrides the admin's call-down minutes per level (red=0.2,orange=15; decimals allowed; a level left out never calls down); empty = the rules stored in PostgreSQL. For tests"),
      Option.of("notify-calldown-repeats", "6", "Call-down steps of one alert level at most (leader on call, district head, then both again)"),
      Option.of("notify-smtp-host", "", "SMTP server for e-mail; empty = e-mail off"),
      Option.of("notify-smtp-port", "25", "SMTP port"),
      Option.of("notify-smtp-user", "", "SMTP login; empty = no login"),
      Option.of("notify-smtp-password", "", "SMTP password (never logged)"),
      Option.of("notify-smtp-from", "floodready@localhost", "Sender address of the e-mails"),
      Option.of("notify-smtp-starttls", "optional", "STARTTLS: disabled, optional or required"),
      Option.of("notify-wecom-webhook", "", "WeCom (企业微信) group robot webhook URL; empty = off"),
      Option.of("notify-dingtalk-webhook", "", "DingTalk (钉钉) group robot webhook URL; empty = off"),
      Option.of("notify-dingtalk-secret", "", "DingTalk robot signing secret (SEC...); empty = unsigned"),
      Option.of("notify-feishu-webhook", "", "Feishu (飞书) group robot webhook URL; empty = off"),
      Option.of("notify-sms-url", "", "SMS gateway URL template ({phone}, {message} URL-encoded); empty = SMS off"),
      Option.of("notify-sms-body", "{\"phone\":\"{phone}\",\"message\":\"{message}\"}", "JSON body template of the SMS gateway ({phone}, {message}, {subject} JSON-escaped)"),
      Option.of("notify-rules-ttl-seconds", "15", "How long a node uses the notification rules it read before reading them again (a change is also announced to every node at once)"));

  static NotifyConfig from(Settings s) {
    String starttls = s.string("notify-smtp-starttls").toLowerCase();
    if (!List.of("disabled", "optional", "required").contains(starttls)) {
      throw new ConfigException("--notify-smtp-starttls must be disabled, optional or required");
    }
    return new NotifyConfig(
        stripSlash(s.string("notify-public-url")),
        Duration.ofMillis(s.integer("notify-interval-ms", 100, 3_600_000)),
        s.integer("notify-max-attempts", 1, 100),
        Duration.ofSeconds(s.integer("notify-retry-seconds", 1, 86_400)),
        Duration.ofSeconds(s.integer("notify-lease-seconds", 5, 86_400)),
        callDown(s.string("notify-calldown-minutes")),
        s.integer("notify-calldown-repeats", 1, 100),
        s.string("notify-smtp-host"),
        s.integer("notify-smtp-port", 1, 65535),
        s.string("notify-smtp-user"),
        s.string("notify-smtp-password"),
        s.string("notify-smtp-from"),
        starttls,
        s.string("notify-wecom-webhook"),
        s.string("notify-dingtalk-webhook"),
        s.string("notify-dingtalk-secret"),
        s.string("notify-feishu-webhook"),
        s.string("notify-sms-url"),
        s.string("notify-sms-body"),
        Duration.ofSeconds(s.integer("notify-rules-ttl-seconds", 1, 86_400)));
  }

  /** {@code red=10,orange=15}: minutes per warning level; levels left out never call down. */
  static Map<String, Duration> callDown(String raw) {
    Map<String, Duration> map = new LinkedHashMap<>();
    for (String part : raw.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.trim().split("=");
      String level = kv[0].trim();
      if (kv.length != 2 || !List.of("blue", "yellow", "orange", "red").contains(level)) {
        throw new ConfigException("--notify-calldown-minutes takes level=minutes pairs like red=10,orange=15, got '"
            + part + "'");
      }
      try {
        double minutes = Double.parseDouble(kv[1].trim());
        if (!(minutes > 0) || minutes > 10_000) {
          throw new NumberFormatException();
        }
        map.put(level, Duration.ofMillis(Math.round(minutes * 60_000)));
      } catch (NumberFormatException e) {
        throw new ConfigException("--notify-calldown-minutes: minutes must be a number above 0, got '" + part + "'");
      }
    }
    return Map.copyOf(map);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  @Override
  public String toString() {
    return "NotifyConfig[publicUrl=" + publicUrl + ", interval=" + interval + ", maxAttempts=" + maxAttempts
        + ", smtpHost=" + smtpHost + ", smtp password " + (smtpPassword.isEmpty() ? "unset" : "set")
        + ", wecom " + on(wecomWebhook) + ", dingtalk " + on(dingtalkWebhook) + ", feishu " + on(feishuWebhook)
        + ", sms " + on(smsUrl) + "]";
  }

  private static String on(String value) {
    return value.isEmpty() ? "off" : "on";
  }
}
