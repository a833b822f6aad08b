package org.floodready.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL run from the zonky binaries with its data kept under the given directory, so that a
 * restart finds everything again. A server left behind by a killed JVM is stopped before starting.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  public static final String DATABASE = "floodready";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dir, int port) throws IOException {
    Files.createDirectories(dir);
    stopOrphan(dir);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPGStartupWait(Duration.ofSeconds(60))
        .setServerConfig("max_connections", "300")
        .setServerConfig("timezone", "UTC");
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
    db.createDatabaseIfMissing();
    return db;
  }

  public PgUrl url() {
    return new PgUrl("localhost", postgres.getPort(), DATABASE, "postgres", "");
  }

  public int port() {
    return postgres.getPort();
  }

  private void createDatabaseIfMissing() throws IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          st.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
          log.info("Created database {}", DATABASE);
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IOException("cannot prepare the embedded database: " + e.getMessage(), e);
    }
  }

  /** A JVM killed with -9 leaves its postgres child running and the next start fails on postmaster.pid. */
  private static void stopOrphan(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
        : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (process.isPresent() && process.get().isAlive()
        && process.get().info().command().map(c -> c.contains("postgres")).orElse(true)) {
      log.warn("Stopping PostgreSQL (pid {}) left running by an earlier crash", process.get().pid());
      process.get().destroy();
      try {
        process.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        process.get().destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile);
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
