package org.floodready.live;

import org.floodready.access.Scope;

import io.vertx.core.Future;
import java.util.function.Supplier;
import org.floodready.access.CurrentUser;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE connection. Messages are written on the connection's own event loop, a batch as one chunk; what
 * the socket cannot take yet waits in a bounded backlog, and a client whose backlog overflows is
 * disconnected (its browser reconnects with Last-Event-ID and catches up from the log). Until the first
 * message (snapshot or replay) is out, live messages are held back in the same bounded way.
 */
public final class LiveClient {
  private static final Logger log = LoggerFactory.getLogger(LiveClient.class);
  private static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");
  private static final Buffer GOODBYE = goodbye("node_stopping");
  private static final Buffer CREDENTIALS_GONE = goodbye("credentials_revoked");
  /**
   * Largest batch written as one chunk. The connection's write queue is checked between writes, so a big
   * catch-up batch goes message by message: one chunk can overshoot the queue's limit by its whole size.
   */
  public static final int MAX_CHUNK_BYTES = 32 * 1024;

  /** Bytes waiting for the socket, and how many messages they hold. */
  private record Chunk(Buffer bytes, int messages) {
  }

  private final HttpServerResponse response;
  private final HttpConnection connection;
  private final Context context;
  private final Scope scope;
  private final String user;
  private final long userId;
  private final Supplier<Future<?>> credentials;
  private final int maxBacklog;
  private final List<LiveMessage> heldBack = new ArrayList<>();
  private final ArrayDeque<Chunk> backlog = new ArrayDeque<>();
  private int backlogMessages;
  private long lastId;
  private boolean started;
  private boolean closed;

  LiveClient(HttpServerResponse response, HttpConnection connection, Context context, Scope scope, CurrentUser user,
      Supplier<Future<?>> credentials, int maxBacklog) {
    this.response = response;
    this.connection = connection;
    this.context = context;
    this.scope = scope;
    this.user = user.username();
    this.userId = user.id();
    this.credentials = credentials;
    this.maxBacklog = maxBacklog;
    response.drainHandler(v -> drain());
  }

  /** The frames of the batch as one buffer for every client to share, or null when it is too big for one chunk. */
  public static Buffer sharedFrames(List<LiveMessage> batch) {
    long length = 0;
    for (LiveMessage m : batch) {
      length += m.frame().length();
    }
    return length <= MAX_CHUNK_BYTES ? frames(batch) : null;
  }

  /** The frames of the messages, in order, as one buffer. */
  public static Buffer frames(List<LiveMessage> messages) {
    if (messages.size() == 1) {
      return messages.get(0).frame();
    }
    int length = 0;
    for (LiveMessage m : messages) {
      length += m.frame().length();
    }
    Buffer all = Buffer.buffer(length);
    for (LiveMessage m : messages) {
      all.appendBuffer(m.frame());
    }
    return all;
  }

  Scope scope() {
    return scope;
  }

  /** The event loop this client is written on. */
  Context context() {
    return context;
  }

  /**
   * On the client's context: a batch of live messages in id order, with {@code frames} their frames as one
   * buffer (shared by every client that gets the whole batch), or null.
   */
  void deliver(List<LiveMessage> batch, Buffer frames) {
    if (closed) {
      return;
    }
    if (!started) {
      for (LiveMessage m : batch) {
        if (scope.allows(m.unitId())) {
          heldBack.add(m);
        }
      }
      if (heldBack.size() > maxBacklog) {
        drop();
      }
      return;
    }
    send(batch, frames);
  }

  /** On the client's context. */
  void heartbeat() {
    if (started && !closed) {
      write(HEARTBEAT, 1);
    }
  }

  /** Writes the first chunk (snapshot or replay), then what arrived meanwhile. On the client's context. */
  void start(Buffer first, long firstId) {
    if (closed) {
      return;
    }
    lastId = firstId;
    started = true;
    if (first.length() > 0) {
      write(first, 1);
    }
    List<LiveMessage> held = new ArrayList<>(heldBack);
    heldBack.clear();
    send(held, null);
  }

  /** The node is stopping: asks the browser to reconnect in a second (EventSource does so itself) and ends. */
  void goodbye() {
    end(GOODBYE);
  }

  long userId() {
    return userId;
  }

  /**
   * Checks the caller's token again (revoked, expired) and, when it no longer holds, ends the stream: the browser
   * reconnects and is refused, so a disabled user's open board stops. On the client's context.
   */
  Future<Void> recheck() {
    return closed ? Future.succeededFuture() : credentials.get().<Void>mapEmpty().recover(gone -> {
      end(CREDENTIALS_GONE);
      return Future.failedFuture(gone);
    });
  }

  private void end(Buffer last) {
    if (!closed) {
      closed = true;
      backlog.clear();
      response.end(last);
    }
  }

  private static Buffer goodbye(String reason) {
    return Buffer.buffer("retry: 1000\nevent: reconnect\ndata: {\"reason\":\"" + reason + "\"}\n\n");
  }

  void markClosed() {
    closed = true;
  }

  /** Writes those of the batch this client has not had yet and may see, as one chunk. */
  private void send(List<LiveMessage> batch, Buffer frames) {
    int wanted = 0;
    for (LiveMessage m : batch) {
      if (wants(m)) {
        wanted++;
      }
    }
    if (wanted == 0) {
      return;
    }
    if (wanted == batch.size() && frames != null && frames.length() <= MAX_CHUNK_BYTES) {
      lastId = batch.get(batch.size() - 1).id();
      write(frames, wanted);
      return;
    }
    List<LiveMessage> mine = new ArrayList<>(wanted);
    int bytes = 0;
    for (LiveMessage m : batch) {
      if (wants(m)) {
        mine.add(m);
        bytes += m.frame().length();
      }
    }
    lastId = mine.get(mine.size() - 1).id();
    if (bytes <= MAX_CHUNK_BYTES) {
      write(frames(mine), wanted);
    } else {
      mine.forEach(m -> write(m.frame(), 1));
    }
  }

  private boolean wants(LiveMessage m) {
    return m.id() > lastId && scope.allows(m.unitId());
  }

  private void write(Buffer chunk, int messages) {
    if (closed) {
      return;
    }
    if (!backlog.isEmpty() || response.writeQueueFull()) {
      backlog.add(new Chunk(chunk, messages));
      backlogMessages += messages;
      if (backlogMessages > maxBacklog) {
        drop();
      }
      return;
    }
    response.write(chunk);
  }

  private void drain() {
    while (!closed && !backlog.isEmpty() && !response.writeQueueFull()) {
      Chunk next = backlog.poll();
      backlogMessages -= next.messages();
      response.write(next.bytes());
    }
  }

  private void drop() {
    if (!closed) {
      log.info("Live client {} is too slow ({} messages waiting): disconnecting it", user,
          backlogMessages + heldBack.size());
      closed = true;
      backlog.clear();
      backlogMessages = 0;
      heldBack.clear();
      connection.close();
    }
  }
}
