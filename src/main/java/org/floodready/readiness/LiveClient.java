package org.floodready.readiness;

import io.vertx.core.Context;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE connection. Messages are written on the connection's own event loop; what the socket cannot
 * take yet waits in a bounded backlog, and a client whose backlog overflows is disconnected (its
 * browser reconnects with Last-Event-ID and catches up from the log). Until the first message
 * (snapshot or replay) is out, live messages are held back in the same bounded way.
 */
final class LiveClient {
  private static final Logger log = LoggerFactory.getLogger(LiveClient.class);

  private final HttpServerResponse response;
  private final HttpConnection connection;
  private final Context context;
  private final Scope scope;
  private final String user;
  private final int maxBacklog;
  private final List<LiveMessage> heldBack = new ArrayList<>();
  private final ArrayDeque<String> backlog = new ArrayDeque<>();
  private long lastId;
  private boolean started;
  private boolean closed;

  LiveClient(HttpServerResponse response, HttpConnection connection, Context context, Scope scope, String user,
      int maxBacklog) {
    this.response = response;
    this.connection = connection;
    this.context = context;
    this.scope = scope;
    this.user = user;
    this.maxBacklog = maxBacklog;
    response.drainHandler(v -> drain());
  }

  Scope scope() {
    return scope;
  }

  /** From any thread: hands a live message to the connection's event loop. */
  void deliver(LiveMessage m) {
    context.runOnContext(v -> onMessage(m));
  }

  void heartbeat() {
    context.runOnContext(v -> {
      if (started && !closed) {
        write(": heartbeat\n\n");
      }
    });
  }

  /** Writes the first chunk (snapshot or replay), then what arrived meanwhile. On the client's context. */
  void start(String first, long firstId) {
    if (closed) {
      return;
    }
    lastId = firstId;
    started = true;
    write(first);
    List<LiveMessage> held = new ArrayList<>(heldBack);
    heldBack.clear();
    held.forEach(this::send);
  }

  void markClosed() {
    closed = true;
  }

  private void onMessage(LiveMessage m) {
    if (closed || !scope.allows(m.unitId())) {
      return;
    }
    if (!started) {
      heldBack.add(m);
      if (heldBack.size() > maxBacklog) {
        drop();
      }
      return;
    }
    send(m);
  }

  private void send(LiveMessage m) {
    if (m.id() <= lastId) {
      return;
    }
    lastId = m.id();
    write(m.toSse());
  }

  private void write(String chunk) {
    if (closed) {
      return;
    }
    if (!backlog.isEmpty() || response.writeQueueFull()) {
      backlog.add(chunk);
      if (backlog.size() > maxBacklog) {
        drop();
      }
      return;
    }
    response.write(chunk);
  }

  private void drain() {
    while (!closed && !backlog.isEmpty() && !response.writeQueueFull()) {
      response.write(backlog.poll());
    }
  }

  private void drop() {
    if (!closed) {
      log.info("Live client {} is too slow ({} messages waiting): disconnecting it", user, backlog.size() + heldBack.size());
      closed = true;
      backlog.clear();
      heldBack.clear();
      connection.close();
    }
  }
}
