package org.floodready.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live push latency for scripts/bench: opens N SSE streams on GET /api/live, then posts stock
 * issues one after another at a steady rate and times, for every stream, how long after each write
 * its stock.changed event arrives. Latency counts from the write's acknowledged answer (commit done)
 * and, more pessimistically, from the moment the POST was sent. Only JDK classes, so it runs with
 * {@code java -cp target/test-classes org.floodready.bench.SseLatency base token clients events rate lotMin lotMax [event]}.
 * With an event name other than stock.changed (e.g. readiness), each write is instead timed to the first message
 * of that name on each stream after the write was sent (writes are paced so they do not overlap).
 * Prints one JSON line.
 *
 * <p>The streams are read by one thread on non-blocking sockets (plain HTTP/1.1, chunked transfer decoded
 * here), so on a small machine the client's own cost stays out of the latencies it measures: a message is
 * timed when the read that completed it returned.
 */
public final class SseLatency {
  private static final Pattern MOVEMENT_ID = Pattern.compile("\"movementId\"\\s*:\\s*(\\d+)");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

  private final int clients;
  private final String timedEvent;
  /** Arrival times (nanos) of timedEvent messages per stream, when it is not stock.changed. */
  private final List<List<Long>> arrivals = new ArrayList<>();
  private final CountDownLatch snapshots;
  private final AtomicInteger dropped = new AtomicInteger();
  /** movement id → receipt time (nanos) per stream; 0 = not (yet) received. */
  private final Map<Long, AtomicLongArray> receipts = new ConcurrentHashMap<>();

