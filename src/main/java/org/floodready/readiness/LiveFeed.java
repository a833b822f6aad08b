package org.floodready.readiness;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's reader of the live log: on every nudge (published on the clustered event bus after a row is
 * appended, by whichever node appended it) and once a second, it reads the rows after its cursor and
 * hands them, in id order, to this node's SSE clients. A missing id (a row still being inserted) is
 * waited for up to {@link #GAP_WAIT_MS} so clients see ids in order, then skipped.
 */
public final class LiveFeed extends VerticleBase {
  public static final String NUDGE_ADDRESS = "floodready.live";
  static final long GAP_WAIT_MS = 2000;
  static final long POLL_MS = 1000;
  static final long HEARTBEAT_MS = 15_000;
  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

  private final LiveLog liveLog;
  private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
  private long cursor;
  private long gapSince;
  private boolean reading;
  private boolean again;

  public LiveFeed(LiveLog liveLog) {
    this.liveLog = liveLog;
  }

  @Override
  public Future<?> start() {
    return liveLog.newestId().compose(newest -> {
      cursor = newest;
      vertx.setPeriodic(POLL_MS, id -> poll());
      vertx.setPeriodic(HEARTBEAT_MS, id -> clients.forEach(LiveClient::heartbeat));
      return vertx.eventBus().<Long>consumer(NUDGE_ADDRESS, m -> poll()).completion();
    });
  }

  /** Adds a client; answers the id the client's first message stands for (messages after it follow). */
  Future<Long> register(LiveClient client) {
    Promise<Long> p = Promise.promise();
    context.runOnContext(v -> {
      clients.add(client);
      p.complete(cursor);
    });
    return p.future();
  }

  void unregister(LiveClient client) {
    client.markClosed();
    clients.remove(client);
  }

  private void poll() {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    again = false;
    liveLog.after(cursor, 500).onComplete(ar -> {
      reading = false;
      if (ar.failed()) {
        log.debug("Live log read failed: {}", ar.cause().toString());
        return;
      }
      int delivered = dispatch(ar.result());
      if (again || delivered == 500) {
        poll();
      }
    });
  }

  private int dispatch(List<LiveMessage> rows) {
    int delivered = 0;
    for (LiveMessage m : rows) {
      if (m.id() != cursor + 1) {
        long now = System.currentTimeMillis();
        if (gapSince == 0) {
          gapSince = now;
        }
        if (now - gapSince < GAP_WAIT_MS) {
          return delivered;
        }
      }
      gapSince = 0;
      cursor = m.id();
      clients.forEach(c -> c.deliver(m));
      delivered++;
    }
    return delivered;
  }
}
