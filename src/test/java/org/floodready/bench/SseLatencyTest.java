package org.floodready.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench client's parser of a raw SSE response: status, headers, chunked coding, SSE fields. */
class SseLatencyTest {
  private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n";

  private record Seen(String event, String data, long at) {
  }

  private static final class Recorder implements SseLatency.StreamParser.Listener {
    final List<Seen> seen = new ArrayList<>();

    @Override
    public boolean wantsData(String event) {
      return !event.equals("snapshot");
    }

    @Override
    public void onMessage(String event, String data, long at) {
      seen.add(new Seen(event, data, at));
    }
  }

  private static String chunk(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return Integer.toHexString(bytes.length) + "\r\n" + body + "\r\n";
  }

  private static String response() {
    return HEAD + chunk("retry: 2000\n\n")
        + chunk("id: 7\nevent: snapshot\ndata: {\"units\":[" + "{\"u\":1},".repeat(500) + "{\"u\":2}]}\n\n")
        + chunk("id: 8\nevent: stock.changed\ndata: {\"movementId\": 41, \"note\":\"水位\"}\n\nid: 9\nevent: readiness\ndata: {\"unitId\":3}\n\n")
        + chunk("id: 10\r\nevent: alert\r\ndata: {}\r\n\r\n").replaceFirst("\r\n", ";ext=1\r\n");
  }

  private static void assertMessages(List<Seen> seen) {
    assertEquals(List.of("message", "snapshot", "stock.changed", "readiness", "alert"),
        seen.stream().map(Seen::event).toList(), seen.toString());
    assertEquals("", seen.get(1).data(), "the snapshot's data is not wanted, so not collected");
    assertEquals("{\"movementId\": 41, \"note\":\"水位\"}", seen.get(2).data());
    assertEquals("{\"unitId\":3}", seen.get(3).data());
    assertEquals("{}", seen.get(4).data(), "CRLF line ends and a chunk extension");
  }

  @Test
  void aWholeResponseInOneReadGivesEveryMessageInOrder() {
    Recorder r = new Recorder();
    SseLatency.StreamParser parser = new SseLatency.StreamParser(r);
    byte[] bytes = response().getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length, 5);
    assertFalse(parser.failed(), parser.failure());
    assertMessages(r.seen);
    assertTrue(r.seen.stream().allMatch(s -> s.at() == 5));
  }

  @Test
  void readsSplitAnywhereGiveTheSameMessagesTimedByTheReadThatCompletedThem() {
    byte[] bytes = response().getBytes(StandardCharsets.UTF_8);
    for (int step : new int[] {1, 2, 3, 7, 64, 1000}) {
      Recorder r = new Recorder();
      SseLatency.StreamParser parser = new SseLatency.StreamParser(r);
      for (int i = 0; i < bytes.length; i += step) {
        parser.feed(bytes, i, Math.min(step, bytes.length - i), i);
      }
      assertFalse(parser.failed(), parser.failure());
      assertMessages(r.seen);
      if (step == 1) {
        String text = response();
        int stockEnd = text.indexOf("{\"movementId\"");
        assertTrue(r.seen.get(2).at() > stockEnd, "timed when its blank line arrived: " + r.seen.get(2));
      }
    }
  }

  @Test
  void theLastChunkEndsTheStream() {
    Recorder r = new Recorder();
    SseLatency.StreamParser parser = new SseLatency.StreamParser(r);
    byte[] bytes = (HEAD + chunk("event: readiness\ndata: {}\n\n") + "0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length, 1);
    assertTrue(parser.done());
    assertEquals(1, r.seen.size());
  }

  @Test
  void anErrorStatusFailsTheStream() {
    Recorder r = new Recorder();
    SseLatency.StreamParser parser = new SseLatency.StreamParser(r);
    byte[] bytes = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length, 1);
    assertTrue(parser.failed());
    assertTrue(parser.failure().contains("401"), parser.failure());
    assertTrue(r.seen.isEmpty());
  }
}
