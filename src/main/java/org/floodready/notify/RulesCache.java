package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.function.LongSupplier;

/**
 * This node's copy of the rules: read from PostgreSQL at most every {@link #TTL_MS}, and at once after a
 * {@code notify.rules.changed} event (a change made through any node). The TTL bounds how long a node that
 * missed the event (e.g. while the event bus was cut) keeps old rules.
 */
final class RulesCache {
  static final String CHANGED = "notify.rules.changed";
  static final long TTL_MS = 15_000;

  private final Pool pool;
  private final RulesRepository repository = new RulesRepository();
  private final LongSupplier millis;
  private Future<RuleSet> current;
  private long loadedAt;

  RulesCache(Pool pool, LongSupplier millis) {
    this.pool = pool;
    this.millis = millis;
  }

  Future<RuleSet> get() {
    long now = millis.getAsLong();
    if (current == null || now - loadedAt >= TTL_MS || current.failed()) {
      loadedAt = now;
      current = repository.load(pool);
    }
    return current;
  }

  void invalidate() {
    current = null;
  }
}
