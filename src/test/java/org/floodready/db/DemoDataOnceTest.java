package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.floodready.FloodReadyServer;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.junit.jupiter.api.Test;

/** From an empty database: migrations apply, the demo data loads, and a second start does not duplicate it. */
@FloodReadyTest
class DemoDataOnceTest {

  @Test
  void migrationsApplyAndDemoDataLoadsExactlyOnce(Nodes nodes) throws Exception {
    PgUrl db = nodes.emptyDatabase();
    Path dataDir = nodes.dataDir();
    try (FloodReadyServer first = nodes.start(Nodes.config(db, Nodes.freePort(), dataDir))) {
      assertTrue(first.demoLoadedNow());
      Api http = nodes.users(first).anonymous();
      assertEquals(200, http.get("/ready").status());
      assertEquals("ready", http.get("/ready").json().getString("status"));
      String newest = java.util.Arrays.stream(new java.io.File("src/main/resources/db/migration").list())
          .map(f -> f.replaceAll("^V(\\d+)__.*", "$1")).map(Integer::valueOf).max(Integer::compare).orElseThrow().toString();
      assertEquals(newest, http.get("/ready").json().getString("schemaVersion"), "the newest migration, not the text max");
    }
    long users = count(db, "SELECT count(*) FROM users");
    long units = count(db, "SELECT count(*) FROM units");
    assertTrue(users >= 6, "demo users");
    assertTrue(units >= 10, "demo units");
    try (FloodReadyServer second = nodes.start(Nodes.config(db, Nodes.freePort(), dataDir))) {
      assertFalse(second.demoLoadedNow());
    }
    assertEquals(users, count(db, "SELECT count(*) FROM users"));
    assertEquals(units, count(db, "SELECT count(*) FROM units"));
    assertEquals(1, count(db, "SELECT count(*) FROM settings WHERE key = 'demo_loaded'"));
  }

  @Test
  void demoDataCanBeSwitchedOff(Nodes nodes) throws Exception {
    PgUrl db = nodes.emptyDatabase();
    try (FloodReadyServer server = nodes.start(Nodes.config(db, Nodes.freePort(), nodes.dataDir(), "--demo-data", "false"))) {
      assertFalse(server.demoLoadedNow());
    }
    assertEquals(0, count(db, "SELECT count(*) FROM users"));
  }

  static long count(PgUrl db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
