package org.floodready.patrols;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.floodready.errors.ApiError;
import org.floodready.input.Checked;
import org.floodready.input.Fields;

/** Reads hazard reports and workflow input; the contract checks their shape, this what it cannot say. */
public final class HazardValidation {
  /** An assignment: the responsible unit and the rectification deadline. */
  public record Assignment(long unitId, OffsetDateTime deadline) {
  }

  private HazardValidation() {
  }

  /** A report the contract has checked (HazardInput); a hazard lies on a reach or, away from any, in a unit. */
  public static HazardInput report(JsonObject body) {
    Long reachId = Checked.id(body, "reachId");
    Long unitId = Checked.id(body, "unitId");
    if (reachId == null && unitId == null) {
      throw ApiError.invalid("reachId", "is required (or unitId for a hazard away from any reach)");
    }
    String patrolId = Checked.text(body, "patrolId");
    return new HazardInput(reachId, unitId, patrolId == null ? null : java.util.UUID.fromString(patrolId),
        Checked.text(body, "type"), Checked.text(body, "severity"), body.getDouble("lat"), body.getDouble("lon"),
        Checked.requiredText(body, "description"));
  }

  /** An assignment the contract has checked; its deadline lies ahead (a rule on the clock). */
  public static Assignment assignment(JsonObject body, OffsetDateTime now) {
    OffsetDateTime deadline = Checked.time(body, "deadline");
    if (!deadline.isAfter(now)) {
      throw ApiError.invalid("deadline", "must be in the future");
    }
    return new Assignment(Checked.id(body, "unitId"), deadline);
  }

  /** A note the action needs (rectification note, reopen reason; the contract requires it) or an optional comment. */
  public static String note(JsonObject body, String name, boolean required) {
    return required ? Checked.requiredText(body, name) : Checked.text(body, name);
  }
}
