package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.floodready.config.NotifyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due notifications for this node and sends them. A row is sent only by the node that claimed it;
 * after a send the row is marked sent, or retried later with back-off, or failed with the channel's answer.
 */
final class Sender {
  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  private static final int CLAIM = 20;

  private final Pool pool;
  private final NotificationRepository outbox;
  private final Channels channels;
  private final NotifyConfig config;
  private final String node;
  private final Supplier<OffsetDateTime> clock;

  Sender(Pool pool, NotificationRepository outbox, Channels channels, NotifyConfig config, String node,
      Supplier<OffsetDateTime> clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.channels = channels;
    this.config = config;
    this.node = node;
    this.clock = clock;
  }

  /** One round: claims and sends; answers how many were claimed. */
  Future<Integer> run() {
    return outbox.claim(pool, node, clock.get(), config.lease(), CLAIM)
        .compose(claimed -> Future.join(claimed.stream().map(this::send).toList()).map(claimed.size()));
  }

  private Future<Boolean> send(Outgoing n) {
    // half the lease: a send still hanging then is given up (and retried) well before another node may take the row
    return channels.send(n).timeout(config.lease().toMillis() / 2, TimeUnit.MILLISECONDS).transform(ar -> {
      if (ar.succeeded()) {
        return outbox.sent(pool, n.id(), node, clock.get(), ar.result());
      }
      Throwable cause = ar.cause();
      String error = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      log.info("Notification {} on {} to {} failed (attempt {}): {}", n.id(), n.channel(), n.recipientName(),
          n.attempts(), error);
      return outbox.failed(pool, n.id(), node, clock.get(), shorten(error), config.maxAttempts(), config.retryBase(),
          cause instanceof Channel.Permanent);
    });
  }

  private static String shorten(String s) {
    return s.length() > 1000 ? s.substring(0, 1000) : s;
  }

  static List<String> states() {
    return List.of("pending", "sending", "sent", "failed", "cancelled");
  }
}
