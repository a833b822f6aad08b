package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.access.Scope;

/**
 * The writes of an incident, each inside the caller's transaction with its log row and audit row: report,
 * status change (optimistic on {@code version}), note and photo. Events go into the given
 * {@link IncidentEvents}, to be published after the commit.
 */
final class IncidentService {
  private final AppContext app;
  private final IncidentRepository incidents;

  IncidentService(AppContext app) {
    this.app = app;
    this.incidents = new IncidentRepository(app.pool());
  }

  Future<JsonObject> report(SqlClient tx, IncidentInput in, CurrentUser user, IncidentEvents events) {
    OffsetDateTime now = app.now();
    return unitOf(tx, in, user).compose(unitId -> incidents.insert(tx, in, unitId, user.id(), now)
        .compose(id -> incidents.log(tx, id, now, user.id(), "report", IncidentRules.REPORTED, in.description(),
                new JsonObject().put("kind", in.kind()).put("severity", in.severity()))
            .compose(v -> AuditLog.record(tx, now, user, "incident.report", "incident", id,
                new JsonObject().put("unitId", unitId).put("kind", in.kind()).put("severity", in.severity())))
            .compose(v -> json(tx, id))
            .map(json -> {
              events.incidentChanged(unitId, id, IncidentRules.REPORTED, in.severity());
              return json;
            })));
  }

  /** The reach's unit, else the checkpoint's, else the one named, else the reporter's own. */
  private Future<Long> unitOf(SqlClient tx, IncidentInput in, CurrentUser user) {
    if (in.reachId() != null) {
      return incidents.unitOf(tx, "reaches", in.reachId())
          .map(u -> u.orElseThrow(() -> ApiError.invalid("reachId", "no reach " + in.reachId())));
    }
    if (in.checkpointId() != null) {
      return incidents.unitOf(tx, "checkpoints", in.checkpointId())
          .map(u -> u.orElseThrow(() -> ApiError.invalid("checkpointId", "no checkpoint " + in.checkpointId())));
    }
    if (in.unitId() != null) {
      return incidents.unitExists(tx, in.unitId()).map(ok -> {
        if (!ok) {
          throw ApiError.invalid("unitId", "no unit " + in.unitId());
        }
        return in.unitId();
      });
    }
    if (user.unitId() == null) {
      return Future.failedFuture(ApiError.invalid("unitId", "is required: your account belongs to no unit"));
    }
    return Future.succeededFuture(user.unitId());
  }

  Future<JsonObject> changeStatus(SqlClient tx, long id, IncidentValidation.StatusChange change, CurrentUser user,
      IncidentEvents events) {
    OffsetDateTime now = app.now();
    return locked(tx, id, null, user).compose(row -> {
      String from = row.getString("status");
      if (row.getInteger("version") != change.version()) {
        throw ApiError.conflict("stale_version", "Incident " + id + " was changed meanwhile (version "
            + row.getInteger("version") + ", you sent " + change.version() + "); reload and try again");
      }
      if (!IncidentRules.canMove(from, change.status())) {
        throw ApiError.conflict("invalid_transition", "An incident that is " + from + " cannot become "
            + change.status() + "; statuses only move forward: " + String.join(" → ", IncidentRules.STATUSES));
      }
      return incidents.setStatus(tx, id, change.status(), change.version(), now)
          .compose(v -> incidents.log(tx, id, now, user.id(), "status", change.status(), change.note(),
              new JsonObject().put("from", from)))
          .compose(v -> AuditLog.record(tx, now, user, "incident.status", "incident", id,
              new JsonObject().put("from", from).put("to", change.status()).put("note", change.note())))
          .compose(v -> json(tx, id))
          .map(json -> {
            events.incidentChanged(json.getLong("unitId"), id, change.status(), json.getString("severity"));
            return json;
          });
    });
  }

  Future<JsonObject> note(SqlClient tx, long id, String note, Scope scope, CurrentUser user, IncidentEvents events) {
    OffsetDateTime now = app.now();
    return locked(tx, id, scope, user).compose(row -> incidents.log(tx, id, now, user.id(), "note", null, note, null)
        .compose(v -> AuditLog.record(tx, now, user, "incident.note", "incident", id, new JsonObject().put("note", note)))
        .compose(v -> json(tx, id))
        .map(json -> {
          events.incidentChanged(json.getLong("unitId"), id, json.getString("status"), json.getString("severity"));
          return json;
        }));
  }

  Future<JsonObject> photo(SqlClient tx, long id, String type, Buffer data, Scope scope, CurrentUser user) {
    OffsetDateTime now = app.now();
    return locked(tx, id, scope, user).compose(row -> {
      if (!IncidentRules.isOpen(row.getString("status"))) {
        throw ApiError.conflict("incident_closed", "Incident " + id + " is closed; photos can no longer be added");
      }
      return incidents.insertPhoto(tx, id, type, data, user.id(), now)
          .compose(photoId -> incidents.log(tx, id, now, user.id(), "photo", null, null,
                  new JsonObject().put("photoId", photoId))
              .compose(v -> AuditLog.record(tx, now, user, "incident.photo", "incident", id,
                  new JsonObject().put("photoId", photoId).put("bytes", data.length())))
              .map(v -> new JsonObject().put("id", photoId).put("contentType", type).put("sizeBytes", data.length())
                  .put("uploadedBy", user.id()).put("uploadedAt", app.iso(now))
                  .put("url", IncidentRepository.photoUrl(id, photoId))));
    });
  }

  /** The incident locked for a change; 404 when missing, 403 outside the caller's scope (null scope: no check). */
  Future<Row> locked(SqlClient tx, long id, Scope scope, CurrentUser user) {
    return incidents.lock(tx, id).map(found -> {
      Row row = found.orElseThrow(() -> ApiError.notFound("Incident", id));
      if (scope != null && !visible(scope, row.getLong("unit_id"), row.getLong("reported_by"), user)) {
        throw ApiError.forbidden("Incident " + id + " is outside your units");
      }
      return row;
    });
  }

  static boolean visible(Scope scope, long unitId, long reportedBy, CurrentUser user) {
    return scope.allows(unitId) || reportedBy == user.id();
  }

  Future<JsonObject> json(SqlClient db, long id) {
    return incidents.find(db, id).map(found -> IncidentRepository.toJson(
        found.orElseThrow(() -> ApiError.notFound("Incident", id)), app::iso));
  }
}
