package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import org.floodready.events.DomainEvents;
import org.floodready.events.EventType;
import org.floodready.events.Outbox;

/**
 * Every event the incident and team writes emit, gathered while the transaction runs and appended to the
 * event log at its end, inside it: {@code incident.changed}, {@code team.changed}, {@code team_requirement.changed}.
 * Each carries the unit, so the readiness of that unit is recomputed.
 */
final class IncidentEvents {
  private final List<Outbox.Event> pending = new ArrayList<>();

  synchronized IncidentEvents incidentChanged(long unitId, long incidentId, String status, String severity) {
    pending.add(new Outbox.Event(EventType.INCIDENT_CHANGED, new JsonObject().put("unitId", unitId).put("incidentId", incidentId)
        .put("status", status).put("severity", severity)));
    return this;
  }

  synchronized IncidentEvents teamChanged(long unitId, long teamId, String status, Long incidentId) {
    pending.add(new Outbox.Event(EventType.TEAM_CHANGED, new JsonObject().put("unitId", unitId).put("teamId", teamId)
        .put("status", status).put("incidentId", incidentId)));
    return this;
  }

  synchronized IncidentEvents requirementChanged(long unitId, int required) {
    pending.add(new Outbox.Event(EventType.TEAM_REQUIREMENT_CHANGED, new JsonObject().put("unitId", unitId)
        .put("required", required)));
    return this;
  }

  Future<Void> appendTo(SqlClient tx, DomainEvents events) {
    List<Outbox.Event> gathered;
    synchronized (this) {
      gathered = List.copyOf(pending);
      pending.clear();
    }
    return events.appendAll(tx, gathered);
  }
}
