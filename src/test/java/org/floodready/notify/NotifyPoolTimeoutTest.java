package org.floodready.notify;

import static org.floodready.support.FreshPool.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.floodready.duty.DutyRoster;
import org.floodready.support.FreshPool;
import org.junit.jupiter.api.Test;

/**
 * An event whose notification could not be worked out because no database connection was free in time (the
 * rules are read on the pool, beside the round's own transaction) is read again by the next round, not
 * skipped: at province peak load the pool's time-out had passed notifications by.
 */
class NotifyPoolTimeoutTest {
  @Test
  void anEventMetWithAPoolTimeOutIsNotifiedByTheNextRound() throws Exception {
    try (FreshPool db = FreshPool.open()) {
      Pool setup = db.pool();
      Row alert = await(setup.query("SELECT a.id, c.unit_id FROM alerts a JOIN checkpoints c ON c.id = a.checkpoint_id WHERE a.status <> 'resolved' ORDER BY a.id LIMIT 1")
          .execute()).iterator().next();
      long eventId = await(setup.query("UPDATE notify_cursor SET last_id = (SELECT coalesce(max(id), 0) FROM live_events)"
              + " WHERE name = 'events'").execute()
          .compose(v -> setup.preparedQuery("INSERT INTO live_events (at, type, unit_id, node, payload)"
              + " VALUES (now(), 'alert.raised', $1, 'test', json_build_object('alertId', $2::bigint)) RETURNING id")
              .execute(io.vertx.sqlclient.Tuple.of(alert.getLong("unit_id"), alert.getLong("id")))))
          .iterator().next().getLong("id");

      // one connection, taken by the round's transaction: the rules' read on the pool waits out its time-out
      Pool one = db.pool(new PoolOptions().setMaxSize(1).setConnectionTimeout(1)
          .setConnectionTimeoutUnit(TimeUnit.SECONDS));
      Future<Integer> starved = follower(one).run(OffsetDateTime.now());
      starved.toCompletionStage().toCompletableFuture().handle((r, e) -> r).get(60, TimeUnit.SECONDS);
      assertTrue(starved.failed(), "the round gives up, it does not pass the event: " + starved.result());
      assertEquals(eventId - 1, cursor(setup), "the cursor stays before the event");
      assertEquals(0L, notifications(setup, eventId));

      Pool enough = db.pool(new PoolOptions().setMaxSize(4));
      await(follower(enough).run(OffsetDateTime.now()));
      assertEquals(eventId, cursor(setup));
      assertTrue(notifications(setup, eventId) > 0, "the next round notifies");
    }
  }

  static EventFollower follower(Pool pool) {
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    EventRules rules = new EventRules(new Recipients(new DutyRoster(zone)), new Texts(zone), "http://localhost:8080",
        new AckLinks("test-secret"), null, new RulesCache(pool, System::currentTimeMillis, Duration.ofMinutes(1)));
    return new EventFollower(pool, rules, new NotificationRepository(), System::currentTimeMillis);
  }

  static long cursor(Pool pool) throws Exception {
    return await(pool.query("SELECT last_id FROM notify_cursor WHERE name = 'events'").execute()).iterator().next()
        .getLong(0);
  }

  private static long notifications(Pool pool, long eventId) throws Exception {
    return await(pool.preparedQuery("SELECT count(*) FROM notifications WHERE source_event_id = $1")
        .execute(io.vertx.sqlclient.Tuple.of(eventId))).iterator().next().getLong(0);
  }
}
