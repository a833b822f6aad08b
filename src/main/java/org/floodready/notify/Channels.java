package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import org.floodready.config.NotifyConfig;

/** The configured channels by name; a channel left unconfigured fails its messages for good. */
final class Channels {
  private final Map<String, Channel> byName = new HashMap<>();

  Channels(Vertx vertx, NotifyConfig config) {
    HttpPost http = new HttpPost(vertx);
    if (!config.smtpHost().isEmpty()) {
      byName.put("email", new EmailChannel(vertx, config));
    }
    if (!config.wecomWebhook().isEmpty()) {
      byName.put("wecom", new RobotChannel(RobotChannel.Kind.WECOM, http, config.wecomWebhook(), "",
          System::currentTimeMillis));
    }
    if (!config.dingtalkWebhook().isEmpty()) {
      byName.put("dingtalk", new RobotChannel(RobotChannel.Kind.DINGTALK, http, config.dingtalkWebhook(),
          config.dingtalkSecret(), System::currentTimeMillis));
    }
    if (!config.feishuWebhook().isEmpty()) {
      byName.put("feishu", new RobotChannel(RobotChannel.Kind.FEISHU, http, config.feishuWebhook(), "",
          System::currentTimeMillis));
    }
    if (!config.smsUrl().isEmpty()) {
      byName.put("sms", new SmsChannel(http, config.smsUrl(), config.smsBody()));
    }
  }

  Future<String> send(Outgoing n) {
    Channel channel = byName.get(n.channel());
    if (channel == null) {
      return Future.failedFuture(new Channel.Permanent("渠道未配置 channel " + n.channel() + " is not configured"));
    }
    try {
      return channel.send(n);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
