package org.floodready.auth;

import org.floodready.access.Role;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first admin of an empty database ({@code --bootstrap-admin}), so a district can be set up from the
 * spreadsheets alone: created on start only while no admin account exists at all (active or not), under a
 * transaction-scoped advisory lock so two nodes starting together create one. Once an admin exists the flag
 * does nothing. Without {@code --bootstrap-admin-password} the password is random and printed once to the log.
 */
public final class BootstrapAdmin {
  private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
  /** The advisory lock key: "FRBOOT" in ASCII. */
  private static final long LOCK = 0x465242_4F4F54L;
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private BootstrapAdmin() {
  }

  /** Creates the admin if the database has none; answers whether it did. Does nothing without a username. */
  public static Future<Boolean> ensure(AppContext app) {
    String username = app.config().bootstrapAdmin().trim();
    if (username.isEmpty()) {
      return Future.succeededFuture(false);
    }
    String given = app.config().bootstrapAdminPassword();
    String password = given.isEmpty() ? randomPassword() : given;
    String problem = PasswordPolicy.problem(password, username);
    if (problem != null) {
      throw new ConfigException("--bootstrap-admin-password " + problem);
    }
    return app.blocking(() -> PasswordHasher.hash(password)).compose(hash -> app.pool().withTransaction(tx ->
        tx.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK))
            .compose(v -> tx.preparedQuery("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin') AS admin,"
                + " EXISTS (SELECT 1 FROM users WHERE lower(username) = lower($1)) AS taken").execute(Tuple.of(username)))
            .compose(rows -> {
              var row = rows.iterator().next();
              if (row.getBoolean("admin")) {
                return Future.succeededFuture(false);
              }
              if (row.getBoolean("taken")) {
                log.error("--bootstrap-admin: the username {} is taken by a non-admin account; no admin created",
                    username);
                return Future.succeededFuture(false);
              }
              UserValidation.UserInput input = new UserValidation.UserInput(username, "初始管理员 First admin", null,
                  Role.ADMIN, null, null, null);
              return new UserRepository(app.pool()).insert(tx, input, hash)
                  .compose(id -> AuditLog.record(tx, app.now(), null, "user.bootstrap", "user", id,
                      new JsonObject().put("username", username)))
                  .map(true);
            })))
        .onSuccess(created -> {
          if (created && given.isEmpty()) {
            log.warn("First-run set-up: created the admin '{}' with the one-time password {} (change it after the"
                + " first login; this is printed once)", username, password);
          } else if (created) {
            log.warn("First-run set-up: created the admin '{}' with the password given", username);
          }
        });
  }

  private static String randomPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
