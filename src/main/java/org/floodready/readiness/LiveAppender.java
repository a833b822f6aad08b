package org.floodready.readiness;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a node's live-log rows. Messages are written in the order they were handed in, in
 * batches, so a burst of writes costs a few round trips instead of a connection each, and the live ids
 * follow the order in which the node published. After each batch the written messages (with their ids) go
 * to the node's own feed directly and the other nodes' feeds are woken, then each message's follow-up (the
 * readiness recompute of a domain event) runs. A payload is encoded once, when it is queued. The queue is bounded: past it, messages are
 * dropped with a warning (the snapshot itself is repaired by the next refresh or rebuild).
 */
final class LiveAppender {
  static final int MAX_QUEUE = 50_000;
  static final int MAX_BATCH = 200;
  private static final Logger log = LoggerFactory.getLogger(LiveAppender.class);

  record Pending(String type, Long unitId, String payloadJson, Runnable then) {
  }

  private final LiveLog liveLog;
  private final String node;
  private final Supplier<OffsetDateTime> clock;
  private final Consumer<List<LiveMessage>> written;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean writing;

  LiveAppender(LiveLog liveLog, String node, Supplier<OffsetDateTime> clock, Consumer<List<LiveMessage>> written) {
    this.liveLog = liveLog;
    this.node = node;
    this.clock = clock;
    this.written = written;
  }

  /** Queues one message; {@code then} runs once it is written (or could not be). */
  void append(String type, Long unitId, JsonObject payload, Runnable then) {
    String payloadJson = payload.encode();
    synchronized (this) {
      if (queue.size() < MAX_QUEUE) {
        queue.add(new Pending(type, unitId, payloadJson, then));
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
    Future<List<LiveMessage>> appended;
    try {
      appended = liveLog.appendAll(clock.get(), node, batch);
    } catch (RuntimeException e) {
      appended = Future.failedFuture(e);
    }
    appended.onComplete(ar -> {
      if (ar.succeeded()) {
        try {
          written.accept(ar.result());
        } catch (RuntimeException e) {
          log.warn("Handing {} written messages to the feeds failed: {}", batch.size(), e.toString());
        }
      } else {
        log.warn("Live log append of {} messages failed: {}", batch.size(), ar.cause().toString());
      }
      batch.forEach(p -> p.then().run());
      writeNext();
    });
  }
}
