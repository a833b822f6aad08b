package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import org.floodready.config.NotifyConfig;

/** E-mail over SMTP with vertx-mail-client. */
final class EmailChannel implements Channel {
  private final MailClient client;
  private final String from;

  EmailChannel(Vertx vertx, NotifyConfig config) {
    MailConfig mail = new MailConfig().setHostname(config.smtpHost()).setPort(config.smtpPort())
        .setStarttls(StartTLSOptions.valueOf(config.smtpStartTls().toUpperCase()))
        .setKeepAlive(false);
    if (config.smtpUser().isEmpty()) {
      mail.setLogin(LoginOption.DISABLED);
    } else {
      mail.setLogin(LoginOption.REQUIRED).setUsername(config.smtpUser()).setPassword(config.smtpPassword());
    }
    this.client = MailClient.create(vertx, mail);
    this.from = config.smtpFrom();
  }

  @Override
  public Future<String> send(Outgoing n) {
    if (n.address() == null || n.address().isBlank()) {
      return Future.failedFuture(new Permanent("无邮箱地址 no e-mail address"));
    }
    String text = n.message() + (n.link() == null ? "" : "\n\n" + n.link());
    MailMessage message = new MailMessage().setFrom(from).setTo(n.address()).setSubject(n.subject()).setText(text);
    return client.sendMail(message).map(result -> "250 sent to " + String.join(",", result.getRecipients()));
  }
}
