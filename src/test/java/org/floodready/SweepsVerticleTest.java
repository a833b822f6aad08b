package org.floodready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.Eventually;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.junit.jupiter.api.Test;

/** The node runs the time-driven sweeps on its own: nobody calls a sweep endpoint here. */
@FloodReadyTest(clock = "now", args = {"--sweep-interval-seconds", "1"})
class SweepsVerticleTest {
  private static final Duration WITHIN = Duration.ofSeconds(20);

  @Test
  @Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
  void unacknowledgedAlertsAndOverdueHazardsAreEscalatedByTheTimer(@As("duty") Api duty, TestClock clock,
      Vertx vertx, VertxTestContext sweeps) {
    JsonObject alert = duty.get("/api/alerts").json().getJsonArray("items").getJsonObject(0);
    assertEquals("raised", alert.getString("status"), alert.encode());
    long overdueBefore = escalatedHazards(duty.get("/api/hazards?size=500"));

    clock.advance(Duration.ofDays(40));

    Eventually.holds(vertx, WITHIN, "the yellow alert nobody acknowledged was not escalated by the periodic sweep",
            () -> duty.getAsync("/api/alerts/" + alert.getLong("id"))
                .map(r -> r.json().getString("escalatedAt") != null))
        .compose(v -> Eventually.holds(vertx, WITHIN, "no hazard past its deadline was escalated by the periodic sweep",
            () -> duty.getAsync("/api/hazards?size=500").map(r -> escalatedHazards(r) > overdueBefore)))
        .compose(v -> duty.getAsync("/api/alerts?kind=silent"))
        .onComplete(sweeps.succeeding(silent -> sweeps.verify(() -> {
          assertTrue(silent.status() < 500);
          sweeps.completeNow();
        })));
  }

  private static long escalatedHazards(Resp hazards) {
    return hazards.json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(h -> h.getBoolean("escalated", false)).count();
  }
}
