package org.floodready.live;

import org.floodready.readiness.ReadinessNode;
import org.floodready.access.Scope;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicReference;
import org.floodready.app.AppContext;
import org.floodready.auth.AuthHandler;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;

/**
 * {@code GET /api/live}: Server-Sent Events. First message {@code snapshot} (the readiness JSON), then
 * {@code readiness} (one unit's entry), {@code alert} and other domain events, each with the live log's
 * id. With {@code Last-Event-ID} (header, or the {@code lastEventId} parameter) the missed messages are
 * replayed from the log instead; when the log no longer reaches back that far, a fresh snapshot is sent.
 */
public final class LiveRoutes {
  /** Messages a client may have waiting before it is dropped. */
  static final int MAX_BACKLOG = 1000;
  /** Longest replay; a client further behind gets a snapshot. */
  static final int MAX_REPLAY = 5000;

  /** How long a finished snapshot frame is handed to further callers at the same cursor. */
  static final long SHARE_SNAPSHOT_NANOS = 1_000_000_000L;

  private record SharedSnapshot(long cursor, long startedAt, Future<Buffer> frame) {
  }

  private final AppContext app;
  private final AtomicReference<SharedSnapshot> shared = new AtomicReference<>();

  public LiveRoutes(AppContext app) {
    this.app = app;
  }

  public void mount(Router api) {
    api.get("/live").handler(this::streamLive);
  }

  private void streamLive(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    Long lastEventId = lastEventId(ctx);
    ReadinessNode node = ReadinessNode.of(app.vertx());
    LiveFeed feed = LiveFeed.of(app.vertx());
    Context context = app.vertx().getOrCreateContext();
    node.scopes().of(user).onSuccess(scope -> {
      HttpServerResponse response = ctx.response()
          .putHeader("Content-Type", "text/event-stream; charset=utf-8")
          .putHeader("Cache-Control", "no-cache")
          .putHeader("Content-Encoding", "identity") // never compress: it would hold messages back
          .putHeader("X-Accel-Buffering", "no")
          .setChunked(true);
      response.setWriteQueueMaxSize(256 * 1024);
      String token = ctx.get(AuthHandler.TOKEN);
      LiveClient client = new LiveClient(response, ctx.request().connection(), context, scope, user,
          () -> token == null ? Future.succeededFuture() : app.tokens().verify(token), MAX_BACKLOG, feed.log());
      response.closeHandler(v -> feed.unregister(client));
      ctx.request().connection().shutdownHandler(v -> {
        client.goodbye(); // the node is stopping: the browser reconnects, to another node behind the balancer
        feed.unregister(client);
      });
      response.write("retry: 2000\n\n");
      feed.register(client)
          .compose(cursor -> firstMessage(node, feed.log(), scope, lastEventId, cursor))
          .onSuccess(first -> context.runOnContext(v -> {
            if (first.replayTo() >= 0) {
              client.startAfter(first.lastId(), first.replayTo());
            } else {
              client.start(first.frames(), first.lastId());
            }
          }))
          .onFailure(e -> {
            feed.unregister(client);
            response.reset();
          });
    }).onFailure(ctx::fail);
  }

  /**
   * The first message's frames and the id they reach; for a reconnect that replays, no frames, the id to
   * replay after and {@code replayTo} the cursor to replay up to (else -1).
   */
  private record First(Buffer frames, long lastId, long replayTo) {
    First(Buffer frames, long lastId) {
      this(frames, lastId, -1);
    }
  }

  private Future<First> firstMessage(ReadinessNode node, LiveLog log, Scope scope, Long lastEventId, long cursor) {
    if (lastEventId == null) {
      return snapshot(node, scope, cursor);
    }
    if (lastEventId >= cursor) {
      return Future.succeededFuture(new First(Buffer.buffer(), lastEventId));
    }
    if (cursor - lastEventId > MAX_REPLAY) {
      return snapshot(node, scope, cursor);
    }
    // the client reads what it missed as its socket takes it (LiveClient.startAfter)
    return log.reaches(lastEventId).compose(reaches -> reaches
        ? Future.succeededFuture(new First(Buffer.buffer(), lastEventId, cursor))
        : snapshot(node, scope, cursor));
  }

  /**
   * Callers who see everything share one snapshot frame per cursor while it is being built and for a
   * moment after, so a thousand streams opening together cost one snapshot, not a thousand. It holds every
   * change up to the cursor (it was started after the cursor was read); later ones follow as messages.
   */
  private Future<First> snapshot(ReadinessNode node, Scope scope, long cursor) {
    if (!scope.everything()) {
      return snapshotFrame(node, scope, cursor).map(frame -> new First(frame, cursor));
    }
    long now = System.nanoTime();
    SharedSnapshot s = shared.get();
    if (s == null || s.cursor() != cursor || s.frame().failed()
        || (s.frame().isComplete() && now - s.startedAt() > SHARE_SNAPSHOT_NANOS)) {
      s = new SharedSnapshot(cursor, now, snapshotFrame(node, scope, cursor));
      shared.set(s);
    }
    return s.frame().map(frame -> new First(frame, cursor));
  }

  private static Future<Buffer> snapshotFrame(ReadinessNode node, Scope scope, long cursor) {
    return node.service().snapshot(scope).map(json -> new LiveMessage(cursor, "snapshot", null, json).frame());
  }

  private static Long lastEventId(RoutingContext ctx) {
    String raw = ctx.request().getHeader("Last-Event-ID");
    if (raw == null || raw.isBlank()) {
      raw = ctx.request().getParam("lastEventId");
    }
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(raw.trim());
      if (id < 0) {
        throw ApiError.invalid("Last-Event-ID", "must be a non-negative event id");
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiError.invalid("Last-Event-ID", "must be a non-negative event id");
    }
  }
}
