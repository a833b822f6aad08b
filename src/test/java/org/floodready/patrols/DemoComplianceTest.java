package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.junit.jupiter.api.Test;

/** The demo, read at the real time it was loaded: exactly one overdue reach, one overdue hazard. */
@FloodReadyTest
class DemoComplianceTest {
  @Test
  void oneReachIsOverdue(@As("duty") Api duty) {
    List<String> overdue = duty.get("/api/compliance/reaches?overdue=true").json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("code")).toList();
    assertEquals(List.of("QLH-01"), overdue);
  }

  @Test
  void oneHazardIsOverdueAndEscalatedAndTheFakePatrolIsNotCounted(@As("duty") Api duty) {
    List<String> overdue = duty.get("/api/hazards?overdue=true").json().getJsonArray("items").stream()
        .map(o -> ((JsonObject) o).getString("reachCode")).toList();
    assertEquals(List.of("SQLH-03"), overdue);
    JsonObject fake = duty.get("/api/patrols?counted=false").json().getJsonArray("items").getJsonObject(0);
    assertEquals("SQLH-03", fake.getString("reachCode"));
    assertEquals(List.of("fast_segment"), fake.getJsonArray("flags").getList());
  }
}
