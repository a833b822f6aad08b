package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;

/**
 * The writes of rescue teams, each in the caller's transaction with its audit row: create, edit (optimistic
 * on {@code version}), dispatch to an incident (deployment row and incident log row), stand-down, and a
 * unit's requirement. Events go into the given {@link IncidentEvents}.
 */
final class TeamService {
  private final AppContext app;
  private final TeamRepository teams;
  private final IncidentRepository incidents;

  TeamService(AppContext app) {
    this.app = app;
    this.teams = new TeamRepository(app.pool());
    this.incidents = new IncidentRepository(app.pool());
  }

  Future<JsonObject> create(SqlClient tx, TeamInput in, CurrentUser user, IncidentEvents events) {
    OffsetDateTime now = app.now();
    return checkReferences(tx, in).compose(v -> teams.insert(tx, in, now))
        .compose(id -> AuditLog.record(tx, now, user, "team.create", "rescue_team", id,
                new JsonObject().put("unitId", in.unitId()).put("name", in.name()))
            .compose(v -> json(tx, id)))
        .map(json -> {
          events.teamChanged(in.unitId(), json.getLong("id"), TeamRules.STANDBY, null);
          return json;
        });
  }

  Future<JsonObject> edit(SqlClient tx, long id, TeamInput in, CurrentUser user, IncidentEvents events) {
    OffsetDateTime now = app.now();
    return locked(tx, id).compose(row -> checkReferences(tx, in)
        .compose(v -> teams.update(tx, id, in, now))
        .compose(updated -> {
          if (!updated) {
            throw ApiError.conflict("stale_version", "Team " + id + " was changed meanwhile (version "
                + row.getInteger("version") + ", you sent " + in.version() + "); reload and try again");
          }
          return AuditLog.record(tx, now, user, "team.edit", "rescue_team", id,
              new JsonObject().put("unitId", in.unitId()).put("name", in.name()).put("members", in.members()));
        })
        .compose(v -> json(tx, id))
        .map(json -> {
          long before = row.getLong("unit_id");
          events.teamChanged(in.unitId(), id, json.getString("status"), json.getLong("incidentId"));
          if (before != in.unitId()) {
            events.teamChanged(before, id, json.getString("status"), json.getLong("incidentId"));
          }
          return json;
        }));
  }

  private Future<Void> checkReferences(SqlClient tx, TeamInput in) {
    return teams.missingReference(tx, in).map(field -> {
      if (field != null) {
        throw ApiError.invalid(field, "no " + ("unitId".equals(field) ? "unit " + in.unitId() : "base " + in.baseId()));
      }
      return null;
    });
  }

  /** Sends a standby team to an open incident. */
  Future<JsonObject> dispatch(SqlClient tx, long incidentId, TeamValidation.Dispatch in, CurrentUser user,
      IncidentEvents events) {
    OffsetDateTime now = app.now();
    return incidents.lock(tx, incidentId).compose(found -> {
      Row incident = found.orElseThrow(() -> ApiError.notFound("Incident", incidentId));
      if (!IncidentRules.isOpen(incident.getString("status"))) {
        throw ApiError.conflict("incident_closed", "Incident " + incidentId + " is closed; no team can be sent to it");
      }
      return teams.lock(tx, in.teamId()).compose(t -> {
        Row team = t.orElseThrow(() -> ApiError.invalid("teamId", "no team " + in.teamId()));
        if (!TeamRules.STANDBY.equals(team.getString("status"))) {
          throw ApiError.conflict("team_not_available", "Team " + team.getString("name") + " is "
              + team.getString("status") + (team.getLong("incident_id") != null
              ? " (at incident " + team.getLong("incident_id") + ")" : "") + "; only a standby team can be sent");
        }
        return teams.setStatus(tx, in.teamId(), TeamRules.DEPLOYED, incidentId, now)
            .compose(v -> teams.startDeployment(tx, in.teamId(), incidentId, user.id(), in.note(), now))
            .compose(deploymentId -> incidents.log(tx, incidentId, now, user.id(), "team_dispatched", null, in.note(),
                    new JsonObject().put("teamId", in.teamId()).put("teamName", team.getString("name"))
                        .put("deploymentId", deploymentId))
                .compose(v -> AuditLog.record(tx, now, user, "team.dispatch", "rescue_team", in.teamId(),
                    new JsonObject().put("incidentId", incidentId).put("deploymentId", deploymentId))))
            .compose(v -> json(tx, in.teamId()))
            .map(json -> {
              events.teamChanged(team.getLong("unit_id"), in.teamId(), TeamRules.DEPLOYED, incidentId)
                  .incidentChanged(incident.getLong("unit_id"), incidentId, incident.getString("status"),
                      incident.getString("severity"));
              return json;
            });
      });
    });
  }

