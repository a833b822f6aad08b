package org.floodready.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.db.PgUrl;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test whose subject is a node's start, stop or storage (an embedded database in a data dir, a restart,
 * a restore, a node refused at start): starts nodes with the test defaults (loopback, a free port, a Hazelcast
 * cluster of its own) and closes whatever is still running, with the clients made for it, when the test ends.
 * A {@link FloodReadyTest} gets one as a parameter.
 */
public final class Nodes implements ExtensionContext.Store.CloseableResource {
  private final List<AutoCloseable> open = new ArrayList<>();

  /** A fresh copy of the demo database. */
  public PgUrl demoDatabase() throws Exception {
    return TestDatabase.freshDatabase();
  }

  /** An empty database: no schema, no data. */
  public PgUrl emptyDatabase() throws Exception {
    return TestDatabase.emptyDatabase();
  }

  public Path dataDir() throws IOException {
    return Files.createTempDirectory("fr-node");
  }

  /** A node on this configuration and the system clock; closed at the end of the test if still running. */
  public FloodReadyServer start(AppConfig config) throws Exception {
    return keep(FloodReadyServer.start(config, Clock.systemUTC()));
  }

  /** A node with the test defaults and these flags (no {@code --pg-url} = its own embedded PostgreSQL). */
  public FloodReadyServer start(String... args) throws Exception {
    return start(config(args));
  }

  /** Logins on a node started here (or anywhere on this machine), closed with the test. */
  public Users users(int port) {
    return keep(new Users(port));
  }

  public Users users(FloodReadyServer node) {
    return users(node.port());
  }

  /** A node in its own JVM (see {@link NodeProcess}), killed at the end of the test if still running. */
  public NodeProcess process(String name, int port, List<String> args) throws Exception {
    return keep(NodeProcess.start(name, port, args, List.of()));
  }

  private <T extends AutoCloseable> T keep(T resource) {
    synchronized (open) {
      open.add(resource);
    }
    return resource;
  }

  /** The last started first; every one is closed even when one fails. */
  @Override
  public void close() throws Exception {
    List<AutoCloseable> all;
    synchronized (open) {
      all = new ArrayList<>(open);
    }
    closeAll(all);
  }

  /** Closes the last first, every one even when one fails; then throws the first failure, if any. */
  static void closeAll(List<? extends AutoCloseable> resources) throws Exception {
    Exception first = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * The test defaults (a free port, a temporary data dir, loopback, one HTTP verticle, a cluster of its own), then
   * these flags: a flag given again wins.
   */
  public static AppConfig config(String... args) throws IOException {
    String[] base = {"--port", Integer.toString(freePort()), "--data-dir",
        Files.createTempDirectory("fr-node").toString(), "--http-instances", "1", "--host", "127.0.0.1"};
    return AppConfig.from(concat(concat(base, clusterArgs()), args), Map.of());
  }

  /** The flags of a test node on this database: a cluster of its own, two HTTP verticles; then these flags. */
  public static AppConfig config(PgUrl db, int port, Path dataDir, String... extraArgs) {
    String[] base = {"--pg-url", db.url(), "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
        "--http-instances", "2", "--host", "127.0.0.1"};
    return AppConfig.from(concat(concat(base, clusterArgs()), extraArgs), Map.of());
  }

  /**
   * A Hazelcast cluster of its own: a unique cluster name and a free port, so parallel test JVMs (and
   * other developers' test runs on the same machine) never join each other.
   */
  public static String[] clusterArgs() {
    int clusterPort = freePort();
    return new String[] {"--cluster-name", "fr-test-" + UUID.randomUUID(), "--cluster-host", "127.0.0.1",
        "--cluster-port", Integer.toString(clusterPort), "--cluster-members", "127.0.0.1:" + clusterPort};
  }

  public static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /**
   * A port free now, below Linux's ephemeral range (32768-60999): a port the OS handed out as ephemeral can be
   * taken by any outgoing connection (a pool, a client) between this check and the node's bind.
   */
  public static int freePort() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = random.nextInt(20_000, 32_000);
      try (ServerSocket probe = new ServerSocket(port)) {
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port between 20000 and 32000");
  }
}
