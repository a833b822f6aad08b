package org.floodready.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.TransactionRollbackException;
import java.util.function.Function;

/**
 * {@link Pool#withTransaction} without the wait for BEGIN: the work's first statements are queued on the
 * connection right behind BEGIN, so the client pipelines them into one round trip. Statements on one
 * connection still run in order, so the semantics are those of withTransaction: commit when the work
 * succeeds, roll back when it (or BEGIN) fails, the connection back to the pool in every case.
 */
public final class Transactions {
  private Transactions() {
  }

  public static <T> Future<T> run(Pool pool, Function<SqlConnection, Future<T>> work) {
    return pool.getConnection().compose(conn -> {
      var begun = conn.begin();
      Future<T> done;
      try {
        done = work.apply(conn);
      } catch (RuntimeException e) {
        done = Future.failedFuture(e);
      }
      Future<T> result = done;
      return begun
          .compose(tx -> result.compose(
              value -> tx.commit().map(value),
              failure -> failure instanceof TransactionRollbackException ? Future.failedFuture(failure)
                  : tx.rollback().transform(ignored -> Future.<T>failedFuture(failure))))
          .onComplete(ignored -> conn.close());
    });
  }
}
