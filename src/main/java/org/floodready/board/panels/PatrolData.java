package org.floodready.board.panels;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.access.Visibility;
import org.floodready.db.Where;

/** The board's reads of the river-chief tables: reach lines, hazard ages, the day's patrols and hazard events. */
public final class PatrolData {
  private final Pool pool;

  PatrolData(Pool pool) {
    this.pool = pool;
  }

  record ReachLine(long id, String code, String nameZh, long unitId, Long chiefUserId, JsonArray coordinates) {
  }

  record OpenHazard(String severity, OffsetDateTime reportedAt) {
  }

  record PatrolOfDay(OffsetDateTime startedAt, String reachNameZh, String patroller, double distanceM, long durationS,
      boolean counted, String notCountedReason) {
  }

  record HazardEvent(OffsetDateTime at, long hazardId, String type, String reachNameZh, String action,
      String fromStatus, String toStatus, String actor, String reason) {
  }

  Future<List<ReachLine>> reaches(Long[] ids) {
    return pool.preparedQuery("SELECT id, code, name_zh, unit_id, chief_user_id, geometry FROM reaches"
            + " WHERE id = ANY($1) ORDER BY id").execute(io.vertx.sqlclient.Tuple.of((Object) ids))
        .map(rows -> {
          List<ReachLine> out = new ArrayList<>();
          for (Row r : rows) {
            Object g = r.getValue("geometry");
            JsonArray coords = g instanceof JsonObject o ? o.getJsonArray("coordinates", new JsonArray()) : new JsonArray();
            out.add(new ReachLine(r.getLong("id"), r.getString("code"), r.getString("name_zh"), r.getLong("unit_id"),
                r.getLong("chief_user_id"), coords));
          }
          return out;
        });
  }

  Future<List<OpenHazard>> openHazards(Long chiefUserId) {
    Where where = Visibility.hazardsOf(new Where().and("h.status <> 'closed'"), chiefUserId, "r.chief_user_id",
        "h.reported_by");
    return pool.preparedQuery("SELECT h.severity, h.reported_at FROM hazards h LEFT JOIN reaches r ON r.id = h.reach_id"
            + where.sql())
        .execute(where.tuple())
        .map(rows -> {
          List<OpenHazard> out = new ArrayList<>();
          rows.forEach(r -> out.add(new OpenHazard(r.getString("severity"), r.getOffsetDateTime("reported_at"))));
          return out;
        });
  }

  Future<List<PatrolOfDay>> patrols(OffsetDateTime from, OffsetDateTime to, int limit) {
    return pool.preparedQuery("""
            SELECT p.started_at, r.name_zh, u.display_name, p.distance_m, p.duration_s, p.counted, p.not_counted_reason
            FROM patrols p JOIN reaches r ON r.id = p.reach_id JOIN users u ON u.id = p.patroller_id
            WHERE p.started_at >= $1 AND p.started_at < $2 ORDER BY p.started_at LIMIT $3""")
        .execute(Tuple.of(from, to, limit))
        .map(rows -> {
          List<PatrolOfDay> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new PatrolOfDay(r.getOffsetDateTime("started_at"), r.getString("name_zh"),
                r.getString("display_name"), r.getDouble("distance_m"), r.getLong("duration_s"),
                r.getBoolean("counted"), r.getString("not_counted_reason")));
          }
          return out;
        });
  }

  Future<List<HazardEvent>> hazardEvents(OffsetDateTime from, OffsetDateTime to, int limit) {
    return pool.preparedQuery("""
            SELECT e.at, h.id, h.type, r.name_zh, e.action, e.from_status, e.to_status, e.actor_name, e.reason
            FROM hazard_events e JOIN hazards h ON h.id = e.hazard_id LEFT JOIN reaches r ON r.id = h.reach_id
            WHERE e.at >= $1 AND e.at < $2 ORDER BY e.at, e.id LIMIT $3""")
        .execute(Tuple.of(from, to, limit))
        .map(rows -> {
          List<HazardEvent> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new HazardEvent(r.getOffsetDateTime("at"), r.getLong("id"), r.getString("type"),
                r.getString("name_zh"), r.getString("action"), r.getString("from_status"), r.getString("to_status"),
                r.getString("actor_name"), r.getString("reason")));
          }
          return out;
        });
  }
}
