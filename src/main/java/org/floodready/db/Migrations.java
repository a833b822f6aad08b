package org.floodready.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the versioned schema in {@code src/main/resources/db/migration}. Blocking: call off the event loop. */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {
  }

  public static void apply(PgUrl url) {
    Flyway flyway = Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .connectRetries(10)
        .load();
    MigrateResult result = flyway.migrate();
    log.info("Schema at version {} ({} migrations applied now)",
        flyway.info().current() == null ? "none" : flyway.info().current().getVersion(), result.migrationsExecuted);
  }
}
