package org.floodready.incidents;

import io.vertx.core.json.JsonObject;
import org.floodready.events.EventType;
import org.floodready.events.PendingEvents;

/**
 * Every event the incident and team writes emit, added to the write's {@link PendingEvents}:
 * {@code incident.changed}, {@code team.changed}, {@code team_requirement.changed}. Each carries the unit, so
 * the readiness of that unit is recomputed.
 */
final class IncidentEvents {
  private IncidentEvents() {
  }

  static void incidentChanged(PendingEvents events, long unitId, long incidentId, String status, String severity) {
    events.add(EventType.INCIDENT_CHANGED, new JsonObject().put("unitId", unitId).put("incidentId", incidentId)
        .put("status", status).put("severity", severity));
  }

  static void teamChanged(PendingEvents events, long unitId, long teamId, String status, Long incidentId) {
    events.add(EventType.TEAM_CHANGED, new JsonObject().put("unitId", unitId).put("teamId", teamId)
        .put("status", status).put("incidentId", incidentId));
  }

  static void requirementChanged(PendingEvents events, long unitId, int required) {
    events.add(EventType.TEAM_REQUIREMENT_CHANGED, new JsonObject().put("unitId", unitId).put("required", required));
  }
}
