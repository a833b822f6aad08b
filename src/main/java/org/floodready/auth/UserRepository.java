package org.floodready.auth;

import org.floodready.access.CurrentUser;
import org.floodready.access.Role;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import org.floodready.db.Rows;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Users and device API keys in PostgreSQL. */
public final class UserRepository {
  /** A stored account with its password hash, for the login check only. */
  public record Account(CurrentUser user, String passwordHash, boolean active, int tokenGeneration) {
  }

  /**
   * An admin's change to an account; null fields are kept ({@code clearUnit} sets no unit, {@code phoneGiven}
   * sets the phone even to null).
   */
  public record Change(String displayName, Role role, Long unitId, boolean clearUnit, String phone, boolean phoneGiven,
      Boolean active, String passwordHash) {
    static Change password(String passwordHash) {
      return new Change(null, null, null, false, null, false, null, passwordHash);
    }

    /** Whether the user's existing tokens must stop working: they carry the old role and unit, or he is out. */
    boolean revokesTokens() {
      return role != null || unitId != null || clearUnit || Boolean.FALSE.equals(active) || passwordHash != null;
    }
  }

  private static final String COLUMNS = "u.id, u.username, u.display_name, u.role, u.unit_id, u.phone, u.active, u.created_at";

  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Account>> findAccount(String username) {
    return pool.preparedQuery("SELECT id, username, display_name, role, unit_id, password_hash, active, token_generation"
            + " FROM users WHERE lower(username) = lower($1)")
        .execute(Tuple.of(username))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new Account(toUser(r), r.getString("password_hash"), r.getBoolean("active"),
              r.getInteger("token_generation")));
        });
  }

  public Future<Long> insert(SqlClient tx, UserValidation.UserInput u, String passwordHash) {
    return tx.preparedQuery("INSERT INTO users (username, display_name, password_hash, role, unit_id, phone, email)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id")
        .execute(Tuple.wrap(java.util.Arrays.asList(u.username(), u.displayName(), passwordHash, u.role().code(),
            u.unitId(), u.phone(), u.email())))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  public Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(COLUMNS + ", n.name_zh AS unit_name",
            " FROM users u LEFT JOIN units n ON n.id = u.unit_id", where))
        .execute(where.tuple());
  }

  public Future<Optional<Row>> findById(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + ", n.name_zh AS unit_name"
            + " FROM users u LEFT JOIN units n ON n.id = u.unit_id WHERE u.id = $1")
        .execute(Tuple.of(id))
        .map(Rows::first);
  }

  /**
   * Applies the change; when it {@link Change#revokesTokens() revokes tokens} the user's token generation moves
   * on. The new generation, empty for an unknown user.
   */
  public Future<Optional<Integer>> update(SqlClient tx, long id, Change c) {
    return tx.preparedQuery("UPDATE users SET display_name = coalesce($2, display_name), role = coalesce($3, role),"
            + " unit_id = CASE WHEN $5 THEN NULL ELSE coalesce($4, unit_id) END,"
            + " phone = CASE WHEN $7 THEN $6 ELSE phone END, active = coalesce($8, active),"
            + " password_hash = coalesce($9, password_hash),"
            + " token_generation = token_generation + CASE WHEN $10 THEN 1 ELSE 0 END"
            + " WHERE id = $1 RETURNING token_generation")
        .execute(Tuple.from(new Object[] {id, c.displayName(), c.role() == null ? null : c.role().code(), c.unitId(),
            c.clearUnit(), c.phone(), c.phoneGiven(), c.active(), c.passwordHash(), c.revokesTokens()}))
        .map(rows -> Rows.first(rows).map(r -> r.getInteger("token_generation")));
  }

  public Future<Long> insertApiKey(SqlClient tx, String name, String key, Long unitId, long createdBy) {
    return tx.preparedQuery("INSERT INTO api_keys (name, key_prefix, key_hash, unit_id, created_by)"
            + " VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .execute(Tuple.of(name, key.substring(0, 10), ApiKeys.hash(key), unitId, createdBy))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** The gauge a key belongs to; its id is negative so it never collides with a person's. */
  public Future<Optional<CurrentUser>> findByApiKey(String key) {
    return pool.preparedQuery("SELECT id, name, unit_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(ApiKeys.hash(key)))
        .map(rows -> Rows.first(rows)
            .map(r -> new CurrentUser(-r.getLong("id"), "gauge:" + r.getString("name"), r.getString("name"),
                Role.GAUGE, r.getLong("unit_id"))));
  }

  public Future<RowSet<Row>> listApiKeys() {
    return pool.query("SELECT id, name, key_prefix, unit_id, created_at, revoked_at FROM api_keys ORDER BY id")
        .execute();
  }

  public Future<Boolean> revokeApiKey(SqlClient tx, long id, java.time.OffsetDateTime at) {
    return tx.preparedQuery("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(id, at))
        .map(rows -> rows.rowCount() == 1);
  }

  static CurrentUser toUser(Row r) {
    return new CurrentUser(r.getLong("id"), r.getString("username"), r.getString("display_name"),
        Role.fromCode(r.getString("role")), r.getLong("unit_id"));
  }

  static JsonObject toJson(Row r, java.util.function.Function<java.time.OffsetDateTime, String> iso) {
    return toUser(r).toJson()
        .put("unitName", r.getString("unit_name"))
        .put("phone", r.getString("phone"))
        .put("active", r.getBoolean("active"))
        .put("createdAt", iso.apply(r.getOffsetDateTime("created_at")));
  }
}
