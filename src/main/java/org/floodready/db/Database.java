package org.floodready.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.floodready.config.AppConfig;

/** Creates the one connection pool a node shares between its verticles. */
public final class Database {
  private Database() {
  }

  public static Pool pool(Vertx vertx, PgUrl url, AppConfig config) {
    return PgBuilder.pool()
        .with(new PoolOptions()
            .setMaxSize(config.pgPoolSize())
            .setMaxWaitQueueSize(config.pgMaxWaitQueue())
            .setConnectionTimeout(5)
            .setShared(false))
        .connectingTo(url.connectOptions())
        .using(vertx)
        .build();
  }
}
