package org.floodready.db;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.floodready.config.ConfigException;

/** A PostgreSQL location given as {@code postgresql://user:pass@host:port/db}. */
public record PgUrl(String host, int port, String database, String user, String password) {

  public static PgUrl parse(String url) {
    try {
      URI uri = URI.create(url.trim().replaceFirst("^postgres(ql)?://", "postgresql://"));
      if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new ConfigException("pg-url must look like postgresql://user:pass@host:port/db");
      }
      String user = "postgres";
      String password = "";
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = decode(parts[0]);
        password = parts.length > 1 ? decode(parts[1]) : "";
      }
      String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
      return new PgUrl(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, db, user, password);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("pg-url is not a valid URL: " + e.getMessage());
    }
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

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
