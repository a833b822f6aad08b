package org.floodready.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.floodready.config.AppConfig;
import org.floodready.config.ConfigException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scripts/backup [FILE]}: a consistent copy of the database while the node keeps serving. Every
 * table is read with COPY inside one REPEATABLE READ, READ ONLY transaction, so the file holds one
 * snapshot: each write committed before the backup began, none half. (The bundled PostgreSQL binaries have
 * no pg_dump, and a pg_dump of another version may refuse the server, so the copy is made over JDBC.)
 * The file is a zip: {@code manifest.json} (schema version, tables and columns, sequence values) and one
 * COPY text file per table; {@link Restore} reads it back.
 */
public final class Backup {
  private static final Logger log = LoggerFactory.getLogger(Backup.class);
  static final int FORMAT = 1;
  static final String MANIFEST = "manifest.json";

  private Backup() {
  }

  public static void main(String[] args) {
    try {
      List<String> flags = new ArrayList<>();
      Path file = null;
      for (int i = 0; i < args.length; i++) {
        if (args[i].startsWith("--")) {
          flags.add(args[i]);
          if (!args[i].contains("=") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
            flags.add(args[++i]);
          }
        } else if (file == null) {
          file = Path.of(args[i]);
        } else {
          throw new ConfigException("usage: backup [FILE] [--data-dir DIR | --pg-url URL]");
        }
      }
      AppConfig config = AppConfig.from(flags.toArray(String[]::new), System.getenv());
      if (file == null) {
        file = Path.of("backups", "floodready-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .format(Instant.now().atZone(ZoneOffset.UTC)) + ".frbackup");
      }
      JsonObject manifest = backUp(config, file);
      System.out.println("Backup written to " + file.toAbsolutePath() + " (schema version "
          + manifest.getString("schemaVersion") + ", " + manifest.getJsonArray("tables").size() + " tables)");
    } catch (Exception e) {
      System.err.println("backup failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Backs up the node's database: the external one, else the embedded one (started for the copy if it is stopped). */
  public static JsonObject backUp(AppConfig config, Path file) throws Exception {
    if (!config.embeddedPg()) {
      return write(PgUrl.parse(config.pgUrl()), file);
    }
    Path pgDir = config.dataDir().resolve("pg");
    var running = EmbeddedDatabase.runningPort(pgDir);
    if (running.isPresent()) {
      return write(new PgUrl("localhost", running.get(), EmbeddedDatabase.DATABASE, "postgres", ""), file);
    }
    if (!Files.exists(pgDir.resolve("PG_VERSION"))) {
      throw new IOException("no database in " + pgDir);
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir, 0)) {
      return write(db.url(), file);
    }
  }

  /** Writes one snapshot of the database to the file (replaced only once the copy is complete). */
  public static JsonObject write(PgUrl url, Path file) throws SQLException, IOException {
    long started = System.nanoTime();
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path partial = Files.createTempFile(parent, ".backup-", ".partial");
    JsonObject manifest;
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         OutputStream out = Files.newOutputStream(partial);
         ZipOutputStream zip = new ZipOutputStream(out)) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        manifest = new JsonObject().put("format", FORMAT).put("createdAt", Instant.now().toString())
            .put("source", url.redacted()).put("schemaVersion", schemaVersion(st))
            .put("sequences", sequences(st));
        JsonArray tables = new JsonArray();
        for (String table : tables(st)) {
          List<String> columns = columns(st, table);
          zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
          long rows = c.unwrap(PGConnection.class).getCopyAPI().copyOut(
              "COPY " + quote(table) + " (" + String.join(", ", columns.stream().map(Backup::quote).toList())
                  + ") TO STDOUT", zip);
          zip.closeEntry();
          tables.add(new JsonObject().put("name", table).put("columns", new JsonArray(columns)).put("rows", rows));
        }
        manifest.put("tables", tables);
      }
      c.commit();
      zip.putNextEntry(new ZipEntry(MANIFEST));
      zip.write(manifest.encodePrettily().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (SQLException | IOException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    log.info("Backup of {} written to {} in {} ms", url.redacted(), file, (System.nanoTime() - started) / 1_000_000);
    return manifest;
  }

  private static String schemaVersion(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
        + "ORDER BY installed_rank DESC LIMIT 1")) {
      if (!rs.next()) {
        throw new SQLException("the database has no FloodReady schema");
      }
      return rs.getString(1);
    }
  }

  /** The application's tables; Flyway's own history is rebuilt by the migrations on restore. */
  private static List<String> tables(Statement st) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
        + "AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static List<String> columns(Statement st, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = st.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = "
        + "'public' AND table_name = '" + table.replace("'", "''") + "' AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    return columns;
  }

  private static JsonArray sequences(Statement st) throws SQLException {
    JsonArray sequences = new JsonArray();
    try (ResultSet rs = st.executeQuery("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' "
        + "AND last_value IS NOT NULL ORDER BY sequencename")) {
      while (rs.next()) {
        sequences.add(new JsonObject().put("name", rs.getString(1)).put("lastValue", rs.getLong(2)));
      }
    }
    return sequences;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
