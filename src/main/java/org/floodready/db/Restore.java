package org.floodready.db;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./scripts/restore FILE [--data-dir DIR] [--replace]}: puts a {@link Backup} into the embedded
 * database of a data directory that no server is running on. The schema is built by the migrations up to
 * the backup's version, then every table is loaded in one transaction (triggers and foreign-key checks
 * held off while loading, as the rows were consistent when copied) and the sequences are set.
 */
public final class Restore {
  private static final Logger log = LoggerFactory.getLogger(Restore.class);

  private Restore() {
  }

  public static void main(String[] args) {
    Path file = null;
    Path dataDir = Path.of(System.getenv().getOrDefault("FLOODREADY_DATA_DIR", "./data"));
    boolean replace = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--data-dir" -> dataDir = Path.of(args[++i]);
        case "--replace" -> replace = true;
        default -> {
          if (args[i].startsWith("--data-dir=")) {
            dataDir = Path.of(args[i].substring("--data-dir=".length()));
          } else if (file == null && !args[i].startsWith("--")) {
            file = Path.of(args[i]);
          } else {
            System.err.println("usage: restore FILE [--data-dir DIR] [--replace]");
            System.exit(2);
          }
        }
      }
    }
    if (file == null) {
      System.err.println("usage: restore FILE [--data-dir DIR] [--replace]");
      System.exit(2);
    }
    try {
      JsonObject manifest = restore(file, dataDir.toAbsolutePath().normalize(), replace);
      System.out.println("Restored " + file + " (taken " + manifest.getString("createdAt") + ") into " + dataDir
          + "; start the node with --data-dir " + dataDir);
    } catch (Exception e) {
      System.err.println("restore failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Restores the backup into the data dir's embedded database; refuses while a server runs on it. */
  public static JsonObject restore(Path file, Path dataDir, boolean replace) throws Exception {
    Path pgDir = dataDir.resolve("pg");
    if (EmbeddedDatabase.runningPort(pgDir).isPresent()) {
      throw new IOException("a PostgreSQL server is running on " + pgDir + ": stop the node first");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      var entry = zip.getEntry(Backup.MANIFEST);
      if (entry == null) {
        throw new IOException(file + " is not a FloodReady backup (no " + Backup.MANIFEST + ")");
      }
      JsonObject manifest;
      try (InputStream in = zip.getInputStream(entry)) {
        manifest = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      if (manifest.getInteger("format", 0) != Backup.FORMAT) {
        throw new IOException("backup format " + manifest.getValue("format") + " is not supported");
      }
      try (EmbeddedDatabase db = EmbeddedDatabase.start(pgDir, 0)) {
        PgUrl url = db.url();
        prepareSchema(url, manifest.getString("schemaVersion"), replace);
        load(url, zip, manifest);
      }
      log.info("Restored {} into {}", file, pgDir);
      return manifest;
    }
  }

  private static void prepareSchema(PgUrl url, String version, boolean replace) throws SQLException {
    if (hasSchema(url)) {
      if (!replace) {
        throw new SQLException("the database in this data dir already has data; pass --replace to overwrite it");
      }
      PgUrl admin = url.withDatabase("postgres");
      try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
           Statement st = c.createStatement()) {
        st.execute("DROP DATABASE " + EmbeddedDatabase.DATABASE);
        st.execute("CREATE DATABASE " + EmbeddedDatabase.DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
      }
    }
    Flyway.configure().dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration").target(version).load().migrate();
  }

  private static boolean hasSchema(PgUrl url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('public.flyway_schema_history') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static void load(PgUrl url, ZipFile zip, JsonObject manifest) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET LOCAL session_replication_role = replica");
        List<String> names = new ArrayList<>();
        for (Object o : manifest.getJsonArray("tables")) {
          names.add(Backup.quote(((JsonObject) o).getString("name")));
        }
        if (!names.isEmpty()) {
          st.execute("TRUNCATE " + String.join(", ", names)); // reference rows the migrations inserted
        }
        for (Object o : manifest.getJsonArray("tables")) {
          JsonObject table = (JsonObject) o;
          List<String> columns = table.getJsonArray("columns").stream().map(col -> Backup.quote((String) col)).toList();
          try (InputStream in = zip.getInputStream(zip.getEntry("data/" + table.getString("name") + ".copy"))) {
            long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + Backup.quote(table.getString("name"))
                + " (" + String.join(", ", columns) + ") FROM STDIN", in);
            if (rows != table.getLong("rows")) {
              throw new IOException("table " + table.getString("name") + ": " + rows + " rows read back, "
                  + table.getLong("rows") + " in the backup");
            }
          }
        }
        for (Object o : manifest.getJsonArray("sequences")) {
          JsonObject seq = (JsonObject) o;
          st.execute("SELECT setval('" + Backup.quote(seq.getString("name")).replace("'", "''") + "', "
              + seq.getLong("lastValue") + ")");
        }
      }
      c.commit();
    }
  }
}
