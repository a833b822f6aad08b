package org.floodready.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.floodready.db.PgUrl;

/**
 * A cheap picture of a whole test database: per table its row count and the newest transaction that
 * wrote one of its rows, so a comparison catches inserts, deletes and updates alike. Holds one JDBC connection.
 */
public final class DbFingerprint implements AutoCloseable {
  private final Connection connection;
  private final String query;
  /** Our own last transaction id (each autocommitted txid_current() takes a new one). */
  private long lastXid = -1;

  public DbFingerprint(PgUrl db) throws SQLException {
    this(db, Set.of());
  }

  /** Leaves out {@code ignored} tables, e.g. ones written asynchronously after another commit. */
  public DbFingerprint(PgUrl db, Set<String> ignored) throws SQLException {
    this.connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    List<String> parts = new ArrayList<>();
    for (String table : tables()) {
      if (ignored.contains(table)) {
        continue;
      }
      // table names come from the catalogue, quoted as identifiers
      // every committed insert or update leaves a row version with a newer transaction id (xmin),
      // every delete lowers the count: both together see any change without reading the rows' text
      parts.add("SELECT '" + table + "' AS t, count(*) AS n,"
          + " coalesce(max(x.xmin::text::bigint), 0)::text AS h FROM \"" + table + "\" x");
    }
    this.query = String.join(" UNION ALL ", parts);
  }

  private List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
             + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
             + " AND table_name NOT LIKE 'flyway%' ORDER BY table_name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /**
   * The picture now, or {@code previous} when no transaction was given an id since the last call:
   * every write takes a transaction id, so a database nobody wrote to cannot have changed.
   */
  public Map<String, String> takeIfWritten(Map<String, String> previous) {
    long before = lastXid;
    long xid = Long.parseLong(scalar("SELECT txid_current()"));
    lastXid = xid;
    if (before > 0 && xid == before + 1) {
      return previous;
    }
    return rows();
  }

  /** Table name → "count:newest xmin". */
  public Map<String, String> take() {
    lastXid = Long.parseLong(scalar("SELECT txid_current()"));
    return rows();
  }

  private Map<String, String> rows() {
    Map<String, String> result = new TreeMap<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        result.put(rs.getString("t"), rs.getLong("n") + ":" + rs.getString("h"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  /** The tables whose rows differ between two pictures. */
  public static TreeSet<String> changed(Map<String, String> before, Map<String, String> after) {
    TreeSet<String> changed = new TreeSet<>();
    for (Map.Entry<String, String> e : after.entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    return changed;
  }

  /** The first column of the first row of a query, as text (null when there is no row). */
  public String scalar(String sql) {
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
