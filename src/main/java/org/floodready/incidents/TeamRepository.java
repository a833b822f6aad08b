package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import org.floodready.db.Rows;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Rescue teams, their deployments and the per-unit requirements in PostgreSQL; reads through {@link #VIEW} ({@code t}). */
final class TeamRepository {
  static final String VIEW = """
       (SELECT x.*, un.name_zh AS unit_name_zh, un.name_en AS unit_name_en, b.name_zh AS base_name_zh,
         i.title AS incident_title
       FROM rescue_teams x JOIN units un ON un.id = x.unit_id LEFT JOIN bases b ON b.id = x.base_id
         LEFT JOIN incidents i ON i.id = x.incident_id) t""";

  private final Pool pool;

  TeamRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select("t.*", " FROM " + VIEW, where)).execute(where.tuple());
  }

  Future<Optional<Row>> find(SqlClient db, long id) {
    return db.preparedQuery("SELECT t.* FROM " + VIEW + " WHERE t.id = $1").execute(Tuple.of(id)).map(Rows::first);
  }

  Future<Optional<Row>> lock(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT id, unit_id, name, status, incident_id, version FROM rescue_teams"
            + " WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id)).map(Rows::first);
  }

  /** Null when the unit (or the base) does not exist: the caller names the field. */
  Future<String> missingReference(SqlClient db, TeamInput in) {
    return db.preparedQuery("SELECT EXISTS (SELECT 1 FROM units WHERE id = $1) AS unit,"
            + " ($2::bigint IS NULL OR EXISTS (SELECT 1 FROM bases WHERE id = $2)) AS base")
        .execute(Tuple.of(in.unitId(), in.baseId()))
        .map(rows -> {
          Row r = rows.iterator().next();
          return !r.getBoolean("unit") ? "unitId" : !r.getBoolean("base") ? "baseId" : null;
        });
  }

  Future<Long> insert(SqlClient tx, TeamInput in, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO rescue_teams (name, unit_id, leader_name, leader_phone, members, specialities, base_id,
              status, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'standby', $8) RETURNING id""")
        .execute(Tuple.wrap(new Object[] {in.name(), in.unitId(), in.leaderName(), in.leaderPhone(), in.members(),
            in.specialities().toArray(String[]::new), in.baseId(), now}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** False when the team no longer has the version the caller edited. */
  Future<Boolean> update(SqlClient tx, long id, TeamInput in, OffsetDateTime now) {
    return tx.preparedQuery("""
            UPDATE rescue_teams SET name = $2, unit_id = $3, leader_name = $4, leader_phone = $5, members = $6,
              specialities = $7, base_id = $8, updated_at = $9, version = version + 1
            WHERE id = $1 AND version = $10""")
        .execute(Tuple.wrap(new Object[] {id, in.name(), in.unitId(), in.leaderName(), in.leaderPhone(),
            in.members(), in.specialities().toArray(String[]::new), in.baseId(), now, in.version()}))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Void> setStatus(SqlClient tx, long id, String status, Long incidentId, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE rescue_teams SET status = $2, incident_id = $3, updated_at = $4,"
            + " version = version + 1 WHERE id = $1")
        .execute(Tuple.of(id, status, incidentId, now)).mapEmpty();
  }

  Future<Long> startDeployment(SqlClient tx, long teamId, long incidentId, long userId, String note,
      OffsetDateTime now) {
    return tx.preparedQuery("INSERT INTO team_deployments (team_id, incident_id, dispatched_at, dispatched_by, note)"
            + " VALUES ($1, $2, $3, $4, $5) RETURNING id")
        .execute(Tuple.of(teamId, incidentId, now, userId, note))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Ends the team's open deployment; its id, or empty when it had none. */
  Future<Optional<Row>> endDeployment(SqlClient tx, long teamId, long userId, String status, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE team_deployments SET ended_at = $2, ended_by = $3, ended_status = $4"
            + " WHERE team_id = $1 AND ended_at IS NULL RETURNING id, incident_id")
        .execute(Tuple.of(teamId, now, userId, status)).map(Rows::first);
  }

  Future<RowSet<Row>> deploymentsOf(long incidentId) {
    return deployments("d.incident_id = $1", incidentId);
  }

  Future<RowSet<Row>> deploymentsOfTeam(long teamId) {
    return deployments("d.team_id = $1", teamId);
  }

  private Future<RowSet<Row>> deployments(String condition, long id) {
    return pool.preparedQuery("""
            SELECT d.*, t.name AS team_name, i.title AS incident_title, u.display_name AS dispatched_by_name
            FROM team_deployments d JOIN rescue_teams t ON t.id = d.team_id JOIN incidents i ON i.id = d.incident_id
              JOIN users u ON u.id = d.dispatched_by
            WHERE %s ORDER BY d.id""".formatted(condition))
        .execute(Tuple.of(id));
  }

  Future<Void> setRequirement(SqlClient tx, long unitId, int required, long userId, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO team_requirements (unit_id, required, updated_by, updated_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (unit_id) DO UPDATE SET required = $2, updated_by = $3, updated_at = $4""")
        .execute(Tuple.of(unitId, required, userId, now)).mapEmpty();
  }

  /**
   * Per unit with a requirement or a team: required, standby, deployed and resting teams of the unit itself
   * ({@code units} null = every such unit).
   */
  Future<RowSet<Row>> counts(SqlClient db, Collection<Long> units) {
    return db.preparedQuery("""
            SELECT u.id AS unit_id, u.name_zh AS unit_name_zh, u.name_en AS unit_name_en, u.level, u.parent_id,
              coalesce(r.required, 0) AS required,
              count(t.id) FILTER (WHERE t.status = 'standby') AS standby,
              count(t.id) FILTER (WHERE t.status = 'deployed') AS deployed,
              count(t.id) FILTER (WHERE t.status = 'resting') AS resting
            FROM units u LEFT JOIN team_requirements r ON r.unit_id = u.id
              LEFT JOIN rescue_teams t ON t.unit_id = u.id
            WHERE (r.unit_id IS NOT NULL OR t.id IS NOT NULL) AND ($1::bigint[] IS NULL OR u.id = ANY($1))
            GROUP BY u.id, r.required ORDER BY u.id""")
        .execute(Tuple.of(units == null ? null : units.toArray(Long[]::new)));
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    JsonArray specialities = new JsonArray();
    JsonArray specialitiesZh = new JsonArray();
    for (String s : r.getArrayOfStrings("specialities")) {
      specialities.add(s);
      specialitiesZh.add(TeamRules.SPECIALITY_ZH.get(s));
    }
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("name", r.getString("name"))
        .put("unitId", r.getLong("unit_id"))
        .put("unitNameZh", r.getString("unit_name_zh"))
        .put("unitNameEn", r.getString("unit_name_en"))
        .put("leaderName", r.getString("leader_name"))
        .put("leaderPhone", r.getString("leader_phone"))
        .put("members", r.getInteger("members"))
        .put("specialities", specialities)
        .put("specialitiesZh", specialitiesZh)
        .put("baseId", r.getLong("base_id"))
        .put("baseNameZh", r.getString("base_name_zh"))
        .put("status", r.getString("status"))
        .put("incidentId", r.getLong("incident_id"))
        .put("incidentTitle", r.getString("incident_title"))
        .put("version", r.getInteger("version"))
        .put("updatedAt", iso.apply(r.getOffsetDateTime("updated_at")));
  }

  static JsonArray deploymentsJson(RowSet<Row> rows, Function<OffsetDateTime, String> iso) {
    JsonArray out = new JsonArray();
    rows.forEach(d -> out.add(new JsonObject().put("id", d.getLong("id")).put("teamId", d.getLong("team_id"))
        .put("teamName", d.getString("team_name")).put("incidentId", d.getLong("incident_id"))
        .put("incidentTitle", d.getString("incident_title"))
        .put("dispatchedAt", iso.apply(d.getOffsetDateTime("dispatched_at")))
        .put("dispatchedBy", d.getLong("dispatched_by")).put("dispatchedByName", d.getString("dispatched_by_name"))
        .put("note", d.getString("note")).put("endedAt", iso.apply(d.getOffsetDateTime("ended_at")))
        .put("endedStatus", d.getString("ended_status"))));
    return out;
  }

  static JsonObject countJson(Row r) {
    return new JsonObject().put("unitId", r.getLong("unit_id")).put("unitNameZh", r.getString("unit_name_zh"))
        .put("unitNameEn", r.getString("unit_name_en")).put("level", r.getString("level"))
        .put("parentId", r.getLong("parent_id")).put("required", r.getInteger("required"))
        .put("standby", r.getLong("standby")).put("deployed", r.getLong("deployed"))
        .put("resting", r.getLong("resting"));
  }
}
