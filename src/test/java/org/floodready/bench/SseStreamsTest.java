package org.floodready.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The peak client's reading of a live stream: ids of the messages, a snapshot of any size, any chunking. */
class SseStreamsTest {
  private static String bigSnapshot(long id) {
    return "id: " + id + "\nevent: snapshot\ndata: {\"units\":[" + "{\"id\":1,\"score\":0.5},".repeat(40_000)
        + "{}]}\n\n";
  }

  @Test
  void aSnapshotCutAnywhereStartsTheStreamAndLaterIdsAreSeen() {
    String all = "retry: 2000\n\n" + bigSnapshot(100) + "id: 101\nevent: readiness\ndata: {\"a\":1}\n\n"
        + ": heartbeat\n\n" + "id: 103\r\nevent: alert\r\ndata: {}\r\n\r\n";
    SseStreams.Stream s = new SseStreams.Stream(0);
    for (int at = 0; at < all.length(); at += 777) {
      s.take(Buffer.buffer(all.substring(at, Math.min(all.length(), at + 777))));
    }
    assertEquals(100, s.firstId);
    assertEquals(103, s.lastId);
    assertEquals(1, s.snapshots);
    assertTrue(s.seen.get(1));
    assertFalse(s.seen.get(2), "102 was never sent");
    assertTrue(s.seen.get(3));
  }

  @Test
  void aMessageHalfReadWhenTheConnectionBrokeIsDroppedNotMergedWithTheNext() {
    SseStreams.Stream s = new SseStreams.Stream(0);
    s.take(Buffer.buffer(bigSnapshot(10) + "id: 11\nevent: readi"));
    s.reset();
    s.take(Buffer.buffer("id: 12\nevent: readiness\ndata: {}\n\n"));
    assertEquals(12, s.lastId);
    assertFalse(s.seen.get(1));
    assertTrue(s.seen.get(2));
  }
}
