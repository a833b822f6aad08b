package org.floodready.incidents;

import io.vertx.core.json.JsonObject;
import org.floodready.input.Fields;

/** Checks incident reports, status changes and notes; every wrong field is named in one 400. */
final class IncidentValidation {
  /** A requested status change with the version the caller last saw. */
  record StatusChange(String status, String note, int version) {
  }

  private IncidentValidation() {
  }

  static IncidentInput report(JsonObject body) {
    Fields in = new Fields(body);
    String kind = in.oneOf("kind", IncidentRules.KINDS, true);
    String severity = in.oneOf("severity", IncidentRules.SEVERITIES, true);
    Double lat = in.latitude("lat", true);
    Double lon = in.longitude("lon", true);
    String title = in.optionalText("title", 200);
    String description = in.optionalText("description", 4000);
    Long reachId = in.id("reachId", false);
    Long checkpointId = in.id("checkpointId", false);
    Long unitId = in.id("unitId", false);
    in.validate();
    String shown = title != null ? title : IncidentRules.KIND_ZH.get(kind);
    return new IncidentInput(kind, shown, description, severity, lat, lon, reachId, checkpointId, unitId);
  }

  static StatusChange statusChange(JsonObject body) {
    Fields in = new Fields(body);
    String status = in.oneOf("status", IncidentRules.STATUSES, true);
    String note = in.requiredText("note", 4000);
    Integer version = in.integer("version", 1, Integer.MAX_VALUE, true);
    in.validate();
    return new StatusChange(status, note, version);
  }

  static String note(JsonObject body) {
    Fields in = new Fields(body);
    String note = in.requiredText("note", 4000);
    in.validate();
    return note;
  }
}
