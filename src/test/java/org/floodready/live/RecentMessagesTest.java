package org.floodready.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The node's memory of the newest live messages, read by clients catching up or reconnecting. */
class RecentMessagesTest {
  private static LiveMessage m(long id) {
    return new LiveMessage(id, "stock.changed", 1L, "{}");
  }

  private static List<Long> ids(List<LiveMessage> messages) {
    return messages.stream().map(LiveMessage::id).toList();
  }

  @Test
  void readsAfterAnIdInPagesAndSkipsIdsThatNeverCame() {
    RecentMessages recent = new RecentMessages(10);
    recent.startAt(100);
    recent.add(List.of(m(101), m(102), m(104), m(105)));
    assertEquals(List.of(101L, 102L), ids(recent.after(100, 2)));
    assertEquals(List.of(104L, 105L), ids(recent.after(102, 200)));
    assertEquals(List.of(104L, 105L), ids(recent.after(103, 200)));
    assertEquals(List.of(), ids(recent.after(105, 200)), "caught up: nothing more yet");
  }

  @Test
  void saysWhenItNoLongerReachesBackSoTheTableIsRead() {
    RecentMessages recent = new RecentMessages(3);
    assertNull(recent.after(0, 10), "the feed has not started");
    recent.startAt(10);
    assertNull(recent.after(9, 10), "before the feed started");
    recent.add(List.of(m(11), m(12), m(13), m(14), m(15)));
    assertNull(recent.after(11, 10), "12 was let go");
    assertEquals(List.of(13L, 14L, 15L), ids(recent.after(12, 10)));
  }
}
