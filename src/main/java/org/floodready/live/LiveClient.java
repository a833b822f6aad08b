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
 * the socket cannot take yet waits in a bounded backlog. A burst can be larger than any backlog (a follower
 * that was held back hands over hundreds of rows at once), so a client whose backlog overflows is not
 * dropped but falls behind: its backlog is let go, and each time its socket drains it reads the next page
 * from the log (table live_events), up to the newest id the feed has handed it, then follows live again.
 * It misses nothing and holds no memory meanwhile. A client that takes nothing while the log moves on by a
 * further backlog's worth is not reading: it is disconnected (a browser reconnects with Last-Event-ID).
 * When the log no longer reaches back to where it is, the stream ends with {@code reconnect} ("resync"):
 * the browser reconnects and gets a fresh snapshot. Until the first message (snapshot or replay) is out,
 * live messages are held back in the same bounded way.
 */
public final class LiveClient {
  private static final Logger log = LoggerFactory.getLogger(LiveClient.class);
  private static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");
  private static final Buffer GOODBYE = goodbye("node_stopping");
  private static final Buffer CREDENTIALS_GONE = goodbye("credentials_revoked");
  private static final Buffer RESYNC = goodbye("resync");
  /** Rows read from the log per page while catching up. */
  static final int CATCH_UP_PAGE = 200;
  /**
   * Largest batch written as one chunk. The connection's write queue is checked between writes, so a big
   * catch-up batch goes message by message: one chunk can overshoot the queue's limit by its whole size.
   */
  public static final int MAX_CHUNK_BYTES = 32 * 1024;

  /** Bytes waiting for the socket, how many messages they hold and the id of the last. */
  private record Chunk(Buffer bytes, int messages, long lastId) {
  }

  private final HttpServerResponse response;
  private final HttpConnection connection;
  private final Context context;
  private final Scope scope;
  private final String user;
  private final long userId;
  private final Supplier<Future<?>> credentials;
  private final int maxBacklog;
  private final LiveLog liveLog;
  private final List<LiveMessage> heldBack = new ArrayList<>();
  private final ArrayDeque<Chunk> backlog = new ArrayDeque<>();
  private int backlogMessages;
  /** The newest id this client has been given (written, queued, or read back while behind). */
  private long lastId;
  /** The newest id handed to the socket. */
  private long writtenId;
  /** Catching up from the log instead of from the feed. */
  private boolean behind;
  /** While behind: the newest id the feed has handed over, and how many of its messages came since the last drain. */
  private long seenId;
  private int skippedSinceDrain;
  private boolean fetching;
  private boolean started;
  private boolean closed;

