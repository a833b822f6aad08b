package org.floodready.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.floodready.access.TokenService;
import org.floodready.app.AppContext;
import org.floodready.events.DomainEvents;
import org.floodready.events.LogFollower;
import org.floodready.events.LoggedEvent;

/**
 * The SSE push of one node: its clients, grouped by the event loop they write on, and the batches of the
 * event log the node's {@link LogFollower} hands over (in id order), each batch fanned out with one task per
 * loop, not per client. Its cursor is the last id handed to the clients: a client registered at it gets
 * every later message.
 */
public final class LiveFeed extends VerticleBase {
  private static final Map<Vertx, LiveFeed> FEEDS = new ConcurrentHashMap<>();

  static final long HEARTBEAT_MS = 15_000;
  static final long RECHECK_MS = 60_000;

  private final LiveLog liveLog;
  private final TokenService tokens;
  private final DomainEvents events;
  private final Map<Context, Set<LiveClient>> clientsByLoop = new ConcurrentHashMap<>();
  private long cursor;

  public LiveFeed(LiveLog liveLog, TokenService tokens, DomainEvents events) {
    this.liveLog = liveLog;
    this.tokens = tokens;
    this.events = events;
  }

  /** Deploys the node's feed, which the HTTP verticles of the node then find by their Vert.x instance. */
  public static Future<LiveFeed> start(AppContext app) {
    LiveFeed feed = new LiveFeed(new LiveLog(app.pool()), app.tokens(), app.events());
    return app.vertx().deployVerticle(feed).map(id -> {
      FEEDS.put(app.vertx(), feed);
      return feed;
    });
  }

  static LiveFeed of(Vertx vertx) {
    LiveFeed feed = FEEDS.get(vertx);
    if (feed == null) {
      throw new IllegalStateException("the live feed is not started on this node");
    }
    return feed;
  }

  LiveLog log() {
    return liveLog;
  }

  @Override
  public Future<?> stop() {
    FEEDS.remove(vertx, this);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> start() {
    return liveLog.newestId().map(newest -> {
      cursor = newest;
      liveLog.startAt(newest);
      vertx.setPeriodic(HEARTBEAT_MS, id -> clientsByLoop.forEach((loop, clients) ->
          loop.runOnContext(v -> clients.forEach(LiveClient::heartbeat))));
      vertx.setPeriodic(RECHECK_MS, id -> recheck(client -> true)); // tokens that expired while streaming
      tokens.onRevoke(userId -> recheck(client -> client.userId() == userId));
      events.follow(batch -> context.runOnContext(v -> take(batch)));
      return newest;
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

  /** The follower's batch: what follows the cursor goes to the clients (a late row of a slow write does not). */
  private void take(List<LoggedEvent> batch) {
    List<LiveMessage> fresh = new ArrayList<>(batch.size());
    for (LoggedEvent e : batch) {
      if (e.id() > cursor) {
        cursor = e.id();
        fresh.add(new LiveMessage(e.id(), e.type(), e.unitId(), e.payloadJson()));
      }
    }
    if (!fresh.isEmpty()) {
      liveLog.handedOver(fresh); // before the clients see them: one catching up reads no further than they got
      fanOut(fresh);
    }
  }

  private void fanOut(List<LiveMessage> batch) {
    List<LiveMessage> messages = List.copyOf(batch);
    Buffer frames = LiveClient.sharedFrames(messages);
    clientsByLoop.forEach((loop, clients) -> {
      if (!clients.isEmpty()) {
        loop.runOnContext(v -> {
          clients.forEach(c -> c.deliver(messages, frames));
          clients.removeIf(LiveClient::isClosed);
        });
      }
    });
  }
}
