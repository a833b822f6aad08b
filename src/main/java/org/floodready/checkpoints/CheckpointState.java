package org.floodready.checkpoints;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.floodready.geo.GeoJson;

/**
 * One checkpoint's current state, as {@link CheckpointStates#all} gives it to readiness and the
 * board; level is none, blue, yellow, orange or red.
 */
public record CheckpointState(long checkpointId, String code, String nameZh, String nameEn, String kind,
    long unitId, double lat, double lon, String level, Double lastValue, OffsetDateTime lastReadingAt,
    boolean silent, int activeAlerts) {

  /** The checkpoint with its state as a GeoJSON point feature. */
  public JsonObject feature(Function<OffsetDateTime, String> iso) {
    return GeoJson.feature(checkpointId, GeoJson.point(lon, lat), new JsonObject().put("code", code)
        .put("nameZh", nameZh).put("nameEn", nameEn).put("kind", kind).put("unitId", unitId).put("level", level)
        .put("lastValue", lastValue).put("valueUnit", "reservoir".equals(kind) ? "m" : "cm")
        .put("lastReadingAt", iso.apply(lastReadingAt)).put("silent", silent)
        .put("activeAlerts", activeAlerts));
  }
}
