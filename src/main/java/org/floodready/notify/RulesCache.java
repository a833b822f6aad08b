package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.function.LongSupplier;

/**
 * This node's copy of the rules: read from PostgreSQL again after {@code --notify-rules-ttl-seconds}, and at
 * once after a {@code notify.rules.changed} event (a change made through any node). The TTL bounds how long a
 * node that missed the event (e.g. while the event bus was cut) keeps old rules.
 */
final class RulesCache {
  private final Pool pool;
  private final RulesRepository repository = new RulesRepository();
  private final LongSupplier millis;
  private final long ttlMs;
  private Future<RuleSet> current;
  private long loadedAt;

  RulesCache(Pool pool, LongSupplier millis, java.time.Duration ttl) {
    this.ttlMs = ttl.toMillis();
    this.pool = pool;
    this.millis = millis;
  }

  Future<RuleSet> get() {
    long now = millis.getAsLong();
    if (current == null || now - loadedAt >= ttlMs || current.failed()) {
      loadedAt = now;
      current = repository.load(pool);
    }
    return current;
  }

  void invalidate() {
    current = null;
  }
}
