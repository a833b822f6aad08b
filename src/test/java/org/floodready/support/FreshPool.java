package org.floodready.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.floodready.db.PgUrl;

/**
 * A fresh copy of the test database and a Vert.x of its own, for a test of one part (a follower, the pool)
 * without a node: nothing else writes to it unless the test does.
 */
public final class FreshPool implements AutoCloseable {
  public final PgUrl url;
  public final Vertx vertx;

  private FreshPool(PgUrl url, Vertx vertx) {
    this.url = url;
    this.vertx = vertx;
  }

  public static FreshPool open() throws Exception {
    return new FreshPool(TestDatabase.freshDatabase(), Vertx.vertx());
  }

  public Pool pool() {
    return pool(new PoolOptions());
  }

  public Pool pool(PoolOptions options) {
    return PgBuilder.pool().with(options).connectingTo(url.connectOptions()).using(vertx).build();
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
