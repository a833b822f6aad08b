package org.floodready.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import org.floodready.db.EmbeddedDatabase;
import org.floodready.db.PgUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which database a node uses, as seen from inside PostgreSQL: the server's system identifier (set once by
 * initdb), the database name and, where the account may see it, the server's data directory (a copied
 * data directory keeps the system identifier). Nodes form a cluster only with nodes of the same identity.
 */
public record DatabaseIdentity(String database, String digest) {
  private static final Logger log = LoggerFactory.getLogger(DatabaseIdentity.class);

  /** Reads the identity over JDBC. Blocking: call before the cluster starts, off any event loop. */
  public static DatabaseIdentity read(PgUrl url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
         Statement st = c.createStatement()) {
      String database = single(st, "SELECT current_database()");
      String system;
      try {
        system = single(st, "SELECT system_identifier::text FROM pg_control_system()");
      } catch (SQLException notAllowed) {
        log.warn("Cannot read PostgreSQL's system identifier ({}); the cluster identity uses the address {}:{}"
            + " instead, so give every node the same address of the database, or GRANT EXECUTE ON FUNCTION"
            + " pg_control_system() TO {}", notAllowed.getMessage(), url.host(), url.port(), url.user());
        system = url.host() + ":" + url.port();
      }
      // pg_settings hides data_directory from accounts without the right to see it: then it is null
      String dataDir = single(st, "SELECT max(setting) FROM pg_settings WHERE name = 'data_directory'");
      return of(system, database, dataDir);
    }
  }

  /**
   * The identity {@link #read} will find once the embedded server on {@code db} runs, known before it starts
   * (so the node joins its cluster meanwhile); empty for a data directory not made yet.
   */
  public static Optional<DatabaseIdentity> beforeStart(EmbeddedDatabase db) throws IOException {
    return db.systemIdentifierOnDisk().map(system -> of(system, EmbeddedDatabase.DATABASE, db.directory().toString()));
  }

  static DatabaseIdentity of(String systemIdentifier, String database, String dataDirectory) {
    return new DatabaseIdentity(database, sha256(systemIdentifier + "\n" + database + "\n"
        + (dataDirectory == null ? "" : dataDirectory)));
  }

  /** The cluster name used when none is configured: nodes on one database find each other, no others. */
  public String clusterName() {
    return "floodready-" + digest.substring(0, 16);
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