  LiveClient(HttpServerResponse response, HttpConnection connection, Context context, Scope scope, CurrentUser user,
      Supplier<Future<?>> credentials, int maxBacklog, LiveLog liveLog) {
    this.response = response;
    this.connection = connection;
    this.context = context;
    this.scope = scope;
    this.user = user.username();
    this.userId = user.id();
    this.credentials = credentials;
    this.maxBacklog = maxBacklog;
    this.liveLog = liveLog;
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
      if (behind) {
        seenId = Math.max(seenId, batch.get(batch.size() - 1).id());
        return;
      }
      for (LiveMessage m : batch) {
        if (scope.allows(m.unitId())) {
          heldBack.add(m);
        }
      }
      if (heldBack.size() > maxBacklog) {
        // more than a backlog before the first message is out: read them from the log after it
        seenId = heldBack.get(heldBack.size() - 1).id();
        heldBack.clear();
        behind = true;
      }
      return;
    }
    if (behind) {
      skip(batch);
      return;
    }
    send(batch, frames);
  }

  /** Behind: the batch is read from the log later; a client that took nothing for a backlog's worth goes. */
  private void skip(List<LiveMessage> batch) {
    seenId = Math.max(seenId, batch.get(batch.size() - 1).id());
    for (LiveMessage m : batch) {
      if (wants(m)) {
        skippedSinceDrain++;
      }
    }
    if (skippedSinceDrain > maxBacklog) {
      drop();
    }
  }

  /** On the client's context. */
  void heartbeat() {
    if (started && !closed && !behind) {
      write(HEARTBEAT, 1, lastId);
    }
  }

  /** Writes the first chunk (snapshot or replay), then what arrived meanwhile. On the client's context. */
  void start(Buffer first, long firstId) {
    if (closed) {
      return;
    }
    lastId = firstId;
    writtenId = firstId;
    started = true;
    if (first.length() > 0) {
      response.write(first);
    }
    if (behind) {
      catchUp();
      return;
    }
    List<LiveMessage> held = new ArrayList<>(heldBack);
    heldBack.clear();
    send(held, null);
  }

  /**
   * Starts a client that reconnected after {@code lastEventId}: what it missed up to {@code upTo} is read from
   * the log page by page as its socket takes it (as for a client that fell behind), not built into one
   * buffer per client. On the client's context.
   */
  void startAfter(long lastEventId, long upTo) {
    if (!heldBack.isEmpty()) {
      seenId = Math.max(seenId, heldBack.get(heldBack.size() - 1).id());
      heldBack.clear();
    }
    seenId = Math.max(seenId, upTo);
    behind = true;
    start(Buffer.buffer(), lastEventId);
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

  /** Ended or dropped: the feed forgets it. */
  boolean isClosed() {
    return closed;
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
      write(frames, wanted, lastId);
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
      write(frames(mine), wanted, lastId);
    } else {
      mine.forEach(m -> write(m.frame(), 1, m.id()));
    }
  }

  private boolean wants(LiveMessage m) {
    return m.id() > lastId && scope.allows(m.unitId());
  }

  /** Writes or queues {@code chunk}, whose last message has id {@code upTo}. */
  private void write(Buffer chunk, int messages, long upTo) {
    if (closed || behind) {
      return;
    }
    if (!backlog.isEmpty() || response.writeQueueFull()) {
      backlog.add(new Chunk(chunk, messages, upTo));
      backlogMessages += messages;
      if (backlogMessages > maxBacklog) {
        fallBehind();
      }
      return;
    }
    response.write(chunk);
    writtenId = upTo;
  }

  private void drain() {
    if (behind) {
      skippedSinceDrain = 0;
      catchUp();
      return;
    }
    while (!closed && !backlog.isEmpty() && !response.writeQueueFull()) {
      Chunk next = backlog.poll();
      backlogMessages -= next.messages();
      response.write(next.bytes());
      writtenId = next.lastId();
    }
  }

  /** The backlog overflowed: let it go and read on from the log after what the socket already has. */
  private void fallBehind() {
    log.info("Live client {} is {} messages behind: catching up from the log", user, backlogMessages);
    seenId = Math.max(seenId, lastId);
    lastId = writtenId;
    backlog.clear();
    backlogMessages = 0;
    skippedSinceDrain = 0;
    behind = true;
  }

  /** Writes the next page of the log up to {@code seenId}, while the socket takes it; then follows live again. */
  private void catchUp() {
    if (closed || !behind || fetching || response.writeQueueFull()) {
      return;
    }
    skippedSinceDrain = 0; // the socket took what was written
    if (lastId >= seenId) {
      behind = false;
      return;
    }
    fetching = true;
    long from = lastId;
    liveLog.since(from, CATCH_UP_PAGE)
        .onComplete(ar -> context.runOnContext(v -> {
          if (ar.failed()) {
            log.info("Live client {} could not read the log to catch up ({}): resync", user, ar.cause().toString());
          }
          caughtUp(from, ar.succeeded() ? ar.result() : null);
        }));
  }

  /** A page read back from the log after {@code from}; null when the log no longer reaches back there or failed. */
  private void caughtUp(long from, List<LiveMessage> rows) {
    fetching = false;
    if (closed) {
      return;
    }
    if (rows == null) {
      log.info("Live client {} catches up no further from id {}: resync", user, from);
      end(RESYNC);
      return;
    }
    long upTo = from;
    List<LiveMessage> mine = new ArrayList<>(rows.size());
    for (LiveMessage m : rows) {
      if (m.id() > seenId) {
        break; // the feed has not handed it over yet: it may wait behind a gap
      }
      upTo = m.id();
      if (scope.allows(m.unitId())) {
        mine.add(m);
      }
    }
    if (upTo == from) {
      upTo = seenId; // nothing left in the log up to seenId: the rest rolled back
    }
    if (!mine.isEmpty()) {
      response.write(frames(mine));
    }
    lastId = upTo;
    writtenId = upTo;
    catchUp();
  }

  private void drop() {
    if (!closed) {
      log.info("Live client {} takes nothing ({} messages since it last did): disconnecting it", user,
          skippedSinceDrain);
      closed = true;
      backlog.clear();
      backlogMessages = 0;
      heldBack.clear();
      connection.close();
    }
  }
}
