package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/** The ./scripts/start path: an embedded PostgreSQL under the data dir that keeps its data across restarts. */
class EmbeddedModeTest {

  private static AppConfig config(Path dataDir) {
    return AppConfig.from(TestServer.concat(new String[] {"--data-dir", dataDir.toString(), "--port",
        Integer.toString(TestServer.freePort()), "--http-instances", "1", "--host", "127.0.0.1"},
        TestServer.clusterArgs()), Map.of());
  }

  @Test
  void dataSurvivesARestartAndAnOrphanedPostgresIsStopped() throws Exception {
    Path dataDir = Files.createTempDirectory("fr-embedded");
    try (FloodReadyServer first = FloodReadyServer.start(config(dataDir), Clock.systemUTC())) {
      assertTrue(first.demoLoadedNow());
      Http admin = login(first);
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

    try (FloodReadyServer second = FloodReadyServer.start(config(dataDir), Clock.systemUTC())) {
      assertFalse(second.demoLoadedNow());
      Http admin = login(second);
      assertTrue(admin.get("/api/units?level=street").body().contains("持久化测试"));
    }
  }

  private static Http login(FloodReadyServer server) {
    Http anonymous = new Http("http://localhost:" + server.port(), null);
    Resp r = anonymous.post("/api/auth/login", new JsonObject().put("username", "admin").put("password", "Flood@2026"));
    assertEquals(200, r.status(), r.toString());
    return anonymous.as(r.json().getString("token"));
  }
}
