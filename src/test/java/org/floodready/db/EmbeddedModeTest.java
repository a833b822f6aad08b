package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.floodready.FloodReadyServer;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/** The ./scripts/start path: an embedded PostgreSQL under the data dir that keeps its data across restarts. */
@FloodReadyTest
class EmbeddedModeTest {

  @Test
  void dataSurvivesARestartAndAnOrphanedPostgresIsStopped(Nodes nodes) throws Exception {
    Path dataDir = nodes.dataDir();
    try (FloodReadyServer first = nodes.start("--data-dir", dataDir.toString())) {
      assertTrue(first.demoLoadedNow());
      Api admin = nodes.users(first).as("admin");
      Resp created = admin.post("/api/admin/units", new JsonObject()
          .put("code", "KEEP-1").put("nameZh", "持久化测试").put("nameEn", "Persisted").put("parentId", 2));
      assertEquals(201, created.status(), created.toString());
    }
    assertTrue(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION")));
    assertTrue(Files.exists(dataDir.resolve("jwt-secret")));

    // A JVM killed with -9 leaves its PostgreSQL child running on the data dir.
    Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), dataDir.resolve("pg").toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(crashed.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null && !line.contains("READY")) {
        // wait for the child to have started PostgreSQL
      }
    }
    crashed.destroyForcibly().waitFor();
    assertTrue(Files.exists(dataDir.resolve("pg").resolve("postmaster.pid")), "postgres left behind");

    try (FloodReadyServer second = nodes.start("--data-dir", dataDir.toString())) {
      assertFalse(second.demoLoadedNow());
      Api admin = nodes.users(second).as("admin");
      assertTrue(admin.get("/api/units?level=street").body().contains("持久化测试"));
    }
  }
}
