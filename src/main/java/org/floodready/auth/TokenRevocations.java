package org.floodready.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.floodready.app.AppContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries token revocations to every node: a revocation is applied on the node that made it at once, published
 * on the clustered event bus for the others (milliseconds), and every node also re-reads the users' token
 * generations from PostgreSQL every few seconds, so a node that missed the message (started later, or was
 * cut off) still catches up from the source of truth.
 */
public final class TokenRevocations {
  public static final String ADDRESS = "floodready.auth.revoked";
  static final long RELOAD_MILLIS = 5_000;
  private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);

  private TokenRevocations() {
  }

  /** Starts listening and loads the current generations; the node's tokens service is then up to date. */
  public static Future<Void> watch(AppContext app) {
    app.vertx().eventBus().<JsonObject>consumer(ADDRESS, msg ->
        app.tokens().revoke(msg.body().getLong("userId"), msg.body().getInteger("generation")));
    app.vertx().setPeriodic(RELOAD_MILLIS, id -> load(app)
        .onFailure(e -> log.debug("Reloading token generations failed: {}", e.toString())));
    return load(app);
  }

  /** After the commit that moved the user's generation on: refuse the older tokens here, then everywhere. */
  static void publish(AppContext app, long userId, int generation) {
    app.tokens().revoke(userId, generation);
    app.vertx().eventBus().publish(ADDRESS, new JsonObject().put("userId", userId).put("generation", generation));
  }

  private static Future<Void> load(AppContext app) {
    return app.pool().query("SELECT id, token_generation FROM users WHERE token_generation > 0").execute()
        .map(rows -> {
          for (Row r : rows) {
            app.tokens().revoke(r.getLong("id"), r.getInteger("token_generation"));
          }
          return null;
        });
  }
}