  /** Deployed → resting or standby (ending its deployment, logged on the incident); resting → standby. */
  Future<JsonObject> standDown(SqlClient tx, long id, TeamValidation.StandDown in, CurrentUser user,
      IncidentEvents events) {
    OffsetDateTime now = app.now();
    return locked(tx, id).compose(team -> {
      String from = team.getString("status");
      String to = TeamRules.standDown(from, in.status());
      if (to == null) {
        throw ApiError.conflict("invalid_transition", "A team that is " + from + " cannot be stood down to "
            + in.status() + "; deployed → resting or standby, resting → standby");
      }
      Future<Long> ended = teams.endDeployment(tx, id, user.id(), to, now).compose(deployment -> {
        if (deployment.isEmpty()) {
          return Future.succeededFuture(null);
        }
        long incidentId = deployment.get().getLong("incident_id");
        return incidents.log(tx, incidentId, now, user.id(), "team_stood_down", null, in.note(),
                new JsonObject().put("teamId", id).put("teamName", team.getString("name")).put("status", to)
                    .put("deploymentId", deployment.get().getLong("id")))
            .map(incidentId);
      });
      return ended.compose(incidentId -> teams.setStatus(tx, id, to, null, now)
          .compose(v -> AuditLog.record(tx, now, user, "team.stand_down", "rescue_team", id,
              new JsonObject().put("from", from).put("to", to).put("incidentId", incidentId).put("note", in.note())))
          .compose(v -> json(tx, id))
          .compose(json -> {
            events.teamChanged(team.getLong("unit_id"), id, to, incidentId);
            if (incidentId == null) {
              return Future.succeededFuture(json);
            }
            return incidents.find(tx, incidentId).map(i -> {
              i.ifPresent(r -> events.incidentChanged(r.getLong("unit_id"), incidentId, r.getString("status"),
                  r.getString("severity")));
              return json;
            });
          }));
    });
  }

  Future<JsonObject> setRequirement(SqlClient tx, long unitId, int required, CurrentUser user,
      IncidentEvents events) {
    OffsetDateTime now = app.now();
    return incidents.unitExists(tx, unitId).compose(ok -> {
      if (!ok) {
        throw ApiError.notFound("Unit", unitId);
      }
      return teams.setRequirement(tx, unitId, required, user.id(), now)
          .compose(v -> AuditLog.record(tx, now, user, "team.requirement", "unit", unitId,
              new JsonObject().put("required", required)))
          .compose(v -> teams.counts(tx, List.of(unitId)))
          .map(rows -> {
            events.requirementChanged(unitId, required);
            return TeamRepository.countJson(rows.iterator().next());
          });
    });
  }

  private Future<Row> locked(SqlClient tx, long id) {
    return teams.lock(tx, id).map(found -> found.orElseThrow(() -> ApiError.notFound("Team", id)));
  }

  Future<JsonObject> json(SqlClient db, long id) {
    return teams.find(db, id).map(found -> TeamRepository.toJson(
        found.orElseThrow(() -> ApiError.notFound("Team", id)), app::iso));
  }
}
