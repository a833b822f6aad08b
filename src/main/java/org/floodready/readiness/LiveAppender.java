package org.floodready.readiness;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a node's live-log rows. Messages are written in the order they were handed in, in
 * batches, so a burst of writes costs a few round trips instead of a connection each, and the live ids
 * follow the order in which the node published. After each batch the feeds are woken and each message's
 * follow-up (the readiness recompute of a domain event) runs. The queue is bounded: past it, messages are
 * dropped with a warning (the snapshot itself is repaired by the next refresh or rebuild).
 */
final class LiveAppender {
  static final int MAX_QUEUE = 50_000;
  static final int MAX_BATCH = 200;
  private static final Logger log = LoggerFactory.getLogger(LiveAppender.class);

  record Pending(String type, Long unitId, JsonObject payload, Runnable then) {
  }

  private final LiveLog liveLog;
  private final String node;
  private final Supplier<OffsetDateTime> clock;
  private final LongConsumer nudge;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean writing;

  LiveAppender(LiveLog liveLog, String node, Supplier<OffsetDateTime> clock, LongConsumer nudge) {
    this.liveLog = liveLog;
    this.node = node;
    this.clock = clock;
    this.nudge = nudge;
  }

  /** Queues one message; {@code then} runs once it is written (or could not be). */
  void append(String type, Long unitId, JsonObject payload, Runnable then) {
    synchronized (this) {
      if (queue.size() < MAX_QUEUE) {
        queue.add(new Pending(type, unitId, payload, then));
        if (writing) {
          return;
        }
        writing = true;
      } else {
        log.warn("Live log queue full: dropping {} for unit {}", type, unitId);
        then.run();
        return;
      }
    }
    writeNext();
  }

  private void writeNext() {
    List<Pending> batch = new ArrayList<>();
    synchronized (this) {
      while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
        batch.add(queue.poll());
      }
      if (batch.isEmpty()) {
        writing = false;
        return;
      }
    }
    Future<Long> written;
    try {
      written = liveLog.appendAll(clock.get(), node, batch);
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    written.onComplete(ar -> {
      if (ar.succeeded()) {
        nudge.accept(ar.result());
      } else {
        log.warn("Live log append of {} messages failed: {}", batch.size(), ar.cause().toString());
      }
      batch.forEach(p -> p.then().run());
      writeNext();
    });
  }
}
