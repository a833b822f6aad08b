package org.floodready.patrols;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.Resp;

/** Test tracks along the meridian 113.70 E and a test reach that follows it. */
final class Tracks {
  static final double LON = 113.70;

  private Tracks() {
  }

  /** {@code segments} steps of {@code stepDeg} latitude north from 34.70, {@code secondsPerStep} apart. */
  static JsonArray meridian(Instant start, int segments, double stepDeg, long secondsPerStep, double lon) {
    JsonArray points = new JsonArray();
    for (int i = 0; i <= segments; i++) {
      points.add(new JsonObject().put("lat", 34.70 + i * stepDeg).put("lon", lon)
          .put("t", start.plusSeconds(i * secondsPerStep).toString()));
    }
    return points;
  }

  static JsonObject patrol(long reachId, JsonArray points) {
    return new JsonObject().put("id", UUID.randomUUID().toString()).put("reachId", reachId).put("points", points)
        .put("notes", "例行巡河");
  }

  /** Creates a reach along the meridian (34.70 to 34.73 N) for the given chief; returns its id. */
  static long createReach(Api admin, String code, long unitId, long chiefUserId, String level) {
    Resp rivers = admin.get("/api/rivers");
    long riverId = rivers.json().getJsonArray("items").getJsonObject(0).getLong("id");
    Resp r = admin.post("/api/reaches", new JsonObject().put("riverId", riverId).put("code", code)
        .put("nameZh", "测试河段 " + code).put("nameEn", "Test reach " + code).put("unitId", unitId)
        .put("chiefUserId", chiefUserId).put("chiefLevel", level)
        .put("geometry", new JsonObject().put("type", "LineString").put("coordinates", new JsonArray()
            .add(new JsonArray().add(LON).add(34.70)).add(new JsonArray().add(LON).add(34.73)))));
    if (r.status() != 201) {
      throw new IllegalStateException("create reach: " + r);
    }
    return r.json().getLong("id");
  }

  static long userId(Api user) {
    return user.get("/api/auth/me").json().getLong("id");
  }

  static long unitId(Api user) {
    return user.get("/api/auth/me").json().getLong("unitId");
  }
}
