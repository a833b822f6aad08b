package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A node as {@code ./scripts/start} runs it (embedded PostgreSQL in its own data dir, durable settings) under
 * a stock-movement load, whose database processes are all killed with SIGKILL three times: each time the
 * node answers 503 with Retry-After meanwhile, restarts the database itself and is ready again within 30 s,
 * and in the end every movement it acknowledged is in the ledger, with on-hand equal to the ledger.
 */
class DatabaseKillTest {
  static final long RECOVERY_LIMIT_MS = 30_000;

  @Test
  void acknowledgedMovementsSurviveKilledDatabaseProcesses() throws Exception {
    Path dataDir = Files.createTempDirectory("fr-dbkill");
    AppConfig config = AppConfig.from(TestServer.concat(new String[] {"--data-dir", dataDir.toString(), "--port",
        Integer.toString(TestServer.freePort()), "--http-instances", "2", "--host", "127.0.0.1"},
        TestServer.clusterArgs()), Map.of());
    try (FloodReadyServer server = FloodReadyServer.start(config, Clock.systemUTC())) {
      Http anonymous = new Http("http://localhost:" + server.port(), null);
      Http admin = login(anonymous);
      Path pgDir = dataDir.resolve("pg").toRealPath();
      Set<Long> acknowledged;
      int refused;
      try (MovementLoad load = new MovementLoad(() -> admin, 4)) {
        for (int kill = 1; kill <= 3; kill++) {
          load.awaitMore(20, 60_000);
          List<ProcessHandle> postgres = PostgresProcesses.inDirectory(pgDir);
          assertFalse(postgres.isEmpty(), "no PostgreSQL process found in " + pgDir);
          long killedAt = System.currentTimeMillis();
          postgres.forEach(ProcessHandle::destroyForcibly); // SIGKILL, postmaster and backends alike
          for (ProcessHandle p : postgres) {
            p.onExit().get(10, TimeUnit.SECONDS);
          }
          assertUnavailable(anonymous.get("/ready"));
          long recovered = awaitReady(anonymous);
          assertTrue(recovered - killedAt < RECOVERY_LIMIT_MS,
              "kill " + kill + ": ready again only after " + (recovered - killedAt) + " ms");
          System.out.println("kill " + kill + ": ready again after " + (recovered - killedAt) + " ms");
        }
        load.awaitMore(20, 60_000);
        refused = load.refusedCount();
        load.close();
        acknowledged = load.acknowledged();
      }
      assertTrue(refused > 0, "no write was refused while the database was down");
      // the ledger is read from the database itself, not through the node
      MovementLoad.assertLedgerHolds(server.pgUrl(), acknowledged);
      System.out.println(acknowledged.size() + " movements acknowledged, " + refused + " answers were 503");
    }
  }

  /** 503 with Retry-After and a plain message: nothing about drivers, hosts or ports. */
  static void assertUnavailable(Resp ready) {
    assertEquals(503, ready.status(), ready.toString());
    assertEquals("5", ready.header("Retry-After"), ready.toString());
    JsonObject body = ready.json();
    assertEquals("database_unavailable", body.getString("error"), ready.toString());
    assertTrue(body.getString("message").contains("database is unavailable"), ready.toString());
    for (String leak : List.of("127.0.0.1", "localhost", "finishConnect", "Exception", "failed")) {
      assertFalse(ready.body().contains(leak), "leaks '" + leak + "': " + ready);
    }
  }

  static long awaitReady(Http anonymous) {
    long deadline = System.currentTimeMillis() + 2 * RECOVERY_LIMIT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (anonymous.get("/ready").status() == 200) {
        return System.currentTimeMillis();
      }
      MovementLoad.pause(100);
    }
    throw new AssertionError("not ready again within " + 2 * RECOVERY_LIMIT_MS + " ms");
  }

  static Http login(Http anonymous) {
    Resp r = anonymous.post("/api/auth/login", new JsonObject().put("username", "admin").put("password", "Flood@2026"));
    assertEquals(200, r.status(), r.toString());
    return anonymous.as(r.json().getString("token"));
  }
}
