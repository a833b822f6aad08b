package org.floodready.patrols;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.floodready.http.Fields;

/** Checks hazard reports and workflow input. */
public final class HazardValidation {
  /** An assignment: the responsible unit and the rectification deadline. */
  public record Assignment(long unitId, OffsetDateTime deadline) {
  }

  private HazardValidation() {
  }

  public static HazardInput report(JsonObject body) {
    Fields in = new Fields(body);
    Long reachId = in.id("reachId", false);
    Long unitId = in.id("unitId", false);
    if (reachId == null && unitId == null && in.valid()) {
      in.error("reachId", "is required (or unitId for a hazard away from any reach)");
    }
    java.util.UUID patrolId = in.has("patrolId") ? PatrolValidation.uuid(in, "patrolId") : null;
    String type = in.oneOf("type", HazardWorkflow.TYPES, true);
    String severity = in.oneOf("severity", HazardWorkflow.SEVERITIES, true);
    Double lat = in.latitude("lat", true);
    Double lon = in.longitude("lon", true);
    String description = in.requiredText("description", 4000);
    in.validate();
    return new HazardInput(reachId, unitId, patrolId, type, severity, lat, lon, description);
  }

  public static Assignment assignment(JsonObject body, OffsetDateTime now) {
    Fields in = new Fields(body);
    Long unitId = in.id("unitId", true);
    OffsetDateTime deadline = in.time("deadline", true);
    if (deadline != null && !deadline.isAfter(now)) {
      in.error("deadline", "must be in the future");
    }
    in.validate();
    return new Assignment(unitId, deadline);
  }

  /** A note the action needs (rectification note, reopen reason) or an optional comment. */
  public static String note(JsonObject body, String name, boolean required) {
    Fields in = new Fields(body);
    String note = in.text(name, 4000, required);
    in.validate();
    return note;
  }
}
