package org.floodready.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.SseClient;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Log ids are drawn at insert and committed in any order: the follower must neither skip an id whose write
 * is still committing (however long that takes) nor wait for ever at one whose write rolled back.
 */
@FloodReadyTest
class LogFollowerGapTest {
  /** Longer than the wall-clock grace the follower used to give a gap before passing it. */
  static final long SLOW_COMMIT_MS = 4_000;

  static TestServer server;
  static final List<Long> followed = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start(TestServer node) {
    server = node;
    server.server.app().events().follow(batch -> batch.forEach(e -> followed.add(e.id())));
  }

  @Test
  void anEventCommittedLongAfterALaterOneIsDeliveredInIdOrderToFollowersAndStreams() throws Exception {
    String tag = "slow-" + System.nanoTime();
    try (SseClient live = SseClient.open(server.anonymous.base(), server.as("admin").token(), null)) {
      assertEquals("snapshot", live.next(Duration.ofSeconds(10)).event());
      SqlConnection slow = await(server.server.app().pool().getConnection());
      try {
        Transaction tx = await(slow.begin());
        long held = insert(slow, tag, "held");
        publish(tag, "after");
        Thread.sleep(SLOW_COMMIT_MS); // the gap stays open longer than any grace the follower used to give
        assertTrue(live.drain(Duration.ofMillis(200)).stream().noneMatch(m -> m.data().contains(tag)),
            "nothing after the open gap may be streamed before it: " + SseClient.brief(live.seen()));
        await(tx.commit());
        SseClient.Message after = live.await(m -> m.data().contains(tag) && m.data().contains("after"),
            Duration.ofSeconds(20));
        assertNotNull(after, SseClient.brief(live.seen()));
        List<SseClient.Message> tagged = live.seen().stream().filter(m -> m.data().contains(tag)).toList();
        assertEquals(2, tagged.size(), SseClient.brief(tagged));
        assertEquals(held, tagged.get(0).id(), "the slow write's event first: " + SseClient.brief(tagged));
        assertTrue(tagged.get(0).data().contains("held"));
        assertTrue(after.id() > held);
        assertInIdOrder(held, after.id());
      } finally {
        slow.close();
      }
    }
  }

  @Test
  void anIdWhoseWriteRolledBackHoldsTheFollowerOnlyUntilThatTransactionEnds() throws Exception {
    String tag = "rollback-" + System.nanoTime();
    try (SseClient live = SseClient.open(server.anonymous.base(), server.as("admin").token(), null)) {
      assertEquals("snapshot", live.next(Duration.ofSeconds(10)).event());
      SqlConnection slow = await(server.server.app().pool().getConnection());
      try {
        Transaction tx = await(slow.begin());
        long held = insert(slow, tag, "rolled back");
        publish(tag, "after");
        Thread.sleep(1_000);
        await(tx.rollback());
        SseClient.Message after = live.await(m -> m.data().contains(tag), Duration.ofSeconds(20));
        assertNotNull(after, "the event after a rolled-back id arrives: " + SseClient.brief(live.seen()));
        assertTrue(after.data().contains("after") && after.id() > held, after.toString());
        assertTrue(live.drain(Duration.ofMillis(500)).stream().noneMatch(m -> m.data().contains("rolled back")));
      } finally {
        slow.close();
      }
    }
  }

  private static void assertInIdOrder(long first, long second) {
    int a = followed.indexOf(first);
    int b = followed.indexOf(second);
    assertTrue(a >= 0 && b > a, "the follower delivered " + first + " then " + second + ": " + followed);
    for (int i = 1; i < followed.size(); i++) {
      assertTrue(followed.get(i) > followed.get(i - 1), "the follower's ids increase: " + followed);
    }
  }

  private static long insert(SqlConnection tx, String tag, String what) throws Exception {
    return await(tx.preparedQuery("INSERT INTO live_events (at, type, unit_id, node, payload)"
            + " VALUES (now(), 'incident.changed', NULL, 'test', $1::text::jsonb) RETURNING id")
        .execute(Tuple.of(new JsonObject().put("tag", tag).put("what", what).encode())))
        .iterator().next().getLong("id");
  }

  private static void publish(String tag, String what) {
    server.server.app().events().publish("incident.changed", new JsonObject().put("tag", tag).put("what", what));
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
