package org.floodready.events;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;

/**
 * The order of events the province peak run met once (see {@link LogGap}): a transaction takes its id, a newer
 * one takes log id {@link #held}, the older one takes {@link #after} and commits, and nothing newer than the
 * first has ended. The newer write stays open until {@link #commitHeld}.
 */
public final class NewerWriterGap implements AutoCloseable {
  public final long held;
  public final long after;
  private final SqlConnection older;
  private final SqlConnection newer;
  private final Transaction newerTx;

  private NewerWriterGap(SqlConnection older, SqlConnection newer, Transaction newerTx, long held, long after) {
    this.older = older;
    this.newer = newer;
    this.newerTx = newerTx;
    this.held = held;
    this.after = after;
  }

  public static NewerWriterGap open(Pool pool) throws Exception {
    SqlConnection older = await(pool.getConnection());
    SqlConnection newer = await(pool.getConnection());
    Transaction olderTx = await(older.begin());
    await(older.query("SELECT pg_current_xact_id()").execute()); // its transaction id first
    Transaction newerTx = await(newer.begin());
    long held = insert(newer, "newer"); // a later transaction id, then the lower log id
    long after = insert(older, "older");
    await(olderTx.commit()); // no notice: only a reader's own poll sees it, so nothing else ends meanwhile
    return new NewerWriterGap(older, newer, newerTx, held, after);
  }

  public void commitHeld() throws Exception {
    await(newerTx.commit());
  }

  @Override
  public void close() {
    older.close();
    newer.close();
  }

  private static long insert(SqlConnection tx, String what) throws Exception {
    return await(tx.preparedQuery("INSERT INTO live_events (at, type, unit_id, node, payload)"
            + " VALUES (now(), 'incident.changed', NULL, 'test', json_build_object('what', $1::text)) RETURNING id")
        .execute(Tuple.of(what))).iterator().next().getLong("id");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
