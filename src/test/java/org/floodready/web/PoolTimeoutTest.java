package org.floodready.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.floodready.errors.ApiError;
import org.floodready.support.FreshPool;
import org.junit.jupiter.api.Test;

/**
 * A request that waits its whole connection time-out for one of the node's database connections (the peak
 * scenario at province: every connection taken) is answered 503 with Retry-After, not 500. The SQL pool
 * fails such a wait with a bare "Timeout", not with its "Timeout waiting for connection".
 */
class PoolTimeoutTest {
  @Test
  void aRequestThatGotNoConnectionInTimeIsUnavailableNotAnInternalError() throws Exception {
    try (FreshPool db = FreshPool.open()) {
      Pool pool = db.pool(new PoolOptions().setMaxSize(1).setConnectionTimeout(1)
          .setConnectionTimeoutUnit(TimeUnit.SECONDS));
      SqlConnection held = pool.getConnection().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      // a write takes a connection for its transaction (the failure a query on the pool itself gives is
      // another, "Timeout waiting for connection")
      ExecutionException waited = assertThrows(ExecutionException.class, () -> pool.withTransaction(
          tx -> tx.query("SELECT 1").execute()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
      ApiError answer = FailureHandler.toApiError(waited.getCause(), 500);
      assertEquals(503, answer.status(), "the pool's failure: " + waited.getCause());
      held.close();
    }
  }
}
