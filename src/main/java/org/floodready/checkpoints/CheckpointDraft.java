package org.floodready.checkpoints;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A checkpoint as an admin sends it, validated, before it is stored. */
public record CheckpointDraft(String code, String kind, String nameZh, String nameEn, long unitId, double lat,
    double lon, Checkpoint.Reservoir reservoir, Checkpoint.Waterlogging waterlogging, Checkpoint.Overrides overrides,
    boolean active, List<FloodLimitPeriod> floodLimits, List<Service> services) {

  /** A pump, pump truck, pump station or supply base serving a waterlogging point. */
  public record Service(String kind, String name, Long baseId, Integer quantity) {
    public static final List<String> KINDS = List.of("pump", "pump_truck", "pump_station", "base");

    public JsonObject toJson() {
      return new JsonObject().put("kind", kind).put("name", name).put("baseId", baseId).put("quantity", quantity);
    }
  }
}
