package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.floodready.db.PgUrl;
import org.floodready.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The notification rounds follow the log with the same gap rule as the live follower (events/LogGap): an id
 * taken by a transaction newer than every one that has ended, with a later id committed by an older
 * transaction, holds the cursor until that write ends (it used to be passed on the second round).
 */
class EventFollowerHorizonTest {
  @Test
  void theCursorStaysBeforeAnIdWhoseNewerWriteIsStillOpen() throws Exception {
    PgUrl url = TestDatabase.freshDatabase();
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = PgBuilder.pool().connectingTo(url.connectOptions()).using(vertx).build();
      await(pool.query("UPDATE notify_cursor SET last_id = (SELECT coalesce(max(id), 0) FROM live_events)"
          + " WHERE name = 'events'").execute());
      long start = NotifyPoolTimeoutTest.cursor(pool);
      EventFollower follower = NotifyPoolTimeoutTest.follower(pool);

      SqlConnection older = await(pool.getConnection());
      SqlConnection newer = await(pool.getConnection());
      try {
        Transaction olderTx = await(older.begin());
        await(older.query("SELECT pg_current_xact_id()").execute());
        Transaction newerTx = await(newer.begin());
        long held = insert(newer, "newer");
        long after = insert(older, "older");
        assertEquals(held + 1, after);
        await(olderTx.commit());
        for (int round = 0; round < 3; round++) {
          await(follower.run(OffsetDateTime.now()));
          assertEquals(start, NotifyPoolTimeoutTest.cursor(pool), "round " + round + ": the cursor holds before " + held);
        }
        await(newerTx.commit());
        await(follower.run(OffsetDateTime.now()));
        assertEquals(after, NotifyPoolTimeoutTest.cursor(pool), "both events handled once the write committed");
      } finally {
        older.close();
        newer.close();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static long insert(SqlConnection tx, String what) throws Exception {
    return await(tx.preparedQuery("INSERT INTO live_events (at, type, unit_id, node, payload)"
            + " VALUES (now(), 'incident.changed', NULL, 'test', json_build_object('what', $1::text)) RETURNING id")
        .execute(Tuple.of(what))).iterator().next().getLong("id");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
