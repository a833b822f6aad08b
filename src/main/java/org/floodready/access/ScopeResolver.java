package org.floodready.access;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.floodready.events.DomainEvents;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;

/**
 * A caller's readiness scope: admin, duty room and viewers see every unit; base keepers, river chiefs
 * and inspectors see the units of their bases, reaches and checkpoints and of their own unit, each with
 * the units below. Gauges read nothing here.
 *
 * <p>A person's units are kept for {@link #TTL_MS} (readiness reads are frequent, assignments rare);
 * an event the catalogue marks as changing scopes (a new unit), written on any node, drops them at once.
 * Assignment changes (keepers, chiefs, inspectors, a person's unit) log no event, so they show within
 * that time.
 */
public final class ScopeResolver {
  static final long TTL_MS = 5_000;
  private static final int MAX_CACHED = 10_000;

  private record Cached(Scope scope, long expiresAtNanos) {
  }

  private final Assignments scopes;
  private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

  public ScopeResolver(Pool pool, DomainEvents events) {
    this.scopes = new Assignments(pool);
    events.follow(batch -> {
      if (batch.stream().anyMatch(e -> e.kind().map(EventType::changesScopes).orElse(false))) {
        cache.clear();
      }
    });
  }

  public Future<Scope> of(CurrentUser user) {
    if (user.isGauge()) {
      return Future.failedFuture(ApiError.forbidden("Gauges cannot read readiness"));
    }
    if (user.role().seesEverything()) {
      return Future.succeededFuture(Scope.EVERYTHING);
    }
    long now = System.nanoTime();
    Cached cached = cache.get(user.id());
    if (cached != null && now - cached.expiresAtNanos() < 0) {
      return Future.succeededFuture(cached.scope());
    }
    return scopes.units(user.id()).map(units -> {
      Scope scope = Scope.of(units);
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(user.id(), new Cached(scope, now + TimeUnit.MILLISECONDS.toNanos(TTL_MS)));
      return scope;
    });
  }
}