  private SseLatency(int clients, String timedEvent) {
    this.clients = clients;
    this.timedEvent = timedEvent;
    for (int i = 0; i < clients; i++) {
      arrivals.add(Collections.synchronizedList(new ArrayList<>()));
    }
    this.snapshots = new CountDownLatch(clients);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 7 && args.length != 8) {
      System.err.println("usage: SseLatency baseUrl token clients events ratePerSecond lotMin lotMax [event]");
      System.exit(2);
    }
    String base = args[0];
    String token = args[1];
    int clients = Integer.parseInt(args[2]);
    int events = Integer.parseInt(args[3]);
    double rate = Double.parseDouble(args[4]);
    long lotMin = Long.parseLong(args[5]);
    long lotMax = Long.parseLong(args[6]);
    String event = args.length == 8 ? args[7] : "stock.changed";
    System.out.println(new SseLatency(clients, event).run(base, token, events, rate, lotMin, lotMax));
    System.exit(0);
  }

  private String run(String base, String token, int events, double rate, long lotMin, long lotMax)
      throws Exception {
    long connectStart = System.nanoTime();
    Thread reader = new Thread(new Streams(URI.create(base), token), "sse-streams");
    reader.setDaemon(true);
    reader.start();
    boolean allConnected = snapshots.await(120, TimeUnit.SECONDS);
    long connected = clients - snapshots.getCount();
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;

    HttpClient writer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<Long, long[]> sent = new ConcurrentHashMap<>();
    long gapNanos = (long) (1e9 / rate);
    long next = System.nanoTime();
    int failedWrites = 0;
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int n = 0; n < events; n++) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      next += gapNanos;
      long lot = ThreadLocalRandom.current().nextLong(lotMin, lotMax + 1);
      HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/lots/" + lot + "/issues"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .header("Idempotency-Key", "sse-" + run + "-" + n)
          .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1,\"recipientType\":\"person\",\"recipient\":\"sse\"}"))
          .build();
      long sendAt = System.nanoTime();
      HttpResponse<String> answer = writer.send(post, HttpResponse.BodyHandlers.ofString());
      long ackAt = System.nanoTime();
      Matcher m = ID.matcher(answer.body());
      if (answer.statusCode() != 201 || !m.find()) {
        failedWrites++;
        continue;
      }
      long id = Long.parseLong(m.group(1));
      sent.put(id, new long[] {sendAt, ackAt});
      receipts.computeIfAbsent(id, k -> new AtomicLongArray(clients));
    }
    if (!timedEvent.equals("stock.changed")) {
      TimeUnit.SECONDS.sleep(3);
      matchByTime(sent);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timedEvent.equals("stock.changed") ? 15 : 0);
    while (missing(sent) > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
    List<Long> fromAck = new ArrayList<>();
    List<Long> fromSend = new ArrayList<>();
    for (Map.Entry<Long, long[]> e : sent.entrySet()) {
      AtomicLongArray got = receipts.get(e.getKey());
      for (int c = 0; c < clients; c++) {
        long at = got.get(c);
        if (at != 0) {
          fromSend.add(at - e.getValue()[0]);
          fromAck.add(Math.max(0, at - e.getValue()[1]));
        }
      }
    }
    Percentiles ack = new Percentiles(fromAck.stream().mapToLong(Long::longValue).toArray());
    Percentiles send = new Percentiles(fromSend.stream().mapToLong(Long::longValue).toArray());
    return String.format(Locale.ROOT, "{\"clients\":%d,\"connected\":%d,\"allConnected\":%b,"
            + "\"connectSeconds\":%.1f,\"writes\":%d,\"failedWrites\":%d,\"deliveries\":%d,\"missing\":%d,"
            + "\"droppedStreams\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,"
            + "\"p50_from_send_ms\":%.2f,\"p99_from_send_ms\":%.2f}",
        clients, connected, allConnected, connectSeconds, sent.size(), failedWrites, ack.count(), missing(sent),
        dropped.get(), ms(ack.at(50)), ms(ack.at(99)), ms(ack.max()), ms(send.at(50)), ms(send.at(99)));
  }

  /** Each write's receipt on a stream = the first timedEvent message there after it was sent, before the next write. */
  private void matchByTime(Map<Long, long[]> sent) {
    List<long[]> writes = new ArrayList<>(sent.values());
    List<Long> ids = new ArrayList<>(sent.keySet());
    Integer[] order = new Integer[writes.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> writes.get(i)[0]));
    for (int c = 0; c < clients; c++) {
      List<Long> times;
      synchronized (arrivals.get(c)) {
        times = new ArrayList<>(arrivals.get(c));
      }
      for (int k = 0; k < order.length; k++) {
        long from = writes.get(order[k])[0];
        long to = k + 1 < order.length ? writes.get(order[k + 1])[0] : Long.MAX_VALUE;
        for (long t : times) {
          if (t >= from && t < to) {
            receipts.get(ids.get(order[k])).set(c, t);
            break;
          }
        }
      }
    }
  }

  private long missing(Map<Long, long[]> sent) {
    long missing = 0;
    for (Long id : sent.keySet()) {
      AtomicLongArray got = receipts.get(id);
      for (int c = 0; c < clients; c++) {
        if (got.get(c) == 0) {
          missing++;
        }
      }
    }
    return missing;
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** What a stream's messages are used for: the first snapshot, the timed event's arrivals, movement ids. */
  private final class Receiver implements StreamParser.Listener {
    private final int index;
    private boolean snapshotSeen;

    Receiver(int index) {
      this.index = index;
    }

    @Override
    public boolean wantsData(String event) {
      return event.equals("stock.changed") && timedEvent.equals("stock.changed");
    }

    @Override
    public void onMessage(String event, String data, long at) {
      if (event.equals("snapshot") && !snapshotSeen) {
        snapshotSeen = true;
        snapshots.countDown();
      } else if (event.equals(timedEvent) && !event.equals("stock.changed")) {
        arrivals.get(index).add(at);
      } else if (event.equals("stock.changed") && timedEvent.equals("stock.changed")) {
        Matcher m = MOVEMENT_ID.matcher(data);
        if (m.find()) {
          receipts.computeIfAbsent(Long.parseLong(m.group(1)), k -> new AtomicLongArray(clients))
              .compareAndSet(index, 0, at);
        }
      }
    }
  }

  /** All streams on one selector thread: connect, send the GET, then parse whatever arrives. */
  private final class Streams implements Runnable {
    private final InetSocketAddress address;
    private final byte[] request;

    Streams(URI base, String token) {
      int port = base.getPort() > 0 ? base.getPort() : 80;
      this.address = new InetSocketAddress(base.getHost(), port);
      String path = (base.getRawPath() == null ? "" : base.getRawPath()) + "/api/live?access_token=" + token;
      this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + port
          + "\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void run() {
      try (Selector selector = Selector.open()) {
        for (int i = 0; i < clients; i++) {
          SocketChannel channel = SocketChannel.open();
          channel.configureBlocking(false);
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
          Connection connection = new Connection(new StreamParser(new Receiver(i)), ByteBuffer.wrap(request));
          if (channel.connect(address)) {
            channel.register(selector, SelectionKey.OP_WRITE, connection);
          } else {
            channel.register(selector, SelectionKey.OP_CONNECT, connection);
          }
        }
        ByteBuffer in = ByteBuffer.allocateDirect(256 * 1024);
        byte[] bytes = new byte[in.capacity()];
        while (!selector.keys().isEmpty()) {
          selector.select(1000);
          Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
          while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Connection connection = (Connection) key.attachment();
            try {
              handle(key, connection, in, bytes);
            } catch (IOException e) {
              connection.end();
              key.cancel();
              key.channel().close();
            }
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private void handle(SelectionKey key, Connection connection, ByteBuffer in, byte[] bytes) throws IOException {
      SocketChannel channel = (SocketChannel) key.channel();
      if (key.isConnectable()) {
        channel.finishConnect();
        key.interestOps(SelectionKey.OP_WRITE);
      }
      if (key.isValid() && key.isWritable()) {
        channel.write(connection.request);
        if (!connection.request.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ);
        }
      }
      if (key.isValid() && key.isReadable()) {
        in.clear();
        int n = channel.read(in);
        long at = System.nanoTime();
        if (n < 0) {
          throw new IOException("stream ended");
        }
        in.flip();
        in.get(bytes, 0, n);
        connection.parser.feed(bytes, 0, n, at);
        if (connection.parser.failed()) {
          throw new IOException("stream failed: " + connection.parser.failure());
        }
      }
    }
  }

  private final class Connection {
    final StreamParser parser;
    final ByteBuffer request;
    private boolean ended;

    Connection(StreamParser parser, ByteBuffer request) {
      this.parser = parser;
      this.request = request;
    }

    /** The stream ended or never opened: counted once. */
    void end() {
      if (!ended) {
        ended = true;
        dropped.incrementAndGet();
      }
    }
  }

  /**
   * The bytes of one SSE response as they arrive: the HTTP/1.1 status line and headers, the chunked
   * transfer coding (or a plain body), and the SSE lines, "event:" and "data:" fields, a blank line ending a
   * message. Data is only collected for the events the listener wants it for.
   */
  static final class StreamParser {
    interface Listener {
      boolean wantsData(String event);

      void onMessage(String event, String data, long at);
    }

    private enum State { HEAD, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, BODY, DONE, FAILED }

    private final Listener listener;
    private final ByteArrayOutputStream sizeLine = new ByteArrayOutputStream();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private State state = State.HEAD;
    private String failure;
    private long chunkLeft;
    private String event = "message";
    private boolean dataWanted;
    private boolean sawCr;
    private boolean skipping;
    private byte[] line = new byte[256];
    private int lineLength;

    StreamParser(Listener listener) {
      this.listener = listener;
      this.dataWanted = listener.wantsData(event);
    }

    boolean failed() {
      return state == State.FAILED;
    }

    boolean done() {
      return state == State.DONE;
    }

    String failure() {
      return failure;
    }

    /** Parses {@code length} bytes from {@code offset}; {@code at} is when they were read (nanos). */
    void feed(byte[] bytes, int offset, int length, long at) {
      int i = offset;
      int end = offset + length;
      while (i < end && state != State.FAILED && state != State.DONE) {
        switch (state) {
          case HEAD -> i = head(bytes, i, end);
          case CHUNK_SIZE -> i = chunkSize(bytes, i, end);
          case CHUNK_DATA -> {
            int n = (int) Math.min(chunkLeft, end - i);
            body(bytes, i, n, at);
            i += n;
            chunkLeft -= n;
            if (chunkLeft == 0) {
              state = State.CHUNK_END;
            }
          }
          case CHUNK_END -> {
            if (bytes[i++] == '\n') {
              state = State.CHUNK_SIZE;
            }
          }
          case BODY -> {
            body(bytes, i, end - i, at);
            i = end;
          }
          default -> i = end;
        }
      }
    }

    private int head(byte[] bytes, int i, int end) {
      while (i < end) {
        byte b = bytes[i++];
        head.write(b);
        int n = head.size();
        if (b == '\n' && n >= 4) {
          byte[] h = head.toByteArray();
          if (h[n - 2] == '\r' && h[n - 3] == '\n' && h[n - 4] == '\r') {
            headers(new String(h, StandardCharsets.ISO_8859_1));
            return i;
          }
        }
      }
      return i;
    }

    private void headers(String text) {
      String[] lines = text.split("\r\n");
      String[] status = lines[0].split(" ");
      if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].equals("200")) {
        fail("status line: " + lines[0]);
        return;
      }
      boolean chunked = false;
      for (int k = 1; k < lines.length; k++) {
        String l = lines[k].toLowerCase(Locale.ROOT);
        if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
          chunked = true;
        }
      }
      state = chunked ? State.CHUNK_SIZE : State.BODY;
    }

    private int chunkSize(byte[] bytes, int i, int end) {
      while (i < end) {
        byte b = bytes[i++];
        if (b != '\n') {
          sizeLine.write(b);
          continue;
        }
        String size = sizeLine.toString(StandardCharsets.US_ASCII).trim();
        sizeLine.reset();
        int ext = size.indexOf(';');
        if (ext >= 0) {
          size = size.substring(0, ext).trim();
        }
        try {
          chunkLeft = Long.parseLong(size, 16);
        } catch (NumberFormatException e) {
          fail("chunk size: " + size);
          return i;
        }
        state = chunkLeft == 0 ? State.DONE : State.CHUNK_DATA;
        return i;
      }
      return i;
    }

    /** SSE lines end with LF, CRLF or CR. */
    private void body(byte[] bytes, int from, int length, long at) {
      for (int i = from; i < from + length; i++) {
        byte b = bytes[i];
        if (b == '\n' && sawCr) {
          sawCr = false;
          continue;
        }
        sawCr = b == '\r';
        if (b == '\n' || b == '\r') {
          endOfLine(at);
        } else if (!skipping) {
          if (lineLength == line.length) {
            line = java.util.Arrays.copyOf(line, line.length * 2);
          }
          line[lineLength++] = b;
          if (lineLength == 5 && !dataWanted && startsWith("data:")) {
            skipping = true; // the snapshot's data, say: nobody reads it
          }
        }
      }
    }

    private void endOfLine(long at) {
      if (skipping) {
        skipping = false;
      } else if (lineLength == 0) {
        listener.onMessage(event, data.toString(StandardCharsets.UTF_8), at);
        event = "message";
        dataWanted = listener.wantsData(event);
        data.reset();
      } else if (startsWith("event:")) {
        event = field(6);
        dataWanted = listener.wantsData(event);
      } else if (startsWith("data:")) {
        if (data.size() > 0) {
          data.write('\n');
        }
        int skip = lineLength > 5 && line[5] == ' ' ? 6 : 5;
        data.write(line, skip, lineLength - skip);
      }
      lineLength = 0;
    }

    private boolean startsWith(String prefix) {
      if (lineLength < prefix.length()) {
        return false;
      }
      for (int k = 0; k < prefix.length(); k++) {
        if (line[k] != prefix.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private String field(int skip) {
      int from = lineLength > skip && line[skip] == ' ' ? skip + 1 : skip;
      return new String(line, from, lineLength - from, StandardCharsets.UTF_8);
    }

    private void fail(String why) {
      failure = why;
      state = State.FAILED;
    }
  }
}
