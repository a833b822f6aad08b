package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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

/** Incidents, their log and photos in PostgreSQL. Reads go through {@link #VIEW} ({@code i}). */
final class IncidentRepository {
  static final String VIEW = """
       (SELECT x.*, un.name_zh AS unit_name_zh, un.name_en AS unit_name_en, rep.display_name AS reporter_name,
         r.name_zh AS reach_name_zh, c.name_zh AS checkpoint_name_zh,
         (SELECT count(*) FROM rescue_teams t WHERE t.incident_id = x.id) AS teams_deployed
       FROM incidents x JOIN units un ON un.id = x.unit_id JOIN users rep ON rep.id = x.reported_by
         LEFT JOIN reaches r ON r.id = x.reach_id LEFT JOIN checkpoints c ON c.id = x.checkpoint_id) i""";

  private final Pool pool;

  IncidentRepository(Pool pool) {
    this.pool = pool;
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select("i.*", " FROM " + VIEW, where)).execute(where.tuple());
  }

  Future<RowSet<Row>> all(Where where, int limit) {
    return pool.preparedQuery("SELECT i.* FROM " + VIEW + where.sql() + " ORDER BY i.id DESC LIMIT " + limit)
        .execute(where.tuple());
  }

  Future<Optional<Row>> find(SqlClient db, long id) {
    return db.preparedQuery("SELECT i.* FROM " + VIEW + " WHERE i.id = $1").execute(Tuple.of(id)).map(Rows::first);
  }

  /** The row a change needs, locked until the transaction ends. */
  Future<Optional<Row>> lock(SqlClient tx, long id) {
    return tx.preparedQuery("SELECT id, status, unit_id, severity, version, reported_by FROM incidents"
            + " WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(id)).map(Rows::first);
  }

  /** The unit of a reach or checkpoint, empty when there is no such row. */
  Future<Optional<Long>> unitOf(SqlClient db, String table, long id) {
    return db.preparedQuery("SELECT unit_id FROM " + table + " WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> Rows.first(rows).map(r -> r.getLong("unit_id")));
  }

  Future<Boolean> unitExists(SqlClient db, long unitId) {
    return db.preparedQuery("SELECT 1 FROM units WHERE id = $1").execute(Tuple.of(unitId)).map(r -> r.size() > 0);
  }

  Future<Long> insert(SqlClient tx, IncidentInput in, long unitId, long reporterId, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO incidents (kind, title, description, unit_id, lat, lon, reach_id, checkpoint_id, severity,
              status, reported_by, reported_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'reported', $10, $11) RETURNING id""")
        .execute(Tuple.wrap(new Object[] {in.kind(), in.title(), in.description(), unitId, in.lat(), in.lon(),
            in.reachId(), in.checkpointId(), in.severity(), reporterId, now}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** Moves the incident on if it still has {@code version}; false when someone changed it first. */
  Future<Boolean> setStatus(SqlClient tx, long id, String status, int version, OffsetDateTime now) {
    return tx.preparedQuery("""
            UPDATE incidents SET status = $2, version = version + 1,
              closed_at = CASE WHEN $2 = 'closed' THEN $4 ELSE closed_at END
            WHERE id = $1 AND version = $3""")
        .execute(Tuple.of(id, status, version, now))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Void> log(SqlClient tx, long incidentId, OffsetDateTime at, Long userId, String kind, String status,
      String note, JsonObject detail) {
    return tx.preparedQuery("INSERT INTO incident_log (incident_id, at, user_id, kind, status, note, detail)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.of(incidentId, at, userId, kind, status, note, detail))
        .mapEmpty();
  }

  Future<RowSet<Row>> logOf(long incidentId) {
    return pool.preparedQuery("""
            SELECT l.*, u.display_name AS user_name FROM incident_log l LEFT JOIN users u ON u.id = l.user_id
            WHERE l.incident_id = $1 ORDER BY l.id""")
        .execute(Tuple.of(incidentId));
  }

  Future<Long> insertPhoto(SqlClient tx, long incidentId, String type, Buffer data, long userId, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO incident_photos (incident_id, content_type, size_bytes, data, uploaded_by, uploaded_at)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING id""")
        .execute(Tuple.of(incidentId, type, data.length(), data, userId, now))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  Future<RowSet<Row>> photosOf(long incidentId) {
    return pool.preparedQuery("SELECT id, content_type, size_bytes, uploaded_by, uploaded_at FROM incident_photos"
            + " WHERE incident_id = $1 ORDER BY id")
        .execute(Tuple.of(incidentId));
  }

  Future<Optional<Row>> photo(long incidentId, long photoId) {
    return pool.preparedQuery("SELECT content_type, data FROM incident_photos WHERE incident_id = $1 AND id = $2")
        .execute(Tuple.of(incidentId, photoId)).map(Rows::first);
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("kind", r.getString("kind"))
        .put("kindZh", IncidentRules.KIND_ZH.get(r.getString("kind")))
        .put("kindText", IncidentRules.KIND_ZH.get(r.getString("kind")) + " " + r.getString("kind").replace('_', ' '))
        .put("title", r.getString("title"))
        .put("description", r.getString("description"))
        .put("unitId", r.getLong("unit_id"))
        .put("unitNameZh", r.getString("unit_name_zh"))
        .put("unitNameEn", r.getString("unit_name_en"))
        .put("lat", r.getDouble("lat"))
        .put("lon", r.getDouble("lon"))
        .put("reachId", r.getLong("reach_id"))
        .put("reachNameZh", r.getString("reach_name_zh"))
        .put("checkpointId", r.getLong("checkpoint_id"))
        .put("checkpointNameZh", r.getString("checkpoint_name_zh"))
        .put("severity", r.getString("severity"))
        .put("severityZh", IncidentRules.SEVERITY_ZH.get(r.getString("severity")))
        .put("status", r.getString("status"))
        .put("statusZh", IncidentRules.STATUS_ZH.get(r.getString("status")))
        .put("reportedBy", r.getLong("reported_by"))
        .put("reporterName", r.getString("reporter_name"))
        .put("reportedAt", iso.apply(r.getOffsetDateTime("reported_at")))
        .put("closedAt", iso.apply(r.getOffsetDateTime("closed_at")))
        .put("teamsDeployed", r.getLong("teams_deployed"))
        .put("version", r.getInteger("version"));
  }

  static JsonArray logJson(RowSet<Row> rows, Function<OffsetDateTime, String> iso) {
    JsonArray out = new JsonArray();
    rows.forEach(l -> out.add(new JsonObject().put("id", l.getLong("id")).put("at", iso.apply(l.getOffsetDateTime("at")))
        .put("userId", l.getLong("user_id")).put("userName", l.getString("user_name")).put("kind", l.getString("kind"))
        .put("status", l.getString("status")).put("note", l.getString("note")).put("detail", l.getJsonObject("detail"))));
    return out;
  }

  static String photoUrl(long incidentId, long photoId) {
    return "/api/incidents/" + incidentId + "/photos/" + photoId;
  }

  static JsonObject photoJson(Row p, long incidentId, Function<OffsetDateTime, String> iso) {
    long photoId = p.getLong("id");
    return new JsonObject().put("id", photoId).put("contentType", p.getString("content_type"))
        .put("sizeBytes", p.getInteger("size_bytes")).put("uploadedBy", p.getLong("uploaded_by"))
        .put("uploadedAt", iso.apply(p.getOffsetDateTime("uploaded_at"))).put("url", photoUrl(incidentId, photoId));
  }
}
