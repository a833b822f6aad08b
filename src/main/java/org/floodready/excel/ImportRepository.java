package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlResult;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What imports look up besides the domains' own repositories, and the per-row keys of opening balances. */
final class ImportRepository {
  /**
   * Opening-balance keys belong to no user (actor 0): the same sheet booked by another admin must not book
   * again either.
   */
  private static final long NO_ACTOR = 0;

  record Person(long id, String username, String displayName) {
  }

  private final Pool pool;

  ImportRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Every account (active or not: a username is never reused), for the users sheet: username, name, role,
   * unit code, phone, e-mail; never the password hash.
   */
  Future<List<Map<String, Object>>> users() {
    return sheetRows("SELECT u.username, u.display_name, u.role, un.code AS unit, u.phone, u.email FROM users u"
            + " LEFT JOIN units un ON un.id = u.unit_id ORDER BY u.id", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("username", r.getString("username"));
          row.put("displayName", r.getString("display_name"));
          row.put("role", r.getString("role"));
          row.put("unit", r.getString("unit"));
          row.put("phone", r.getString("phone"));
          row.put("email", r.getString("email"));
          return row;
        });
  }

  /**
   * The lots with stock that can be booked as opening balances (usable or awaiting repair), base and item by
   * code: the ledger's history behind them is not a template's business.
   */
  Future<List<Map<String, Object>>> openingBalances() {
    return sheetRows("SELECT b.code AS base, i.code AS item, l.lot_code, l.quantity, l.received_on, l.expires_on,"
            + " l.condition FROM lots l JOIN bases b ON b.id = l.base_id JOIN items i ON i.id = l.item_id"
            + " WHERE l.quantity > 0 AND l.condition IN ('usable', 'needs_repair') ORDER BY l.id", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("base", r.getString("base"));
          row.put("item", r.getString("item"));
          row.put("lotCode", r.getString("lot_code"));
          row.put("quantity", r.getBigDecimal("quantity"));
          row.put("receivedOn", r.getLocalDate("received_on"));
          row.put("expiresOn", r.getLocalDate("expires_on"));
          row.put("condition", r.getString("condition"));
          return row;
        });
  }

  /** Every reach with its river and river chief, the course as a GeoJSON cell, for the reaches sheet. */
  Future<List<Map<String, Object>>> reaches() {
    return sheetRows("SELECT rv.code AS river_code, rv.name_zh AS river_zh, rv.name_en AS river_en, r.code,"
            + " r.name_zh, r.name_en, un.code AS unit, r.geometry::text AS geometry, u.username AS chief,"
            + " r.chief_level FROM reaches r JOIN rivers rv ON rv.id = r.river_id JOIN units un ON un.id = r.unit_id"
            + " LEFT JOIN users u ON u.id = r.chief_user_id ORDER BY r.id", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("riverCode", r.getString("river_code"));
          row.put("riverNameZh", r.getString("river_zh"));
          row.put("riverNameEn", r.getString("river_en"));
          row.put("code", r.getString("code"));
          row.put("nameZh", r.getString("name_zh"));
          row.put("nameEn", r.getString("name_en"));
          row.put("unit", r.getString("unit"));
          row.put("coordinates", r.getString("geometry"));
          row.put("chief", r.getString("chief"));
          row.put("chiefLevel", r.getString("chief_level"));
          return row;
        });
  }

  /**
   * Every checkpoint with its levels or depth thresholds and its flood-limit periods written as the sheet reads
   * them ("主汛期 06-01~08-31 153.00; ...").
   */
  Future<List<Map<String, Object>>> checkpoints() {
    return sheetRows("SELECT c.*, un.code AS unit, (SELECT string_agg(p.name || ' ' || p.start_md || '~' || p.end_md"
            + " || ' ' || p.level, '; ' ORDER BY p.id) FROM flood_limit_periods p WHERE p.checkpoint_id = c.id)"
            + " AS flood_limits FROM checkpoints c JOIN units un ON un.id = c.unit_id ORDER BY c.id", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("code", r.getString("code"));
          row.put("kind", r.getString("kind"));
          row.put("nameZh", r.getString("name_zh"));
          row.put("nameEn", r.getString("name_en"));
          row.put("unit", r.getString("unit"));
          row.put("lat", r.getDouble("lat"));
          row.put("lon", r.getDouble("lon"));
          for (String[] c : CHECKPOINT_NUMBERS) {
            row.put(c[0], r.getBigDecimal(c[1]));
          }
          row.put("floodLimits", r.getString("flood_limits"));
          row.put("pointKind", r.getString("point_kind"));
          return row;
        });
  }

  /** A checkpoint a sheet names by code or Chinese name. */
  record CheckpointRef(long id, String code, String nameZh, long unitId) {
  }

  Future<List<CheckpointRef>> checkpointRefs() {
    return pool.query("SELECT id, code, name_zh, unit_id FROM checkpoints ORDER BY id")
        .collecting(Collectors.mapping(r -> new CheckpointRef(r.getLong("id"), r.getString("code"),
            r.getString("name_zh"), r.getLong("unit_id")), Collectors.toList()))
        .execute().map(SqlResult::value);
  }

  /** The pumps, pump trucks, pump stations and bases serving each checkpoint, for the services sheet. */
  Future<List<Map<String, Object>>> checkpointServices() {
    return sheetRows("SELECT c.code AS checkpoint, s.kind, s.name, b.code AS base, s.quantity"
            + " FROM checkpoint_services s JOIN checkpoints c ON c.id = s.checkpoint_id"
            + " LEFT JOIN bases b ON b.id = s.base_id ORDER BY c.id, s.id", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("checkpoint", r.getString("checkpoint"));
          row.put("kind", r.getString("kind"));
          row.put("name", r.getString("name"));
          row.put("base", r.getString("base"));
          row.put("quantity", r.getInteger("quantity"));
          return row;
        });
  }

  /** Each checkpoint's inspectors by username, for the inspectors sheet. */
  Future<List<Map<String, Object>>> checkpointInspectors() {
    return sheetRows("SELECT c.code AS checkpoint, u.username FROM checkpoint_inspectors i"
            + " JOIN checkpoints c ON c.id = i.checkpoint_id JOIN users u ON u.id = i.user_id"
            + " ORDER BY c.id, u.username", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("checkpoint", r.getString("checkpoint"));
          row.put("inspector", r.getString("username"));
          return row;
        });
  }

  /** A rescue team there is, by its unit and name (unique together), with what an edit needs. */
  record TeamRef(long id, long unitId, String name, String status, int version) {
  }

  Future<List<TeamRef>> teamRefs() {
    return pool.query("SELECT id, unit_id, name, status, version FROM rescue_teams ORDER BY id")
        .collecting(Collectors.mapping(r -> new TeamRef(r.getLong("id"), r.getLong("unit_id"), r.getString("name"),
            r.getString("status"), r.getInteger("version")), Collectors.toList()))
        .execute().map(SqlResult::value);
  }

  /**
   * Every rescue team, unit and base by code, for the teams sheet. A deployed team is written as standby: its
   * deployment belongs to an incident, season data no set-up sheet carries (importing it again leaves the
   * deployment as it is).
   */
  Future<List<Map<String, Object>>> rescueTeams() {
    return sheetRows("SELECT t.name, un.code AS unit, t.leader_name, t.leader_phone, t.members, t.specialities,"
            + " b.code AS base, CASE t.status WHEN 'deployed' THEN 'standby' ELSE t.status END AS status"
            + " FROM rescue_teams t JOIN units un ON un.id = t.unit_id LEFT JOIN bases b ON b.id = t.base_id"
            + " ORDER BY un.code, t.id", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("name", r.getString("name"));
          row.put("unit", r.getString("unit"));
          row.put("leaderName", r.getString("leader_name"));
          row.put("leaderPhone", r.getString("leader_phone"));
          row.put("members", r.getInteger("members"));
          row.put("specialities", List.of(r.getArrayOfStrings("specialities")));
          row.put("base", r.getString("base"));
          row.put("status", r.getString("status"));
          return row;
        });
  }

  /** How many standby teams each unit must keep, unit by code, for the requirements sheet. */
  Future<List<Map<String, Object>>> teamRequirements() {
    return sheetRows("SELECT un.code AS unit, r.required FROM team_requirements r JOIN units un ON un.id = r.unit_id"
            + " ORDER BY un.code", r -> {
          Map<String, Object> row = new HashMap<>();
          row.put("unit", r.getString("unit"));
          row.put("required", r.getInteger("required"));
          return row;
        });
  }

  /** Each row of the query as a sheet row (column key → value). */
  private Future<List<Map<String, Object>>> sheetRows(String sql, Function<Row, Map<String, Object>> toRow) {
    return pool.query(sql).collecting(Collectors.mapping(toRow, Collectors.toList())).execute().map(SqlResult::value);
  }

  private static final String[][] CHECKPOINT_NUMBERS = {
      {"bedLevel", "bed_level"}, {"deadLevel", "dead_level"}, {"normalPoolLevel", "normal_pool_level"},
      {"floodHighLevel", "flood_high_level"}, {"designFloodLevel", "design_flood_level"},
      {"checkFloodLevel", "check_flood_level"}, {"crestLevel", "crest_level"}, {"watchCm", "watch_cm"},
      {"attentionCm", "attention_cm"}, {"closeRoadCm", "close_road_cm"}, {"severeCm", "severe_cm"}};

  /** Active users of a role, for names in a sheet (keepers of a base). */
  Future<List<Person>> activeUsers(String role) {
    return pool.preparedQuery("SELECT id, username, display_name FROM users WHERE role = $1 AND active"
            + " ORDER BY username")
        .execute(Tuple.of(role))
        .map(rows -> {
          List<Person> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Person(r.getLong("id"), r.getString("username"), r.getString("display_name"))));
          return out;
        });
  }

  /** Each base's keepers as "username, username". */
  Future<Map<Long, String>> keepersByBase() {
    return pool.query("SELECT k.base_id, string_agg(u.username, ', ' ORDER BY u.username) AS usernames"
            + " FROM base_keepers k JOIN users u ON u.id = k.user_id GROUP BY k.base_id").execute()
        .map(rows -> {
          Map<Long, String> out = new HashMap<>();
          rows.forEach(r -> out.put(r.getLong("base_id"), r.getString("usernames")));
          return out;
        });
  }

  /** The codes of the checkpoints there are, lower case. */
  Future<Set<String>> checkpointCodes() {
    return pool.query("SELECT lower(code) AS code FROM checkpoints").execute().map(rows -> {
      Set<String> out = new HashSet<>();
      rows.forEach(r -> out.add(r.getString("code")));
      return out;
    });
  }

  /** The keys among {@code keys} already booked. */
  Future<Set<String>> booked(List<String> keys) {
    return pool.preparedQuery("SELECT key FROM idempotency_keys WHERE actor_id = $1 AND key = ANY($2)")
        .execute(Tuple.tuple().addLong(NO_ACTOR).addArrayOfString(keys.toArray(new String[0])))
        .map(rows -> {
          Set<String> out = new HashSet<>();
          rows.forEach(r -> out.add(r.getString("key")));
          return out;
        });
  }

  /**
   * Claims the rows' keys inside the import transaction, in one statement; answers those that were free (the
   * others were booked before). A concurrent upload of the same sheet waits on the keys until this
   * transaction ends, then finds them taken.
   */
  static Future<Set<String>> claim(SqlClient tx, List<String> keys, String contentHash, OffsetDateTime now) {
    return tx.preparedQuery("INSERT INTO idempotency_keys (actor_id, key, request_hash, created_at, status)"
            + " SELECT $1, k, $3, $4, 201 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING RETURNING key")
        .execute(Tuple.tuple().addLong(NO_ACTOR).addArrayOfString(keys.toArray(new String[0]))
            .addString(contentHash).addOffsetDateTime(now))
        .map(rows -> {
          Set<String> out = new HashSet<>();
          rows.forEach(r -> out.add(r.getString("key")));
          return out;
        });
  }
}
