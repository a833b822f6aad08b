package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Map;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;

/** The incident (险情) a stock movement names, read inside the writing transaction. */
final class IncidentRefs {
  /** Just what stock writes need of an incident. */
  record IncidentRef(long id, String title, String status) {
    /** The recipient written on an issue to this incident when the keeper names none. */
    String label() {
      return "险情 #" + id + " " + title;
    }
  }

  private IncidentRefs() {
  }

  /**
   * The incident an issue goes to (null when none is named): 422 when it does not exist, 409 once it is
   * closed. Locked for share so it cannot close while the issue is being written.
   */
  static Future<IncidentRef> forIssue(SqlClient tx, Long incidentId) {
    if (incidentId == null) {
      return Future.succeededFuture(null);
    }
    return lock(tx, incidentId).map(ref -> {
      if (ref == null) {
        throw new ApiError(422, "unknown_incident", "Incident " + incidentId + " does not exist",
            Map.of("incidentId", "no such incident"));
      }
      if (ref.status().equals("closed")) {
        throw new ApiError(409, "incident_closed", "Incident " + incidentId + " is closed; nothing more is issued to it",
            Map.of("incidentId", "is closed"));
      }
      return ref;
    });
  }

  /** The incident a return comes back from: 404 when it does not exist (it may be closed). */
  static Future<IncidentRef> forReturn(SqlClient tx, long incidentId) {
    return lock(tx, incidentId).map(ref -> {
      if (ref == null) {
        throw ApiError.notFound("Incident", incidentId);
      }
      return ref;
    });
  }

  /** Appends a line to the incident's log (what was sent, what came back), in the same transaction. */
  static Future<Void> log(SqlClient tx, long incidentId, OffsetDateTime at, CurrentUser actor, String kind,
      String note, JsonObject detail) {
    return tx.preparedQuery("INSERT INTO incident_log (incident_id, at, user_id, kind, note, detail)"
            + " VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(incidentId, at, actor.id(), kind, note, detail)).mapEmpty();
  }

  private static Future<IncidentRef> lock(SqlClient tx, long incidentId) {
    return tx.preparedQuery("SELECT id, title, status FROM incidents WHERE id = $1 FOR SHARE")
        .execute(Tuple.of(incidentId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next())
        .map(r -> r == null ? null : new IncidentRef(r.getLong("id"), r.getString("title"), r.getString("status")));
  }
}
