package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.floodready.db.Rows;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Patrol logs in PostgreSQL. */
final class PatrolRepository {
  private static final String COLUMNS = """
      p.id, p.reach_id, p.patroller_id, p.started_at, p.ended_at, p.point_count, p.distance_m, p.duration_s,
      p.max_speed_kmh, p.nearest_to_reach_m, p.counted, p.not_counted_reason, p.flags, p.notes, p.findings,
      p.created_at, r.name_zh AS reach_name_zh, r.code AS reach_code, r.unit_id, r.chief_user_id,
      u.display_name AS patroller_name""";
  private static final String FROM = " FROM patrols p JOIN reaches r ON r.id = p.reach_id JOIN users u ON u.id = p.patroller_id";

  private final Pool pool;

  PatrolRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts unless a patrol with this id exists; true if inserted now. */
  Future<Boolean> insert(SqlClient tx, PatrolInput in, long patrollerId, TrackAnalysis.Result a, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO patrols (id, reach_id, patroller_id, started_at, ended_at, track, point_count, distance_m,
              duration_s, max_speed_kmh, nearest_to_reach_m, counted, not_counted_reason, flags, notes, findings,
              created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
            ON CONFLICT (id) DO NOTHING""")
        .execute(Tuple.from(new Object[] {in.id(), in.reachId(), patrollerId, in.startedAt(), in.endedAt(),
            trackJson(in), in.points().size(), a.distanceM(), a.durationS(), a.maxSpeedKmh(), a.nearestToReachM(),
            a.counted(), a.notCountedReason(), new JsonArray(a.flags()), in.notes(), in.findings(), now}))
        .map(rows -> rows.rowCount() == 1);
  }

  Future<Optional<Row>> find(SqlClient db, UUID id, boolean withTrack) {
    return db.preparedQuery("SELECT " + COLUMNS + (withTrack ? ", p.track" : "") + FROM + " WHERE p.id = $1")
        .execute(Tuple.of(id))
        .map(Rows::first);
  }

  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(COLUMNS, FROM, where))
        .execute(where.tuple());
  }

  /** Patrols with their tracks for a map, newest first, at most {@code limit}. */
  Future<RowSet<Row>> withTracks(Where where, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + ", p.track" + FROM + where.sql()
            + " ORDER BY p.started_at DESC LIMIT " + limit)
        .execute(where.tuple());
  }

  static JsonObject trackJson(PatrolInput in) {
    JsonArray coords = new JsonArray();
    JsonArray times = new JsonArray();
    for (TrackPoint p : in.points()) {
      coords.add(new JsonArray().add(p.lon()).add(p.lat()));
      times.add(p.t().toEpochMilli());
    }
    return new JsonObject().put("coordinates", coords).put("times", times);
  }

  static JsonObject lineString(JsonObject track) {
    return new JsonObject().put("type", "LineString").put("coordinates", track.getJsonArray("coordinates"));
  }

  static JsonArray isoTimes(JsonObject track, Function<OffsetDateTime, String> iso) {
    JsonArray out = new JsonArray();
    track.getJsonArray("times").forEach(t -> out.add(iso.apply(
        Instant.ofEpochMilli(((Number) t).longValue()).atOffset(java.time.ZoneOffset.UTC))));
    return out;
  }

  static JsonObject toJson(Row r, Function<OffsetDateTime, String> iso) {
    return new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("reachId", r.getLong("reach_id"))
        .put("reachCode", r.getString("reach_code"))
        .put("reachNameZh", r.getString("reach_name_zh"))
        .put("unitId", r.getLong("unit_id"))
        .put("patrollerId", r.getLong("patroller_id"))
        .put("patrollerName", r.getString("patroller_name"))
        .put("startedAt", iso.apply(r.getOffsetDateTime("started_at")))
        .put("endedAt", iso.apply(r.getOffsetDateTime("ended_at")))
        .put("pointCount", r.getInteger("point_count"))
        .put("distanceM", r.getDouble("distance_m"))
        .put("durationS", r.getLong("duration_s"))
        .put("maxSpeedKmh", r.getDouble("max_speed_kmh"))
        .put("nearestToReachM", r.getDouble("nearest_to_reach_m"))
        .put("counted", r.getBoolean("counted"))
        .put("notCountedReason", r.getString("not_counted_reason"))
        .put("flags", r.getJsonArray("flags"))
        .put("suspicious", !r.getJsonArray("flags").isEmpty())
        .put("notes", r.getString("notes"))
        .put("findings", r.getString("findings"))
        .put("createdAt", iso.apply(r.getOffsetDateTime("created_at")));
  }
}
