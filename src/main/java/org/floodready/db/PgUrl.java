package org.floodready.db;

import io.vertx.pgclient.PgConnectOptions;
import org.floodready.config.ConfigException;

/** A PostgreSQL location given as {@code postgresql://user:pass@host:port/db}. */
public record PgUrl(String host, int port, String database, String user, String password) {

  /**
   * Parsed by the pg client itself ({@code postgres://} or {@code postgresql://}, percent-encoded user and
   * password); a part left out takes the client's default.
   */
  public static PgUrl parse(String url) {
    PgConnectOptions o;
    try {
      o = PgConnectOptions.fromUri(url.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("pg-url must look like postgresql://user:pass@host:port/db");
    }
    return new PgUrl(o.getHost(), o.getPort(), o.getDatabase(), o.getUser(), o.getPassword());
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public String url() {
    return "postgresql://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + host + ":" + port + "/" + database;
  }

  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(host).setPort(port).setDatabase(database).setUser(user).setPassword(password)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512)
        .setReconnectAttempts(0);
  }

  public PgUrl withDatabase(String db) {
    return new PgUrl(host, port, db, user, password);
  }

  /** For log lines: the URL without its password. */
  public String redacted() {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }
}
