package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.floodready.FloodReadyServer;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/**
 * A node as {@code ./scripts/start} runs it (embedded PostgreSQL in its own data dir, durable settings) under
 * a stock-movement load, whose database processes are all killed with SIGKILL three times: each time the
 * node answers 503 with Retry-After meanwhile, restarts the database itself and is ready again within 30 s,
 * and in the end every movement it acknowledged is in the ledger, with on-hand equal to the ledger.
 */
@FloodReadyTest
class DatabaseKillTest {
  static final long RECOVERY_LIMIT_MS = 30_000;

  @Test
  void acknowledgedMovementsSurviveKilledDatabaseProcesses(Nodes nodes) throws Exception {
    Path dataDir = nodes.dataDir();
    try (FloodReadyServer server = nodes.start("--data-dir", dataDir.toString(), "--http-instances", "2")) {
      Api anonymous = nodes.users(server).anonymous();
      Api admin = nodes.users(server).as("admin");
      Path pgDir = dataDir.resolve("pg").toRealPath();
      Set<Long> acknowledged;
      int refused;
      int seenDown = 0;
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
          Resp ready = anonymous.get("/ready");
          if (ready.status() == 200) {
            // a quiet machine can restart PostgreSQL between the kill and this probe: then it must be a new one
            assertFalse(PostgresProcesses.inDirectory(pgDir).stream().anyMatch(postgres::contains), ready.toString());
          } else {
            assertUnavailable(ready);
            seenDown++;
          }
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
      assertTrue(seenDown > 0, "/ready never answered 503 after any of the three kills");
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

  static long awaitReady(Api anonymous) {
    long deadline = System.currentTimeMillis() + 2 * RECOVERY_LIMIT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (anonymous.get("/ready").status() == 200) {
        return System.currentTimeMillis();
      }
      MovementLoad.pause(100);
    }
    throw new AssertionError("not ready again within " + 2 * RECOVERY_LIMIT_MS + " ms");
  }
}
