package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The call-down (逐级呼叫) of unacknowledged alerts: once an alert has stayed unacknowledged for its level's
 * minutes since it reached that level, step 1 calls the people of the level's first step (by default the
 * leader on call, else the head); after twice the minutes step 2 (the district head); each further period
 * all the steps again, up to the configured number of steps. The minutes and steps are the admin-editable
 * rules ({@link RulesCache}); {@code --notify-calldown-minutes}, when given, overrides the minutes. Acknowledging or
 * resolving the alert ends it. Each step's rows carry a dedup key of (alert, level, since, step), so nodes
 * sweeping at the same time create a step once.
 */
final class CallDown {
  private final Pool pool;
  private final Recipients recipients;
  private final NotificationRepository outbox;
  private final Texts texts;
  private final String publicUrl;
  private final Map<String, Duration> minutesOverride;
  private final RulesCache rules;
  private final int repeats;
  private final AckLinks acks;

  CallDown(Pool pool, Recipients recipients, NotificationRepository outbox, Texts texts, String publicUrl,
      Map<String, Duration> minutesOverride, int repeats, AckLinks acks, RulesCache rules) {
    this.rules = rules;
    this.acks = acks;
    this.pool = pool;
    this.recipients = recipients;
    this.outbox = outbox;
    this.texts = texts;
    this.publicUrl = publicUrl;
    this.minutesOverride = minutesOverride;
    this.repeats = repeats;
  }

  /** The step due after {@code waited} with {@code period} per step: 0 = none yet. */
  static int stepDue(Duration waited, Duration period, int repeats) {
    if (period == null || waited.isNegative()) {
      return 0;
    }
    return (int) Math.min(repeats, waited.toMillis() / Math.max(1, period.toMillis()));
  }

  /** The level's period: the flag's when it is given (tests), else the stored rule's; null = never. */
  private Duration period(RuleSet set, String level) {
    if (!minutesOverride.isEmpty()) {
      return minutesOverride.get(level);
    }
    RuleSet.CallDownRule rule = set.callDown().get(level);
    return rule == null ? null : rule.period();
  }

  Future<Integer> run(OffsetDateTime now) {
    return rules.get().compose(set -> run(set, now));
  }

  private Future<Integer> run(RuleSet set, OffsetDateTime now) {
    return pool.query(AlertFacts.SELECT + " WHERE a.status IN ('raised', 'escalated')").execute()
        .compose(rows -> {
          Future<Integer> chain = Future.succeededFuture(0);
          for (var r : rows) {
            AlertFacts a = AlertFacts.from(r);
            int step = stepDue(Duration.between(a.levelRaisedAt(), now), period(set, a.level()), repeats);
            RuleSet.CallDownRule rule = set.callDown().get(a.level());
            if (step > 0) {
              String key = dedupKey(a, step);
              chain = chain.compose(made -> pool.preparedQuery("SELECT 1 FROM notifications WHERE dedup_key = $1 LIMIT 1")
                  .execute(Tuple.of(key))
                  .compose(done -> done.size() > 0 ? Future.succeededFuture(made)
                      : step(a, rule, step, key, now).map(more -> made + more)));
            }
          }
          return chain;
        });
  }

  static String dedupKey(AlertFacts a, int step) {
    return "calldown:" + a.id() + ":" + a.level() + ":" + a.levelRaisedAt().toEpochSecond() + ":" + step;
  }

  private Future<Integer> step(AlertFacts a, RuleSet.CallDownRule rule, int step, String key, OffsetDateTime now) {
    Future<List<Long>> named = Future.succeededFuture(List.of());
    Recipients.Scope scope = new Recipients.Scope(a.unitId(), a.checkpointId(), null);
    // a step that finds nobody falls to the next step's people (no leader on call: the head at once)
    for (List<String> kinds : rule == null ? List.<List<String>>of() : rule.kindsFor(step)) {
      named = named.compose(found -> found.isEmpty() ? recipients.resolve(pool, kinds, scope, now)
          : Future.succeededFuture(found));
    }
    long waited = Duration.between(a.levelRaisedAt(), now).toMinutes();
    return named.compose(ids -> recipients.people(pool, ids)).compose(people -> {
      String subject = "【逐级呼叫】" + Texts.level(a.level()) + "预警未确认 " + a.nameZh();
      String message = a.describe(texts) + "。已 " + waited + " 分钟无人确认（第 " + step + " 级呼叫），请立即处置。";
      List<Draft> drafts = people.stream().map(p -> new Draft(p, "alert.calldown", subject, message,
          a.link(publicUrl, acks.token(a.id(), p.id(), now.toInstant())), "alert", a.id(), null, key)).toList();
      return outbox.insert(pool, drafts, now);
    });
  }
}
