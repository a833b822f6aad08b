package org.floodready.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL run from the zonky binaries with its data kept under the given directory, so that a
 * restart finds everything again. The postmaster is started with {@code pg_ctl} directly rather than
 * through the library, whose command line is made for throw-away test databases ({@code -F}, i.e.
 * fsync off, and synchronous_commit=off) and which stops the server from its own JVM shutdown hook.
 * Here a commit is on disk before it is acknowledged, unless the caller asks for the unsafe mode.
 * A server left behind by a killed JVM (or the backends of a killed postmaster) is stopped before
 * starting, and {@link #restart()} brings a dead server back on the same directory and port.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  public static final String DATABASE = "floodready";

  public enum Durability {
    /** Every commit is flushed to disk before the client hears of it. */
    DURABLE(List.of("fsync=on", "synchronous_commit=on", "full_page_writes=on")),
    /** Fast and unsafe: fsync off, asynchronous commit; a crash can lose acknowledged writes. */
    UNSAFE_NO_FSYNC(List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off"));

    final List<String> settings;

    Durability(List<String> settings) {
      this.settings = settings;
    }

    public static Durability of(boolean unsafeNoFsync) {
      return unsafeNoFsync ? UNSAFE_NO_FSYNC : DURABLE;
    }
  }

  private final Path dir;
  private final int port;
  private final Durability durability;
  private volatile ProcessHandle postmaster;

  private EmbeddedDatabase(Path dir, int port, Durability durability) {
    this.dir = dir;
    this.port = port;
    this.durability = durability;
  }

  /** A durable server: fsync, synchronous commit and full-page writes on. */
  public static EmbeddedDatabase start(Path dir, int port) throws IOException {
    return start(dir, port, Durability.DURABLE);
  }

  public static EmbeddedDatabase start(Path dir, int port, Durability durability) throws IOException {
    EmbeddedDatabase db = prepare(dir, port, durability);
    db.startServer();
    return db;
  }

  /**
   * The server on {@code dir} with its port chosen, not started yet: its {@link #url()} and {@link #directory()}
   * (as PostgreSQL will report it) are known, so a node can join its cluster while {@link #startServer} runs.
   */
  public static EmbeddedDatabase prepare(Path dir, int port, Durability durability) throws IOException {
    Files.createDirectories(dir);
    return new EmbeddedDatabase(dir.toRealPath(), port > 0 ? port : freePort(), durability);
  }

  /** Stops what a killed JVM left on the directory, makes the data directory if new, starts the server. Blocking. */
  public void startServer() throws IOException {
    if (durability == Durability.UNSAFE_NO_FSYNC) {
      log.warn("!!! Embedded PostgreSQL runs WITHOUT fsync and with asynchronous commit (--unsafe-no-fsync): "
          + "a crash or power cut can lose acknowledged writes and corrupt {} !!!", dir);
    }
    PostgresProcesses.stopLeftovers(dir);
    if (!Files.exists(dir.resolve("postgresql.conf"))) {
      initdb();
    }
    startPostmaster();
    createDatabaseIfMissing();
  }

  /**
   * PostgreSQL's system identifier of an existing data directory, read from its control file (the first field
   * of {@code global/pg_control}, in the machine's byte order) as {@code pg_control_system()} reports it;
   * empty for a directory initdb has not made yet.
   */
  public Optional<String> systemIdentifierOnDisk() throws IOException {
    Path control = dir.resolve("global").resolve("pg_control");
    if (!Files.exists(dir.resolve("postgresql.conf")) || !Files.exists(control)) {
      return Optional.empty();
    }
    byte[] head = new byte[Long.BYTES];
    try (var in = Files.newInputStream(control)) {
      if (in.readNBytes(head, 0, head.length) < head.length) {
        return Optional.empty();
      }
    }
    return Optional.of(Long.toString(ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getLong()));
  }

  public PgUrl url() {
    return new PgUrl("localhost", port, DATABASE, "postgres", "");
  }

  public int port() {
    return port;
  }

  public Path directory() {
    return dir;
  }

  /** Whether the postmaster started last is still alive. */
  public boolean isRunning() {
    ProcessHandle p = postmaster;
    return p != null && p.isAlive();
  }

  /** The postmaster's pid, for log lines. */
  public long pid() {
    ProcessHandle p = postmaster;
    return p == null ? -1 : p.pid();
  }

  /**
   * After the server died: removes what is left of it (backends of a killed postmaster, the stale
   * postmaster.pid) and starts it again on the same directory and port; PostgreSQL replays its WAL
   * (crash recovery) before it accepts connections. Blocking.
   */
  public void restart() throws IOException {
    PostgresProcesses.stopLeftovers(dir);
    startPostmaster();
  }

  private void initdb() throws IOException {
    log.info("Creating a new PostgreSQL data directory in {}", dir);
    PostgresProcesses.run(PostgresBinaries.command("initdb", "-A", "trust", "-U", "postgres",
        "-D", dir.toString(), "-E", "UTF-8"), 120);
  }

  private void startPostmaster() throws IOException {
    List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port),
        "-c", "max_connections=300", "-c", "timezone=UTC"));
    for (String setting : durability.settings) {
      options.add("-c");
      options.add(setting);
    }
    Path logFile = logFile();
    try {
      PostgresProcesses.run(PostgresBinaries.command("pg_ctl", "-D", dir.toString(),
          "-l", logFile.toString(), "-o", String.join(" ", options), "-w", "-t", "120", "start"), 180);
    } catch (IOException e) {
      throw new IOException(e.getMessage() + "; PostgreSQL log " + logFile + ":\n" + PostgresProcesses.tail(logFile), e);
    }
    postmaster = readPostmasterPid().flatMap(ProcessHandle::of)
        .orElseThrow(() -> new IOException("PostgreSQL started but left no postmaster.pid in " + dir));
  }

  /** The server's own log, next to its data directory (e.g. data/pg.log for data/pg). */
  public Path logFile() {
    return dir.resolveSibling(dir.getFileName() + ".log");
  }

  /** The port of a PostgreSQL server running on the data directory (this node's or another process's), if any. */
  public static Optional<Integer> runningPort(Path dir) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.isDirectory(dir) || !Files.exists(pidFile) || PostgresProcesses.inDirectory(dir.toRealPath()).isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    try {
      return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Optional<Long> readPostmasterPid() throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void createDatabaseIfMissing() throws IOException {
    PgUrl admin = url().withDatabase("postgres");
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
         Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          st.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
          log.info("Created database {}", DATABASE);
        }
      }
    } catch (SQLException e) {
      throw new IOException("cannot prepare the embedded database: " + e.getMessage(), e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Stops the server cleanly (fast mode: open transactions roll back, sessions end, a checkpoint is written). */
  @Override
  public void close() throws IOException {
    if (!isRunning()) {
      PostgresProcesses.stopLeftovers(dir);
      return;
    }
    long started = System.nanoTime();
    try {
      PostgresProcesses.run(PostgresBinaries.command("pg_ctl", "-D", dir.toString(),
          "stop", "-m", "fast", "-w", "-t", "30"), 60);
      log.info("Embedded PostgreSQL stopped cleanly in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly ({}); killing what is left of it", e.getMessage());
      PostgresProcesses.stopLeftovers(dir);
    }
  }
}
