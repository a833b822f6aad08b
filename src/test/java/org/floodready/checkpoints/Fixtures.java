package org.floodready.checkpoints;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.floodready.support.Api;
import org.floodready.support.Resp;

/** Request bodies and small helpers shared by the checkpoint tests. */
final class Fixtures {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private Fixtures() {
  }

  static String code(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet();
  }

  /** A reservoir like 小魏庄: flood-limit 126.5 m in the main season, 127.5 m late, normal pool 128.5 m. */
  static JsonObject reservoir(String code, long unitId) {
    return new JsonObject().put("code", code).put("kind", "reservoir").put("nameZh", "测试水库 " + code)
        .put("nameEn", "Test reservoir " + code).put("unitId", unitId).put("lat", 34.6612).put("lon", 113.7408)
        .put("reservoir", new JsonObject().put("bedLevel", 118).put("deadLevel", 120).put("normalPoolLevel", 128.5)
            .put("floodHighLevel", 131).put("designFloodLevel", 132.6).put("checkFloodLevel", 133.8)
            .put("crestLevel", 135))
        .put("floodLimits", new JsonArray()
            .add(new JsonObject().put("name", "主汛期").put("startMd", "06-01").put("endMd", "08-15").put("level", 126.5))
            .add(new JsonObject().put("name", "后汛期").put("startMd", "08-16").put("endMd", "09-30").put("level", 127.5)));
  }

  static JsonObject waterlogging(String code, long unitId, String pointKind) {
    return new JsonObject().put("code", code).put("kind", "waterlogging").put("nameZh", "测试积水点 " + code)
        .put("nameEn", "Test point " + code).put("unitId", unitId).put("lat", 34.7152).put("lon", 113.7836)
        .put("waterlogging", new JsonObject().put("pointKind", pointKind))
        .put("services", new JsonArray().add(new JsonObject().put("kind", "pump").put("name", "潜水泵")
            .put("quantity", 2)));
  }

  static long create(Api admin, JsonObject body) {
    Resp r = admin.post("/api/admin/checkpoints", body);
    if (r.status() != 201) {
      throw new AssertionError("create checkpoint: " + r);
    }
    return r.json().getLong("id");
  }

  static JsonObject reading(double value, String measuredAt) {
    return new JsonObject().put("value", value).put("measuredAt", measuredAt);
  }
}
