package org.floodready.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends log rows that belong to no write's transaction: what is derived from data already committed
 * (the readiness refresh's "a unit's entry changed") and the deprecated after-commit {@code publish}.
 * Rows are written in the order they were handed in, in batches, so a burst costs a few round trips
 * instead of a connection each; after each batch the {@link CommitNotifier} wakes every node's follower. The queue is bounded:
 * past it, rows are dropped with a warning (what they derive from is in PostgreSQL: the next refresh or
 * rebuild writes them again).
 */
final class LogAppender {
  static final int MAX_QUEUE = 50_000;
  static final int MAX_BATCH = 200;
  private static final Logger log = LoggerFactory.getLogger(LogAppender.class);

  private record Pending(String type, Long unitId, String payloadJson) {
  }

  private final Pool pool;
  private final String node;
  private final Clock clock;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean writing;

  private final CommitNotifier notifier;

  LogAppender(Pool pool, String node, Clock clock, CommitNotifier notifier) {
    this.notifier = notifier;
    this.pool = pool;
    this.node = node;
    this.clock = clock;
  }

  /** Queues one row; its payload is encoded now. */
  void append(String type, Long unitId, JsonObject payload) {
    String payloadJson = payload.encode();
    synchronized (this) {
      if (queue.size() >= MAX_QUEUE) {
        log.warn("Event log queue full: dropping {} for unit {}", type, unitId);
        return;
      }
      queue.add(new Pending(type, unitId, payloadJson));
      if (writing) {
        return;
      }
      writing = true;
    }
    writeNext();
  }

  private void writeNext() {
    List<Tuple> batch = new ArrayList<>();
    OffsetDateTime at = OffsetDateTime.now(clock);
    synchronized (this) {
      while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
        Pending p = queue.poll();
        batch.add(Tuple.of(at, p.type(), p.unitId(), node, p.payloadJson()));
      }
      if (batch.isEmpty()) {
        writing = false;
        return;
      }
    }
    Future<?> appended;
    try {
      appended = pool.preparedQuery(Outbox.INSERT).executeBatch(batch);
    } catch (RuntimeException e) {
      appended = Future.failedFuture(e);
    }
    appended.onComplete(ar -> {
      if (ar.failed()) {
        log.warn("Event log append of {} rows failed: {}", batch.size(), ar.cause().toString());
      } else {
        notifier.committed();
      }
      writeNext();
    });
  }
}
