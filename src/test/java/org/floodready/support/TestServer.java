package org.floodready.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.db.PgUrl;
import org.floodready.demo.DemoData;

/** A real FloodReady node on its own copy of the demo database, for one test class. */
public final class TestServer implements AutoCloseable {
  public final FloodReadyServer server;
  public final Http anonymous;

  private TestServer(FloodReadyServer server) {
    this.server = server;
    this.anonymous = new Http("http://localhost:" + server.port(), null);
  }

  public static TestServer start() throws Exception {
    return start(Clock.systemUTC());
  }

  public static TestServer start(Clock clock, String... extraArgs) throws Exception {
    PgUrl db = TestDatabase.freshDatabase();
    AppConfig config = config(db, freePort(), Files.createTempDirectory("fr-test"), extraArgs);
    return new TestServer(FloodReadyServer.start(config, clock));
  }

  /** A node on an empty database (no schema, no demo data), with these extra flags. */
  public static TestServer startEmpty(Clock clock, String... extraArgs) throws Exception {
    AppConfig config = config(TestDatabase.emptyDatabase(), freePort(), Files.createTempDirectory("fr-empty"),
        concat(new String[] {"--demo-data", "false"}, extraArgs));
    return new TestServer(FloodReadyServer.start(config, clock));
  }

  /** A node with exactly this configuration (e.g. without the unique cluster name of {@link #clusterArgs()}). */
  public static TestServer start(AppConfig config) throws Exception {
    return new TestServer(FloodReadyServer.start(config, Clock.systemUTC()));
  }

  public static AppConfig config(PgUrl db, int port, Path dataDir, String... extraArgs) {
    String[] base = {"--pg-url", db.url(), "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
        "--http-instances", "2", "--host", "127.0.0.1"};
    base = concat(base, clusterArgs());
    return AppConfig.from(concat(base, extraArgs), Map.of());
  }

  /**
   * A Hazelcast cluster of its own: a unique cluster name and a free port, so parallel test JVMs (and
   * other developers' test runs on the same machine) never join each other.
   */
  public static String[] clusterArgs() {
    int clusterPort = freePort();
    return new String[] {"--cluster-name", "fr-test-" + java.util.UUID.randomUUID(), "--cluster-host", "127.0.0.1",
        "--cluster-port", Integer.toString(clusterPort), "--cluster-members", "127.0.0.1:" + clusterPort};
  }

  public static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** A client logged in as a demo user (admin, duty, keeper, chief, inspector, viewer) or another account. */
  public Http as(String username) {
    return as(username, DemoData.PASSWORD);
  }

  public Http as(String username, String password) {
    Resp r = anonymous.post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login " + username + " failed: " + r);
    }
    return anonymous.as(r.json().getString("token"));
  }

  /**
   * A port free now, below Linux's ephemeral range (32768-60999): a port the OS handed out as ephemeral can be
   * taken by any outgoing connection (a pool, a client) between this check and the node's bind.
   */
  public static int freePort() {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
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

  @Override
  public void close() throws Exception {
    server.close();
  }
}
