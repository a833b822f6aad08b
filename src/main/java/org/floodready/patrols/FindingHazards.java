package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import org.floodready.access.CurrentUser;

/**
 * Hazards found by an inspection round: reported and at once assigned to the site's unit with a deadline,
 * inside the caller's transaction, with their report and assign events. A reach is optional (a base or a
 * checkpoint has none); the hazard keeps the site's unit and position.
 */
public final class FindingHazards {
  /** What one problem of a round becomes. */
  public record Finding(Long reachId, long unitId, String severity, double lat, double lon, String description,
      OffsetDateTime deadline) {
  }

  private FindingHazards() {
  }

  /** Inserts the hazard (status assigned) and its events; returns its id. */
  public static Future<Long> record(SqlClient tx, Finding f, CurrentUser actor, OffsetDateTime now, long roundId) {
    return tx.preparedQuery("""
            INSERT INTO hazards (reach_id, unit_id, type, severity, lat, lon, description, status, reported_by,
              reported_at, assigned_unit_id, assigned_at, deadline_at, updated_at)
            VALUES ($1, $2, 'inspection', $3, $4, $5, $6, 'assigned', $7, $8, $2, $8, $9, $8) RETURNING id""")
        .execute(Tuple.from(new Object[] {f.reachId(), f.unitId(), f.severity(), f.lat(), f.lon(), f.description(),
            actor.id(), now, f.deadline()}))
        .map(rows -> rows.iterator().next().getLong("id"))
        .compose(id -> {
          HazardRepository events = new HazardRepository(null);
          JsonObject details = new JsonObject().put("roundId", roundId).put("severity", f.severity())
              .put("type", "inspection");
          return events.event(tx, id, now, actor, "report", null, HazardWorkflow.REPORTED, null, details)
              .compose(v -> events.event(tx, id, now, actor, "assign", HazardWorkflow.REPORTED,
                  HazardWorkflow.ASSIGNED, "检查发现 found by inspection round " + roundId,
                  new JsonObject().put("unitId", f.unitId()).put("deadline", f.deadline().toString())))
              .map(id);
        });
  }

  /** Copies a round answer's photo to the hazard as its report photo. */
  public static Future<Void> photo(SqlClient tx, long hazardId, String contentType, io.vertx.core.buffer.Buffer data,
      long userId, OffsetDateTime now) {
    return new HazardRepository(null).insertPhoto(tx, hazardId, "report", contentType, data, userId, now).mapEmpty();
  }
}
