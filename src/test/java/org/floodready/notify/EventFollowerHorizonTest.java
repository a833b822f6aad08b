package org.floodready.notify;

import static org.floodready.support.FreshPool.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.sqlclient.Pool;
import java.time.OffsetDateTime;
import org.floodready.events.NewerWriterGap;
import org.floodready.support.FreshPool;
import org.junit.jupiter.api.Test;

/**
 * The notification rounds follow the log with the same gap rule as the live follower (events/LogGap): an id
 * taken by a transaction newer than every one that has ended, with a later id committed by an older
 * transaction, holds the cursor until that write ends (the first round used to pass it).
 */
class EventFollowerHorizonTest {
  @Test
  void theCursorStaysBeforeAnIdWhoseNewerWriteIsStillOpen() throws Exception {
    try (FreshPool db = FreshPool.open()) {
      Pool pool = db.pool();
      await(pool.query("UPDATE notify_cursor SET last_id = (SELECT coalesce(max(id), 0) FROM live_events)"
          + " WHERE name = 'events'").execute());
      long start = NotifyPoolTimeoutTest.cursor(pool);
      EventFollower follower = NotifyPoolTimeoutTest.follower(pool);

      try (NewerWriterGap gap = NewerWriterGap.open(pool)) {
        for (int round = 0; round < 3; round++) {
          await(follower.run(OffsetDateTime.now()));
          assertEquals(start, NotifyPoolTimeoutTest.cursor(pool), "round " + round + ": the cursor holds before " + gap.held);
        }
        gap.commitHeld();
        await(follower.run(OffsetDateTime.now()));
        assertEquals(gap.after, NotifyPoolTimeoutTest.cursor(pool), "both events handled once the write committed");
      }
    }
  }
}
