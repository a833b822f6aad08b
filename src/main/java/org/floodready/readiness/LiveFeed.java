package org.floodready.readiness;

import java.util.function.Predicate;
import org.floodready.auth.TokenService;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's reader of the live log: on every nudge (published on the clustered event bus after a row is
 * appended, by whichever node appended it) and once a second, it reads the rows after its cursor and
 * hands them, in id order, to this node's SSE clients. Rows this node appended itself are handed over
 * directly when they follow the cursor without a gap, so they need not be read back. A missing id (a row
 * still being inserted) is waited for up to {@link #GAP_WAIT_MS} so clients see ids in order, then skipped.
 * Clients are grouped by the event loop they write on: each batch costs one task per loop, not per client.
 */
public final class LiveFeed extends VerticleBase {
  public static final String NUDGE_ADDRESS = "floodready.live";
  static final long GAP_WAIT_MS = 2000;
  static final long POLL_MS = 1000;
  static final long HEARTBEAT_MS = 15_000;
  static final long RECHECK_MS = 60_000;
  static final int READ_LIMIT = 500;
  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

  private final LiveLog liveLog;
  private final TokenService tokens;
  private final Map<Context, Set<LiveClient>> clientsByLoop = new ConcurrentHashMap<>();
  private long cursor;
  private long gapSince;
  private boolean reading;
  private boolean again;

  public LiveFeed(LiveLog liveLog, TokenService tokens) {
    this.liveLog = liveLog;
    this.tokens = tokens;
  }

  @Override
  public Future<?> start() {
    return liveLog.newestId().compose(newest -> {
      cursor = newest;
      vertx.setPeriodic(POLL_MS, id -> poll());
      vertx.setPeriodic(HEARTBEAT_MS, id -> clientsByLoop.forEach((loop, clients) ->
          loop.runOnContext(v -> clients.forEach(LiveClient::heartbeat))));
      vertx.setPeriodic(RECHECK_MS, id -> recheck(client -> true)); // tokens that expired while streaming
      tokens.onRevoke(userId -> recheck(client -> client.userId() == userId));
      return vertx.eventBus().<Long>consumer(NUDGE_ADDRESS, m -> {
        if (m.body() == null || m.body() > cursor) {
          poll();
        }
      }).completion();
    });
  }

  /** Adds a client; answers the id the client's first message stands for (messages after it follow). */
  Future<Long> register(LiveClient client) {
    Promise<Long> p = Promise.promise();
    context.runOnContext(v -> {
      clientsByLoop.computeIfAbsent(client.context(), loop -> ConcurrentHashMap.newKeySet()).add(client);
      p.complete(cursor);
    });
    return p.future();
  }

  /** Ends, each on its own loop, the chosen streams whose caller's token no longer holds. */
  private void recheck(Predicate<LiveClient> which) {
    clientsByLoop.forEach((loop, clients) -> loop.runOnContext(v -> clients.stream().filter(which).toList()
        .forEach(client -> client.recheck().onFailure(gone -> unregister(client)))));
  }

  void unregister(LiveClient client) {
    client.markClosed();
    Set<LiveClient> clients = clientsByLoop.get(client.context());
    if (clients != null) {
      clients.remove(client);
    }
  }

  /** From any thread: messages this node has just appended, in id order. */
  void written(List<LiveMessage> messages) {
    context.runOnContext(v -> takeWritten(messages));
  }

  private void takeWritten(List<LiveMessage> messages) {
    if (reading) {
      again = true; // the read in flight may have started before they committed: read once more after it
      return;
    }
    List<LiveMessage> fresh = new ArrayList<>(messages.size());
    long expected = cursor + 1;
    for (LiveMessage m : messages) {
      if (m.id() > cursor) {
        if (m.id() != expected) {
          poll(); // another node's row lies between: the log has the order
          return;
        }
        fresh.add(m);
        expected++;
      }
    }
    if (!fresh.isEmpty()) {
      boolean rowsBeyondAGap = gapSince != 0;
      dispatch(fresh);
      if (rowsBeyondAGap) {
        poll(); // these filled the gap a read stopped at: the rows it saw after it are due now
      }
    }
  }

  private void poll() {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    again = false;
    liveLog.after(cursor, READ_LIMIT).onComplete(ar -> {
      reading = false;
      if (ar.failed()) {
        log.debug("Live log read failed: {}", ar.cause().toString());
        return;
      }
      int delivered = dispatch(ar.result());
      if (again || delivered == READ_LIMIT) {
        poll();
      }
    });
  }

  /** Delivers the rows that follow the cursor in order; answers how many. */
  private int dispatch(List<LiveMessage> rows) {
    List<LiveMessage> batch = new ArrayList<>(rows.size());
    for (LiveMessage m : rows) {
      if (m.id() <= cursor) {
        continue;
      }
      if (m.id() != cursor + 1) {
        long now = System.currentTimeMillis();
        if (gapSince == 0) {
          gapSince = now;
        }
        if (now - gapSince < GAP_WAIT_MS) {
          break;
        }
      }
      gapSince = 0;
      cursor = m.id();
      batch.add(m);
    }
    if (!batch.isEmpty()) {
      fanOut(batch);
    }
    return batch.size();
  }

  private void fanOut(List<LiveMessage> batch) {
    List<LiveMessage> messages = List.copyOf(batch);
    Buffer frames = LiveClient.sharedFrames(messages);
    clientsByLoop.forEach((loop, clients) -> {
      if (!clients.isEmpty()) {
        loop.runOnContext(v -> clients.forEach(c -> c.deliver(messages, frames)));
      }
    });
  }
}
