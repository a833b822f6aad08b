package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.floodready.db.Rows;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Rivers and their reaches in PostgreSQL. */
final class RiverRepository {
  static final String REACH_COLUMNS = """
      r.id, r.river_id, r.code, r.name_zh, r.name_en, r.unit_id, r.geometry, r.length_m, r.chief_user_id,
      r.chief_level, r.rules, r.created_at, v.name_zh AS river_name_zh, v.name_en AS river_name_en,
      n.name_zh AS unit_name_zh, c.display_name AS chief_name""";
  static final String REACH_FROM = " FROM reaches r JOIN rivers v ON v.id = r.river_id JOIN units n ON n.id = r.unit_id"
      + " LEFT JOIN users c ON c.id = r.chief_user_id";

  private final Pool pool;

  RiverRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> rivers() {
    return pool.query("""
            SELECT v.id, v.code, v.name_zh, v.name_en, v.created_at, count(r.id) AS reaches,
              coalesce(sum(r.length_m), 0) AS length_m
            FROM rivers v LEFT JOIN reaches r ON r.river_id = v.id
            GROUP BY v.id ORDER BY v.code""").execute();
  }

  Future<Long> insertRiver(SqlClient tx, RiverValidation.RiverInput in) {
    return tx.preparedQuery("INSERT INTO rivers (code, name_zh, name_en) VALUES ($1, $2, $3) RETURNING id")
        .execute(Tuple.of(in.code(), in.nameZh(), in.nameEn()))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<RowSet<Row>> reaches(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(REACH_COLUMNS, REACH_FROM, where))
        .execute(where.tuple());
  }

  Future<RowSet<Row>> allReaches(SqlClient db, Where where) {
    return db.preparedQuery("SELECT " + REACH_COLUMNS + REACH_FROM + where.sql() + " ORDER BY r.code")
        .execute(where.tuple());
  }

  /** Each reach's unit and what decides its patrol frequency (of the given units' reaches; null: all). */
  Future<RowSet<Row>> reachFrequencies(Long[] ofUnits) {
    Where where = ofUnits == null ? new Where() : new Where().and("r.unit_id = ANY(?::bigint[])", ofUnits);
    return pool.preparedQuery("SELECT r.id, r.unit_id, r.chief_level, r.rules FROM reaches r" + where.sql())
        .execute(where.tuple());
  }

  Future<Optional<Row>> findReach(SqlClient db, long id) {
    return db.preparedQuery("SELECT " + REACH_COLUMNS + REACH_FROM + " WHERE r.id = $1")
        .execute(Tuple.of(id))
        .map(Rows::first);
  }

  Future<Long> insertReach(SqlClient tx, RiverValidation.ReachInput in, double lengthM, OffsetDateTime at) {
    return tx.preparedQuery("""
            INSERT INTO reaches (river_id, code, name_zh, name_en, unit_id, geometry, length_m, chief_user_id,
              chief_level, rules, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id""")
        .execute(Tuple.from(new Object[] {in.riverId(), in.code(), in.nameZh(), in.nameEn(), in.unitId(),
            in.geometry(), lengthM, in.chiefUserId(), in.chiefLevel(),
            in.rules() == null ? new JsonObject() : in.rules(), at}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<Void> updateReach(SqlClient tx, long id, RiverValidation.ReachInput in, Double lengthM) {
    return tx.preparedQuery("""
            UPDATE reaches SET name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en),
              unit_id = coalesce($4, unit_id), geometry = coalesce($5, geometry), length_m = coalesce($6, length_m),
              chief_user_id = coalesce($7, chief_user_id), chief_level = coalesce($8, chief_level),
              rules = coalesce($9, rules)
            WHERE id = $1""")
        .execute(Tuple.from(new Object[] {id, in.nameZh(), in.nameEn(), in.unitId(), in.geometry(), lengthM,
            in.chiefUserId(), in.chiefLevel(), in.rules()}))
        .mapEmpty();
  }

  /** The role of a user, if the user exists. */
  Future<Optional<String>> userRole(SqlClient db, long userId) {
    return db.preparedQuery("SELECT role FROM users WHERE id = $1 AND active")
        .execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("role")));
  }

  Future<Boolean> exists(SqlClient db, String table, long id) {
    String sql = switch (table) {
      case "rivers" -> "SELECT 1 FROM rivers WHERE id = $1";
      case "units" -> "SELECT 1 FROM units WHERE id = $1";
      default -> throw new IllegalArgumentException(table);
    };
    return db.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> rows.size() > 0);
  }

  static JsonObject reachJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("riverId", r.getLong("river_id"))
        .put("riverNameZh", r.getString("river_name_zh"))
        .put("riverNameEn", r.getString("river_name_en"))
        .put("code", r.getString("code"))
        .put("nameZh", r.getString("name_zh"))
        .put("nameEn", r.getString("name_en"))
        .put("unitId", r.getLong("unit_id"))
        .put("unitNameZh", r.getString("unit_name_zh"))
        .put("chiefUserId", r.getLong("chief_user_id"))
        .put("chiefName", r.getString("chief_name"))
        .put("chiefLevel", r.getString("chief_level"))
        .put("lengthM", Math.round(r.getDouble("length_m") * 10) / 10.0)
        .put("rules", r.getJsonObject("rules"))
        .put("geometry", r.getJsonObject("geometry"))
        .put("createdAt", iso.apply(r.getOffsetDateTime("created_at")));
  }
}
