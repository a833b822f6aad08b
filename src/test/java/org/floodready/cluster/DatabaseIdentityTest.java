package org.floodready.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.floodready.db.PgUrl;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.junit.jupiter.api.Test;

/** The identity read from a real PostgreSQL: per database, stable, and readable without the privileged function. */
@FloodReadyTest
class DatabaseIdentityTest {

  @Test
  void twoDatabasesOfOneServerDifferAndOneDatabaseIsAlwaysTheSame(Nodes nodes) throws Exception {
    PgUrl one = nodes.demoDatabase();
    PgUrl two = nodes.demoDatabase();
    DatabaseIdentity first = DatabaseIdentity.read(one);
    assertEquals(first, DatabaseIdentity.read(one));
    assertEquals(one.database(), first.database());
    assertNotEquals(first.digest(), DatabaseIdentity.read(two).digest());
    assertEquals(64, first.digest().length());
  }

  @Test
  void anAccountNotAllowedToReadTheSystemIdentifierStillGetsAStableIdentity(Nodes nodes) throws Exception {
    PgUrl db = nodes.demoDatabase();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement st = c.createStatement()) {
      st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fr_limited') THEN"
          + " CREATE ROLE fr_limited LOGIN; END IF; END $$");
      st.execute("REVOKE EXECUTE ON FUNCTION pg_control_system() FROM PUBLIC");
      try {
        PgUrl limited = new PgUrl(db.host(), db.port(), db.database(), "fr_limited", "");
        DatabaseIdentity identity = DatabaseIdentity.read(limited);
        assertEquals(identity, DatabaseIdentity.read(limited));
        assertNotEquals(DatabaseIdentity.read(db).digest(), identity.digest(), "the fallback is another identity");
      } finally {
        st.execute("GRANT EXECUTE ON FUNCTION pg_control_system() TO PUBLIC");
      }
    }
  }
}
