package org.floodready.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.auth.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo dataset, loaded once into an empty database in one transaction. Each domain keeps its
 * part in {@code src/main/resources/demo/NN_domain.sql} and adds the file name to {@link #SCRIPTS}.
 */
public final class DemoData {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  public static final String PASSWORD = "Flood@2026";
  public static final List<String> USERS = List.of("admin", "duty", "keeper", "chief", "inspector", "viewer");
  static final List<String> SCRIPTS = List.of(
      "10_foundation.sql",
      "20_inventory.sql",
      "21_reusable_items.sql",
      "30_checkpoints.sql",
      "40_patrols.sql",
      "50_duty.sql",
      "60_incidents.sql", "65_requests.sql");

  private DemoData() {
  }

  /** Loads the demo data unless the database already has users or the demo was loaded; true if loaded now. */
  public static Future<Boolean> loadIfEmpty(AppContext app) {
    return app.pool().query("SELECT (SELECT count(*) FROM users) AS users,"
            + " (SELECT count(*) FROM settings WHERE key = 'demo_loaded') AS marker").execute()
        .compose(rows -> {
          var r = rows.iterator().next();
          if (r.getLong("users") > 0 || r.getLong("marker") > 0) {
            return Future.succeededFuture(false);
          }
          return app.blocking(DemoData::readScripts)
              .compose(sql -> app.blocking(() -> PasswordHasher.hash(PASSWORD))
                  .compose(hash -> app.pool().withTransaction(tx -> load(tx, sql, hash, app))))
              .map(v -> {
                log.info("Demo data loaded");
                return true;
              });
        });
  }

  private static Future<Void> load(SqlConnection tx, List<String> scripts, String hash, AppContext app) {
    Future<Void> chain = Future.succeededFuture();
    for (String script : scripts) {
      chain = chain.compose(v -> tx.query(script).execute().mapEmpty());
    }
    return chain
        .compose(v -> tx.preparedQuery("UPDATE users SET password_hash = $1 WHERE password_hash = '!demo'")
            .execute(Tuple.of(hash)))
        .compose(v -> tx.preparedQuery("INSERT INTO settings (key, value, updated_at) VALUES ('demo_loaded', $1, $2)")
            .execute(Tuple.of(new JsonObject().put("at", app.iso(app.now())), app.now())))
        .mapEmpty();
  }

  private static List<String> readScripts() {
    return SCRIPTS.stream().map(DemoData::read).toList();
  }

  private static String read(String name) {
    try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream("demo/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing demo/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
