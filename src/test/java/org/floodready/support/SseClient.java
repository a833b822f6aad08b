package org.floodready.support;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real Server-Sent Events reader for tests: one thread parses the stream into messages. */
public final class SseClient implements AutoCloseable {
  public record Message(long id, String event, String data) {
    public JsonObject json() {
      return new JsonObject(data);
    }
  }

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final List<Message> seen = new ArrayList<>();
  private final Thread reader;
  private volatile InputStream body;
  private volatile int status;
  private volatile boolean closed;

  private SseClient(String url, Long lastEventId) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
    if (lastEventId != null) {
      b.header("Last-Event-ID", Long.toString(lastEventId));
    }
    HttpResponse<InputStream> response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    status = response.statusCode();
    body = response.body();
    reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code base/api/live?access_token=token}, optionally with a Last-Event-ID header. */
  public static SseClient open(String base, String token, Long lastEventId) throws Exception {
    return new SseClient(base + "/api/live?access_token=" + token, lastEventId);
  }

  public int status() {
    return status;
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      long id = -1;
      String event = "message";
      StringBuilder data = new StringBuilder();
      while (!closed && (line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            messages.add(new Message(id, event, data.toString()));
          }
          id = -1;
          event = "message";
          data.setLength(0);
        } else if (line.startsWith("id: ")) {
          id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
    } catch (Exception e) {
      // the stream ended or was closed
    }
  }

  /** The next message, waiting up to the timeout; null if none came. */
  public Message next(Duration timeout) throws InterruptedException {
    Message m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (m != null) {
      seen.add(m);
    }
    return m;
  }

  /** Waits for a message matching the test, keeping every message read on the way. */
  public Message await(Predicate<Message> test, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Message m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (m != null && test.test(m)) {
        return m;
      }
    }
    return null;
  }

  /** Reads whatever arrives within the window. */
  public List<Message> drain(Duration window) throws InterruptedException {
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      next(Duration.ofMillis(50));
    }
    return List.copyOf(seen);
  }

  /** Ids, events and the start of the data, for assertion messages. */
  public static String brief(List<Message> messages) {
    StringBuilder sb = new StringBuilder();
    for (Message m : messages) {
      sb.append(m.id()).append(' ').append(m.event()).append(' ')
          .append(m.data(), 0, Math.min(120, m.data().length())).append('\n');
    }
    return sb.toString();
  }

  /** Every message read so far, in order. */
  public List<Message> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    closed = true;
    try {
      if (body != null) {
        body.close();
      }
    } catch (Exception ignored) {
      // closing a stream the server may already have ended
    }
    reader.interrupt();
  }
}
