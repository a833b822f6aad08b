package org.floodready.checkpoints;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** Checkpoints with their state as an RFC 7946 FeatureCollection; positions are [longitude, latitude]. */
public final class GeoJson {
  private GeoJson() {
  }

  public static JsonObject checkpoints(List<CheckpointState> states, Function<OffsetDateTime, String> iso) {
    JsonArray features = new JsonArray();
    for (CheckpointState s : states) {
      features.add(new JsonObject()
          .put("type", "Feature")
          .put("id", s.checkpointId())
          .put("geometry", new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(s.lon())
              .add(s.lat())))
          .put("properties", new JsonObject().put("code", s.code()).put("nameZh", s.nameZh())
              .put("nameEn", s.nameEn()).put("kind", s.kind()).put("unitId", s.unitId()).put("level", s.level())
              .put("lastValue", s.lastValue()).put("valueUnit", "reservoir".equals(s.kind()) ? "m" : "cm")
              .put("lastReadingAt", iso.apply(s.lastReadingAt())).put("silent", s.silent())
              .put("activeAlerts", s.activeAlerts())));
    }
    return new JsonObject().put("type", "FeatureCollection").put("features", features);
  }
}
