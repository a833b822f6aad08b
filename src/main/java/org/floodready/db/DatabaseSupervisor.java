package org.floodready.db;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL of this node and brings it back when it dies: once a second it checks
 * (off the event loop) that the postmaster is alive; when it is gone the node answers 503 and the server
 * is started again on the same data directory and port (PostgreSQL's crash recovery replays the WAL),
 * so the existing pool reconnects. Failed attempts are retried with back-off; after {@link #MAX_ATTEMPTS}
 * it gives up and says so in the log. The state is written only on this verticle's context; the HTTP
 * verticles read it through {@link #state(Vertx)}.
 */
public final class DatabaseSupervisor extends VerticleBase {
  public enum State { UP, RECOVERING, GAVE_UP }

  static final long CHECK_MS = 1000;
  static final int MAX_ATTEMPTS = 6;
  static final long FIRST_BACKOFF_MS = 1000;
  private static final Logger log = LoggerFactory.getLogger(DatabaseSupervisor.class);
  private static final Map<Vertx, DatabaseSupervisor> NODES = new ConcurrentHashMap<>();

  private final EmbeddedDatabase db;
  private final int maxAttempts;
  private final long firstBackoffMs;
  private volatile State state = State.UP;
  private long timer = -1;
  private boolean checking;
  private boolean stopping;
  private long lostAt;
  private Future<?> restarting = Future.succeededFuture();

  public DatabaseSupervisor(EmbeddedDatabase db) {
    this(db, MAX_ATTEMPTS, FIRST_BACKOFF_MS);
  }

  DatabaseSupervisor(EmbeddedDatabase db, int maxAttempts, long firstBackoffMs) {
    this.db = db;
    this.maxAttempts = maxAttempts;
    this.firstBackoffMs = firstBackoffMs;
  }

  /** The database state of the node run by this Vert.x instance; always UP for an external database. */
  public static State state(Vertx vertx) {
    DatabaseSupervisor s = NODES.get(vertx);
    return s == null ? State.UP : s.state;
  }

  @Override
  public Future<?> start() {
    NODES.put(vertx, this);
    timer = vertx.setPeriodic(CHECK_MS, id -> check());
    return Future.succeededFuture();
  }

  private void check() {
    if (state != State.UP || checking || stopping) {
      return;
    }
    checking = true;
    long pid = db.pid();
    vertx.executeBlocking(db::isRunning, false).onComplete(ar -> {
      checking = false;
      if (ar.succeeded() && !ar.result() && state == State.UP && !stopping) {
        lostAt = System.nanoTime();
        state = State.RECOVERING;
        log.error("Embedded PostgreSQL (pid {}) has died: answering 503 and restarting it on {} (port {})",
            pid, db.directory(), db.port());
        attempt(1);
      }
    });
  }

  private void attempt(int n) {
    if (stopping) {
      return;
    }
    restarting = vertx.executeBlocking(() -> {
      db.restart();
      return null;
    }, false).onComplete(ar -> {
      if (ar.succeeded()) {
        state = State.UP;
        log.info("Embedded PostgreSQL is back (pid {}) after crash recovery, {} ms after it was found dead (attempt {}): serving again",
            db.pid(), (System.nanoTime() - lostAt) / 1_000_000, n);
      } else if (n >= maxAttempts) {
        state = State.GAVE_UP;
        log.error("GAVE UP restarting the embedded PostgreSQL after {} attempts (last: {}). The node answers 503 "
            + "until it is restarted; see PostgreSQL's log {}", n, ar.cause().getMessage(), db.logFile());
      } else {
        long delay = firstBackoffMs << (n - 1);
        log.warn("Restart {} of {} of the embedded PostgreSQL failed ({}); next try in {} ms", n, maxAttempts,
            ar.cause().getMessage(), delay);
        vertx.setTimer(delay, t -> attempt(n + 1));
      }
    });
  }

  /** Before the database is stopped on purpose: no more checks, and a restart in progress is waited for. */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(timer);
    NODES.remove(vertx);
    return restarting.otherwiseEmpty();
  }
}
