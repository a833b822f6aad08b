package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deadlines of open high-severity hazards shrink while a red or orange warning is active in their
 * unit. The warning is real: a waterlogging checkpoint driven to red through the checkpoints API.
 */
@FloodReadyTest(clock = "2027-07-20T08:00:00+08:00")
class WarningShorteningTest {
  static long unitId;
  static long reachId;

  @BeforeAll
  static void aReach(@As("admin") Api admin, @As("chief") Api chief) {
    unitId = Tracks.unitId(chief);
    reachId = Tracks.createReach(admin, "T-WARN", unitId, Tracks.userId(chief), "village");
  }

  private static long reportAndAssign(TestClock clock, Api chief, Api duty, String severity, double deadlineDays) {
    Resp r = chief.post("/api/hazards", new JsonObject().put("reachId", reachId).put("type", "seepage_piping")
        .put("severity", severity).put("lat", 34.712).put("lon", 113.70).put("description", "堤脚渗水 seepage"),
        UUID.randomUUID().toString());
    assertEquals(201, r.status(), r.toString());
    long id = r.json().getLong("id");
    Resp a = duty.post("/api/hazards/" + id + "/assign", new JsonObject().put("unitId", unitId)
        .put("deadline", clock.instant().plus(Duration.ofHours(Math.round(deadlineDays * 24))).toString()));
    assertEquals(200, a.status(), a.toString());
    return id;
  }

  private static void driveToRed(TestClock clock, Api admin, long checkpointId) {
    double[] depths = {5, 10, 15, 25, 40};
    for (int i = 0; i < depths.length; i++) {
      Resp r = admin.post("/api/checkpoints/" + checkpointId + "/readings", new JsonObject().put("value", depths[i])
          .put("measuredAt", clock.instant().minus(Duration.ofMinutes(10 - i)).toString()));
      assertEquals(201, r.status(), r.toString());
    }
  }

  @Test
  void highSeverityDeadlinesAreShortenedUnderARedWarningAndBecomeOverdueSooner(TestClock clock,
      @As("admin") Api admin, @As("duty") Api duty, @As("chief5") Api chief5, @As("chief") Api chief) {
    long high = reportAndAssign(clock, chief, duty, "high", 4);
    long medium = reportAndAssign(clock, chief, duty, "medium", 4);
    assertFalse(duty.get("/api/hazards/" + high).json().getBoolean("deadlineShortened"));

    Resp cp = admin.post("/api/admin/checkpoints", new JsonObject().put("code", "T-WARN-WL").put("kind", "waterlogging")
        .put("nameZh", "测试积水点").put("nameEn", "Test waterlogging point").put("unitId", unitId)
        .put("lat", 34.71).put("lon", 113.70)
        .put("waterlogging", new JsonObject().put("pointKind", "road"))
        .put("services", new JsonArray()));
    assertEquals(201, cp.status(), cp.toString());
    driveToRed(clock, admin, cp.json().getLong("id"));
    JsonObject red = admin.get("/api/checkpoints/" + cp.json().getLong("id")).json();
    assertEquals("red", red.getJsonObject("state").getString("level"), red.encode());

    JsonObject h = duty.get("/api/hazards/" + high).json();
    assertTrue(h.getBoolean("deadlineShortened"), h.encode());
    // Factor 0.5: four days from assignment become two.
    assertEquals(OffsetDateTime.parse(h.getString("assignedAt")).plusDays(2).toInstant(),
        OffsetDateTime.parse(h.getString("effectiveDeadline")).toInstant());
    assertFalse(duty.get("/api/hazards/" + medium).json().getBoolean("deadlineShortened"));

    clock.advance(Duration.ofDays(3));
    assertTrue(duty.get("/api/hazards/" + high).json().getBoolean("overdue"));
    assertFalse(duty.get("/api/hazards/" + medium).json().getBoolean("overdue"));
    Resp sweep = duty.post("/api/hazards/sweep-overdue", new JsonObject());
    assertTrue(sweep.json().getJsonArray("hazardIds").stream().anyMatch(o -> ((Number) o).longValue() == high));

    // A hazard on a reach in a unit without a warning keeps its deadline.
    long otherUnit = Tracks.unitId(chief5);
    Resp elsewhere = duty.post("/api/hazards", new JsonObject().put("unitId", otherUnit).put("type", "bank")
        .put("severity", "high").put("lat", 34.70).put("lon", 113.77).put("description", "岸坡裂缝"),
        UUID.randomUUID().toString());
    long elsewhereId = elsewhere.json().getLong("id");
    duty.post("/api/hazards/" + elsewhereId + "/assign", new JsonObject().put("unitId", otherUnit)
        .put("deadline", clock.instant().plus(Duration.ofDays(4)).toString()));
    assertFalse(duty.get("/api/hazards/" + elsewhereId).json().getBoolean("deadlineShortened"));
  }
}
