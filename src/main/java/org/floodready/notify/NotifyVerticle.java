package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.floodready.app.AppContext;
import org.floodready.config.NotifyConfig;
import org.floodready.duty.DutyRoster;
import org.floodready.events.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On every node, every {@code --notify-interval-ms}: turn new events into notifications, call down
 * unacknowledged alerts, drop call-downs of alerts answered meanwhile, then send what is due.
 */
public final class NotifyVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(NotifyVerticle.class);

  private final AppContext app;
  private long timer = -1;
  private boolean running;

  public NotifyVerticle(AppContext app) {
    this.app = app;
  }

  @Override
  public Future<?> start() {
    return AckLinks.load(app).onSuccess(this::begin);
  }

  private void begin(AckLinks acks) {
    NotifyConfig config = app.config().notifications();
    NotificationRepository outbox = new NotificationRepository();
    Texts texts = new Texts(app.config().zone());
    Recipients recipients = new Recipients(new DutyRoster(app.config().zone()));
    RulesCache rules = new RulesCache(app.pool(), System::currentTimeMillis, config.rulesTtl());
    app.events().follow(batch -> {
      if (batch.stream().anyMatch(e -> e.kind().orElse(null) == EventType.NOTIFY_RULES_CHANGED)) {
        rules.invalidate();
      }
    });
    EventFollower follower = new EventFollower(app.pool(), new EventRules(recipients, texts, config.publicUrl(), acks,
        new org.floodready.inventory.CoverageService(app), rules),
        outbox, System::currentTimeMillis);
    CallDown callDown = new CallDown(app.pool(), recipients, outbox, texts, config.publicUrl(), config.callDown(),
        config.callDownRepeats(), acks, rules);
    Sender sender = new Sender(app.pool(), outbox, new Channels(vertx, config), config,
        app.config().effectiveNodeName(), app::now);
    timer = vertx.setPeriodic(config.interval().toMillis(), id -> {
      if (running) {
        return;
      }
      running = true;
      step("events", follower.run(app.now()))
          .compose(v -> step("call-down", callDown.run(app.now())))
          .compose(v -> step("cancel", outbox.cancelAnswered(app.pool())))
          .compose(v -> step("send", sender.run()))
          .onComplete(r -> running = false);
    });
  }

  private static Future<Void> step(String what, Future<?> work) {
    return work.<Void>mapEmpty().recover(e -> {
      log.warn("Notifications: {} failed: {}", what, e.toString());
      return Future.succeededFuture();
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
