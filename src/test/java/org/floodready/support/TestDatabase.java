package org.floodready.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.floodready.FloodReadyServer;
import org.floodready.db.EmbeddedDatabase;
import org.floodready.db.PgUrl;

/**
 * One embedded PostgreSQL for the whole test JVM. A template database is migrated and given the
 * demo data once; every test server gets its own copy of it ({@code CREATE DATABASE .. TEMPLATE}),
 * which takes a fraction of a second and keeps test classes independent.
 */
public final class TestDatabase {
  private static final String TEMPLATE = "fr_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase postgres;

  private TestDatabase() {
  }

  public static synchronized PgUrl freshDatabase() throws Exception {
    if (postgres == null) {
      Path dir = Files.createTempDirectory("fr-test-pg");
      postgres = EmbeddedDatabase.start(dir, 0, EmbeddedDatabase.Durability.UNSAFE_NO_FSYNC); // throw-away test data: speed over durability
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
          deleteTree(dir);
        } catch (Exception ignored) {
          // the JVM is ending
        }
      }));
      createDatabase(TEMPLATE, null);
      try (FloodReadyServer server = FloodReadyServer.start(
          Nodes.config(url(TEMPLATE), Nodes.freePort(), Files.createTempDirectory("fr-template")),
          Clock.systemUTC())) {
        // migrations and demo data are now in the template
      }
    }
    String name = "t_" + COUNTER.incrementAndGet();
    createDatabase(name, TEMPLATE);
    return url(name);
  }

  /** An empty database, with no schema and no data. */
  public static synchronized PgUrl emptyDatabase() throws Exception {
    freshDatabase();
    String name = "e_" + COUNTER.incrementAndGet();
    createDatabase(name, null);
    return url(name);
  }

  /** Each test JVM's cluster is ~1 GB on disk: a run of single test classes would otherwise fill the disk. */
  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static PgUrl url(String db) {
    return postgres.url().withDatabase(db);
  }

  private static void createDatabase(String name, String template) throws Exception {
    PgUrl admin = postgres.url().withDatabase("postgres");
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE " + (template == null ? "template0" : template));
    }
  }
}
