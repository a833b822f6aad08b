package org.floodready.incidents;

import io.vertx.core.json.JsonObject;
import org.floodready.input.Fields;
import org.floodready.input.Checked;

/**
 * Reads incident reports, status changes and notes the contract has checked ({@code reportIncident},
 * {@code changeIncidentStatus}, {@code addIncidentNote}: kinds, severities, statuses, ranges and lengths).
 */
final class IncidentValidation {
  /** A requested status change with the version the caller last saw. */
  record StatusChange(String status, String note, int version) {
  }

  private IncidentValidation() {
  }

  static IncidentInput report(JsonObject body) {
    String kind = Checked.text(body, "kind");
    String title = Checked.text(body, "title");
    return new IncidentInput(kind, title != null ? title : IncidentRules.KIND_ZH.get(kind),
        Checked.text(body, "description"), Checked.text(body, "severity"), Checked.number(body, "lat"),
        Checked.number(body, "lon"), Checked.id(body, "reachId"), Checked.id(body, "checkpointId"),
        Checked.id(body, "unitId"));
  }

  static StatusChange statusChange(JsonObject body) {
    return new StatusChange(Checked.text(body, "status"), Checked.requiredText(body, "note"),
        Checked.integer(body, "version"));
  }

  static String note(JsonObject body) {
    return Checked.requiredText(body, "note");
  }
}
