package org.floodready.app;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import org.floodready.access.ScopeResolver;
import org.floodready.access.TokenService;
import org.floodready.config.AppConfig;
import org.floodready.events.DomainEvents;

/** What every feature of a node shares: the pool, the settings, the clock, tokens, events and who sees which units. */
public record AppContext(Vertx vertx, AppConfig config, Pool pool, TokenService tokens, Clock clock,
    DomainEvents events, ScopeResolver scopes) {

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** A timestamp as ISO-8601 in the district's zone, e.g. 2026-07-20T08:30:00+08:00. */
  public String iso(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(config.zone()).toOffsetDateTime().toString();
  }

  /** Runs blocking work (hashing, rendering, file I/O) on a worker thread. */
  public <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }
}
