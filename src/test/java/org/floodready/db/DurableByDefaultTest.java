package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.junit.jupiter.api.Test;

/** The embedded PostgreSQL of {@code ./scripts/start} flushes every commit to disk before it is acknowledged. */
@FloodReadyTest
class DurableByDefaultTest {

  @Test
  void theEmbeddedServerStartedAsInProductionIsDurable(Nodes nodes) throws Exception {
    try (FloodReadyServer server = nodes.start("--demo-data", "false")) {
      PgUrl url = server.pgUrl();
      assertEquals("on", show(url, "fsync"));
      assertEquals("on", show(url, "synchronous_commit"));
      assertEquals("on", show(url, "full_page_writes"));
      assertEquals(List.of(), DurabilityCheck.unsafeSettings(url));
    }
  }

  @Test
  void theUnsafeModeIsSeenByTheCheckUsedForExternalServers(Nodes nodes) throws Exception {
    // the shared test server runs in the unsafe mode on purpose: throw-away data, speed first
    PgUrl url = nodes.emptyDatabase();
    assertEquals("off", show(url, "fsync"));
    assertEquals(List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off"),
        DurabilityCheck.unsafeSettings(url));
  }

  @Test
  void theUnsafeFlagIsOffUnlessAsked() {
    assertEquals(false, AppConfig.from(new String[0], Map.of()).unsafeNoFsync());
    assertEquals(true, AppConfig.from(new String[] {"--unsafe-no-fsync"}, Map.of()).unsafeNoFsync());
    assertEquals(true, AppConfig.from(new String[0], Map.of("FLOODREADY_UNSAFE_NO_FSYNC", "true")).unsafeNoFsync());
  }

  static String show(PgUrl url, String setting) throws Exception {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         ResultSet rs = c.createStatement().executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
