package org.floodready.checkpoints;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;

/**
 * A reservoir (levels in m) or a waterlogging point (depths in cm). Kind-specific fields are null
 * for the other kind; override fields are null when the default applies.
 */
public record Checkpoint(long id, String code, String kind, String nameZh, String nameEn, long unitId,
    double lat, double lon, Reservoir reservoir, Waterlogging waterlogging, Overrides overrides, boolean active) {

  public static final String RESERVOIR = "reservoir";
  public static final String WATERLOGGING = "waterlogging";

  /** Characteristic levels of a reservoir in metres. */
  public record Reservoir(double bed, double dead, double normalPool, double floodHigh, double design,
      double check, double crest) {
    JsonObject toJson() {
      return new JsonObject().put("bedLevel", bed).put("deadLevel", dead).put("normalPoolLevel", normalPool)
          .put("floodHighLevel", floodHigh).put("designFloodLevel", design).put("checkFloodLevel", check)
          .put("crestLevel", crest);
    }
  }

  /** Depth thresholds of a waterlogging point in cm. */
  public record Waterlogging(String pointKind, double watch, double attention, double closeRoad, double severe) {
    JsonObject toJson() {
      return new JsonObject().put("pointKind", pointKind).put("watchCm", watch).put("attentionCm", attention)
          .put("closeRoadCm", closeRoad).put("severeCm", severe);
    }
  }

  /** Per-checkpoint overrides of {@link CheckpointDefaults}; null = default. */
  public record Overrides(Double hysteresisMargin, Double suspectStep, Double riseRatePerHour, Integer silentMinutes,
      Integer resolveMinutes) {
    JsonObject toJson() {
      return new JsonObject().put("hysteresisMargin", hysteresisMargin).put("suspectStep", suspectStep)
          .put("riseRatePerHour", riseRatePerHour).put("silentMinutes", silentMinutes)
          .put("resolveMinutes", resolveMinutes);
    }
  }

  public boolean isReservoir() {
    return RESERVOIR.equals(kind);
  }

  public String unitOfMeasure() {
    return isReservoir() ? "m" : "cm";
  }

  public double margin() {
    return overrides.hysteresisMargin() != null ? overrides.hysteresisMargin()
        : isReservoir() ? CheckpointDefaults.RESERVOIR_MARGIN_M : CheckpointDefaults.WATERLOGGING_MARGIN_CM;
  }

  public double suspectStep() {
    return overrides.suspectStep() != null ? overrides.suspectStep()
        : isReservoir() ? CheckpointDefaults.RESERVOIR_SUSPECT_STEP_M : CheckpointDefaults.WATERLOGGING_SUSPECT_STEP_CM;
  }

  public double riseRatePerHour() {
    return overrides.riseRatePerHour() != null ? overrides.riseRatePerHour() : CheckpointDefaults.RISE_RATE_M_PER_HOUR;
  }

  public int resolveMinutes() {
    return overrides.resolveMinutes() != null ? overrides.resolveMinutes() : CheckpointDefaults.RESOLVE_MINUTES;
  }

  static final String COLUMNS = "c.id, c.code, c.kind, c.name_zh, c.name_en, c.unit_id, c.lat, c.lon, c.bed_level,"
      + " c.dead_level, c.normal_pool_level, c.flood_high_level, c.design_flood_level, c.check_flood_level,"
      + " c.crest_level, c.point_kind, c.watch_cm, c.attention_cm, c.close_road_cm, c.severe_cm,"
      + " c.hysteresis_margin, c.suspect_step, c.rise_rate_per_hour, c.silent_minutes, c.resolve_minutes, c.active";

  static Checkpoint from(Row r) {
    String kind = r.getString("kind");
    Reservoir reservoir = RESERVOIR.equals(kind) ? new Reservoir(d(r, "bed_level"), d(r, "dead_level"),
        d(r, "normal_pool_level"), d(r, "flood_high_level"), d(r, "design_flood_level"), d(r, "check_flood_level"),
        d(r, "crest_level")) : null;
    Waterlogging waterlogging = WATERLOGGING.equals(kind) ? new Waterlogging(r.getString("point_kind"),
        d(r, "watch_cm"), d(r, "attention_cm"), d(r, "close_road_cm"), d(r, "severe_cm")) : null;
    Overrides overrides = new Overrides(opt(r, "hysteresis_margin"), opt(r, "suspect_step"),
        opt(r, "rise_rate_per_hour"), r.getInteger("silent_minutes"), r.getInteger("resolve_minutes"));
    return new Checkpoint(r.getLong("id"), r.getString("code"), kind, r.getString("name_zh"), r.getString("name_en"),
        r.getLong("unit_id"), r.getDouble("lat"), r.getDouble("lon"), reservoir, waterlogging, overrides,
        r.getBoolean("active"));
  }

  private static double d(Row r, String column) {
    return r.getNumeric(column).doubleValue();
  }

  static Double opt(Row r, String column) {
    var n = r.getNumeric(column);
    return n == null ? null : n.doubleValue();
  }

  static BigDecimal decimal(Double d) {
    return d == null ? null : BigDecimal.valueOf(d);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("code", code).put("kind", kind).put("nameZh", nameZh)
        .put("nameEn", nameEn).put("unitId", unitId).put("lat", lat).put("lon", lon)
        .put("valueUnit", unitOfMeasure()).put("active", active);
    if (reservoir != null) {
      json.put("reservoir", reservoir.toJson());
    }
    if (waterlogging != null) {
      json.put("waterlogging", waterlogging.toJson());
    }
    return json.put("overrides", overrides.toJson())
        .put("effective", new JsonObject().put("hysteresisMargin", margin()).put("suspectStep", suspectStep())
            .put("riseRatePerHour", isReservoir() ? riseRatePerHour() : null)
            .put("resolveMinutes", resolveMinutes()));
  }
}
