package org.floodready.incidents;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.floodready.cluster.DomainEvents;

/**
 * Every event the incident and team writes emit, gathered while the transaction runs and published only
 * after it committed: {@code incident.changed}, {@code team.changed}, {@code team_requirement.changed}.
 * Each carries the unit, so the readiness of that unit is recomputed.
 */
final class IncidentEvents {
  private record Pending(String type, JsonObject payload) {
  }

  private final List<Pending> pending = new ArrayList<>();

  synchronized IncidentEvents incidentChanged(long unitId, long incidentId, String status, String severity) {
    pending.add(new Pending("incident.changed", new JsonObject().put("unitId", unitId).put("incidentId", incidentId)
        .put("status", status).put("severity", severity)));
    return this;
  }

  synchronized IncidentEvents teamChanged(long unitId, long teamId, String status, Long incidentId) {
    pending.add(new Pending("team.changed", new JsonObject().put("unitId", unitId).put("teamId", teamId)
        .put("status", status).put("incidentId", incidentId)));
    return this;
  }

  synchronized IncidentEvents requirementChanged(long unitId, int required) {
    pending.add(new Pending("team_requirement.changed", new JsonObject().put("unitId", unitId)
        .put("required", required)));
    return this;
  }

  synchronized void publish(DomainEvents events) {
    pending.forEach(p -> events.publish(p.type(), p.payload()));
    pending.clear();
  }
}
