package org.floodready.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N live-push streams ({@code GET /api/live}) held open through a load run, each keeping the ids of the
 * messages it received. A stream that ends or fails reconnects (to the next node, after a second) with
 * {@code Last-Event-ID}, as a browser's EventSource does, so the server replays what it missed. At the end,
 * {@link #missing} compares each stream's ids with the ids in the log.
 */
public final class SseStreams {
  /** One stream: the id it started after (its snapshot's), the ids since, and its reconnects. */
  static final class Stream {
    final int index;
    long firstId = -1;
    long lastId = -1;
    final BitSet seen = new BitSet();
    int reconnects;
    /** Attempts that failed before the stream had its first message (refused, timed out, not 200). */
    int openRetries;
    int snapshots;
    /** The start of the line being read: a message's id and event lines are short, its data is not kept. */
    private final byte[] line = new byte[LINE_KEPT];
    private int lineLength;
    private long messageId = -1;
    private boolean messageIsSnapshot;
    int node;

    Stream(int index) {
      this.index = index;
      this.node = index;
    }

    /**
     * Takes a chunk of the event stream, byte by byte: remembers every message's {@code id:} line. Only the
     * first bytes of a line are kept, so a snapshot of several hundred kB (the province's readiness) costs
     * nothing to hold, on thousands of streams at once.
     */
    synchronized void take(Buffer chunk) {
      for (int i = 0, n = chunk.length(); i < n; i++) {
        byte b = chunk.getByte(i);
        if (b == '\r') {
          continue;
        }
        if (b != '\n') {
          if (lineLength < LINE_KEPT) {
            line[lineLength] = b;
          }
          lineLength++;
          continue;
        }
        if (lineLength == 0) {
          endOfMessage();
        } else {
          String start = new String(line, 0, Math.min(lineLength, LINE_KEPT), StandardCharsets.UTF_8);
          if (start.startsWith("id:")) {
            messageId = Long.parseLong(start.substring(3).trim());
          } else if (start.startsWith("event:")) {
            messageIsSnapshot = start.substring(6).trim().equals("snapshot");
          }
        }
        lineLength = 0;
      }
    }

    private void endOfMessage() {
      long id = messageId;
      boolean snapshot = messageIsSnapshot;
      messageId = -1;
      messageIsSnapshot = false;
      if (id < 0) {
        return;
      }
      if (snapshot) {
        snapshots++;
        if (firstId < 0) {
          firstId = id;
        }
      } else if (firstId >= 0 && id > firstId) {
        seen.set((int) (id - firstId));
      }
      lastId = Math.max(lastId, id);
    }

    /** A new connection: whatever part of a message the old one left is dropped. */
    synchronized void reset() {
      lineLength = 0;
      messageId = -1;
      messageIsSnapshot = false;
    }
  }

  /** Bytes kept of each line: enough for "id: <long>" and "event: <name>". */
  static final int LINE_KEPT = 40;

  private final Vertx vertx;
  private final HttpClient client;
  private final List<URI> nodes;
  private final String token;
  private final List<Stream> streams = new ArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private volatile boolean closing;

  public SseStreams(Vertx vertx, HttpClient client, List<URI> nodes, String token) {
    this.vertx = vertx;
    this.client = client;
    this.nodes = nodes;
    this.token = token;
  }

  /** Opens {@code n} streams, spread over the nodes. */
  public void open(int n) {
    for (int i = 0; i < n; i++) {
      Stream s = new Stream(i);
      streams.add(s);
      connect(s);
    }
  }

  private void connect(Stream s) {
    if (closing) {
      return;
    }
    URI to = nodes.get(s.node % nodes.size());
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(to.getHost())
        .setPort(to.getPort()).setURI("/api/live").putHeader("Authorization", "Bearer " + token)
        .putHeader("Accept", "text/event-stream").setIdleTimeout(0);
    synchronized (s) {
      if (s.lastId >= 0) {
        options.putHeader("Last-Event-ID", Long.toString(s.lastId));
      }
    }
    client.request(options).compose(req -> req.send()).onSuccess(response -> {
      if (response.statusCode() != 200) {
        response.body().onComplete(x -> retry(s));
        return;
      }
      open.incrementAndGet();
      // A connection that breaks mid-stream (its node killed) ends in the exception handler, not the end
      // handler: either one closes this connection's turn, once.
      java.util.concurrent.atomic.AtomicBoolean over = new java.util.concurrent.atomic.AtomicBoolean();
      Runnable lost = () -> {
        if (over.compareAndSet(false, true)) {
          open.decrementAndGet();
          retry(s);
        }
      };
      response.handler(s::take);
      response.exceptionHandler(e -> lost.run());
      response.endHandler(v -> lost.run());
    }).onFailure(e -> retry(s));
  }

  private void retry(Stream s) {
    if (closing) {
      return;
    }
    synchronized (s) {
      if (s.firstId >= 0) {
        s.reconnects++;
      } else {
        s.openRetries++;
      }
      s.node++;
      s.reset();
    }
    vertx.setTimer(1000, t -> connect(s));
  }

  public int openNow() {
    return open.get();
  }

  public int size() {
    return streams.size();
  }

  /** The smallest id all streams have reached (−1 before every stream had its first message). */
  public long lowestLastId() {
    long low = Long.MAX_VALUE;
    for (Stream s : streams) {
      synchronized (s) {
        low = Math.min(low, s.lastId);
      }
    }
    return streams.isEmpty() ? -1 : low;
  }

  /** Streams that have had their first message (the snapshot). */
  public int lowestFirstIdCount() {
    int n = 0;
    for (Stream s : streams) {
      synchronized (s) {
        if (s.firstId >= 0) {
          n++;
        }
      }
    }
    return n;
  }

  public long lowestFirstId() {
    long low = Long.MAX_VALUE;
    for (Stream s : streams) {
      synchronized (s) {
        if (s.firstId >= 0) {
          low = Math.min(low, s.firstId);
        }
      }
    }
    return low == Long.MAX_VALUE ? -1 : low;
  }

  public void close() {
    closing = true;
  }

  /** Ids of {@code logIds} up to {@code upTo} that no stream which started before them received (at most 50). */
  public java.util.List<Long> missedByAll(long[] logIds, long upTo) {
    java.util.List<Long> out = new java.util.ArrayList<>();
    for (long id : logIds) {
      boolean expected = false;
      boolean got = false;
      for (Stream s : streams) {
        synchronized (s) {
          if (s.firstId >= 0 && id > s.firstId && id <= upTo) {
            expected = true;
            got |= s.seen.get((int) (id - s.firstId));
          }
        }
      }
      if (expected && !got && out.size() < 50) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Per stream, the ids of {@code logIds} (sorted) after its first snapshot and up to {@code upTo} it lacks;
   * answers {missing, streams missing some, reconnects after a first message, snapshots again, streams never
   * started, attempts that failed before a first message}.
   */
  public long[] missing(long[] logIds, long upTo) {
    long total = 0;
    long streamsMissing = 0;
    long reconnects = 0;
    long snapshotsAgain = 0;
    long neverStarted = 0;
    long openRetries = 0;
    for (Stream s : streams) {
      synchronized (s) {
        reconnects += s.reconnects;
        openRetries += s.openRetries;
        snapshotsAgain += Math.max(0, s.snapshots - 1);
        if (s.firstId < 0) {
          neverStarted++;
          continue;
        }
        long lacking = 0;
        for (long id : logIds) {
          if (id > s.firstId && id <= upTo && !s.seen.get((int) (id - s.firstId))) {
            lacking++;
          }
        }
        total += lacking;
        if (lacking > 0) {
          streamsMissing++;
        }
      }
    }
    return new long[] {total, streamsMissing, reconnects, snapshotsAgain, neverStarted, openRetries};
  }
}
