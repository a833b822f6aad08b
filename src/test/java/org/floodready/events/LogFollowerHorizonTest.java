package org.floodready.events;

import static org.floodready.support.FreshPool.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.floodready.support.FreshPool;
import org.junit.jupiter.api.Test;

/**
 * The race the province peak run met once in 33,215 events: a write took its log id, an older transaction
 * took the next id and committed, and no transaction newer than the first had ended yet. A snapshot's
 * {@code xmax} is one past the newest transaction that has ended, so the still-running writer was at or
 * above the horizon the follower read from that snapshot, and the next snapshot's {@code xmin} (no running
 * transaction below its own {@code xmax}) reached it: the follower passed an id whose write then committed.
 * On a database where nothing else commits meanwhile, the follower must hold until that writer ends.
 */
class LogFollowerHorizonTest {
  @Test
  void anIdTakenByATransactionNewerThanEveryEndedOneIsHeldUntilItCommits() throws Exception {
    try (FreshPool db = FreshPool.open()) {
      Pool pool = db.pool();
      List<Long> followed = new CopyOnWriteArrayList<>();
      DomainEvents events = new DomainEvents(pool, "test", Clock.systemUTC());
      events.follow(batch -> batch.forEach(e -> followed.add(e.id())));
      await(db.vertx.deployVerticle(new LogFollower(new EventLog(pool), db.url.connectOptions(), events)));

      try (NewerWriterGap gap = NewerWriterGap.open(pool)) {
        assertEquals(gap.held + 1, gap.after);
        Thread.sleep(3 * LogFollower.POLL_MS);
        assertTrue(followed.stream().noneMatch(id -> id >= gap.held),
            "nothing at or after " + gap.held + " while its write is open: " + followed);

        gap.commitHeld();
        long until = System.currentTimeMillis() + 10_000;
        while (!followed.contains(gap.after) && System.currentTimeMillis() < until) {
          Thread.sleep(50);
        }
        int first = followed.indexOf(gap.held);
        assertTrue(first >= 0 && followed.indexOf(gap.after) == first + 1,
            "the held id, then the one after it: " + followed);
      }
    }
  }
}
