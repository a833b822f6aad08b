package org.floodready.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the settings that decide whether an acknowledged commit survives a crash of the database server. */
public final class DurabilityCheck {
  private static final Logger log = LoggerFactory.getLogger(DurabilityCheck.class);
  private static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

  private DurabilityCheck() {
  }

  /** The unsafe settings of the server, e.g. {@code ["fsync=off"]}; empty when commits are durable. Blocking. */
  public static List<String> unsafeSettings(PgUrl url) throws SQLException {
    List<String> unsafe = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      for (String setting : SETTINGS) {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
          rs.next();
          String value = rs.getString(1);
          if ("off".equals(value)) {
            unsafe.add(setting + "=" + value);
          }
        }
      }
    }
    return unsafe;
  }

  /** At start with an external server: a loud warning when it may lose acknowledged commits. Blocking. */
  public static void warnIfUnsafe(PgUrl url) {
    try {
      List<String> unsafe = unsafeSettings(url);
      if (!unsafe.isEmpty()) {
        log.warn("!!! PostgreSQL {} runs with {}: a crash of the database server can lose writes this node has "
            + "already acknowledged. Turn these on for production !!!", url.redacted(), String.join(", ", unsafe));
      }
    } catch (SQLException e) {
      log.warn("Could not check the durability settings of {}: {}", url.redacted(), e.getMessage());
    }
  }
}
