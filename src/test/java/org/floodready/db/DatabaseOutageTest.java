package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.floodready.FloodReadyServer;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/**
 * External-PostgreSQL mode against a separately started server, which is then stopped and started
 * again under the running node: 503 while it is down, back to normal without a restart.
 */
@FloodReadyTest
class DatabaseOutageTest {

  @Test
  void externalDatabaseGoesDownAndComesBack(Nodes nodes) throws Exception {
    Path pgDir = Files.createTempDirectory("fr-outage-pg");
    EmbeddedDatabase pg = EmbeddedDatabase.start(pgDir, 0);
    int pgPort = pg.port();
    PgUrl url = pg.url();
    try (FloodReadyServer server = nodes.start(Nodes.config(url, Nodes.freePort(), nodes.dataDir()))) {
      Api anonymous = nodes.users(server).anonymous();
      assertEquals(200, anonymous.get("/ready").status());
      Api admin = nodes.users(server).as("admin");

      pg.close();
      Resp ready = anonymous.get("/ready");
      assertEquals(503, ready.status(), ready.toString());
      assertEquals(200, anonymous.get("/health").status());
      Resp write = admin.post("/api/admin/units", new JsonObject()
          .put("code", "OUT-1").put("nameZh", "停电测试").put("nameEn", "Outage").put("parentId", 1));
      assertEquals(503, write.status(), write.toString());
      assertEquals("database_unavailable", write.json().getString("error"));

      pg = EmbeddedDatabase.start(pgDir, pgPort);
      awaitReady(anonymous);
      Resp retry = admin.post("/api/admin/units", new JsonObject()
          .put("code", "OUT-1").put("nameZh", "停电测试").put("nameEn", "Outage").put("parentId", 1));
      assertEquals(201, retry.status(), retry.toString());
    } finally {
      pg.close();
    }
  }

  private static void awaitReady(Api http) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (http.get("/ready").status() == 200) {
        return;
      }
      Thread.sleep(200);
    }
    assertEquals(200, http.get("/ready").status(), "the node did not recover after PostgreSQL came back");
  }
}
