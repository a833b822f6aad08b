package org.floodready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.floodready.support.Http;
import org.floodready.support.TestClock;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The node runs the time-driven sweeps on its own: nobody calls a sweep endpoint here. */
class SweepsVerticleTest {
  static TestClock clock = TestClock.now();
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(clock, "--sweep-interval-seconds", "1");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void unacknowledgedAlertsAndOverdueHazardsAreEscalatedByTheTimer() {
    Http duty = server.as("duty");
    JsonObject alert = duty.get("/api/alerts").json().getJsonArray("items").getJsonObject(0);
    assertEquals("raised", alert.getString("status"), alert.encode());
    long overdueBefore = escalatedHazards(duty);

    clock.advance(Duration.ofDays(40));

    await(() -> duty.get("/api/alerts/" + alert.getLong("id")).json().getString("escalatedAt") != null,
        "the yellow alert nobody acknowledged was not escalated by the periodic sweep");
    await(() -> escalatedHazards(duty) > overdueBefore,
        "no hazard past its deadline was escalated by the periodic sweep");
    assertTrue(duty.get("/api/alerts?kind=silent").status() < 500);
  }

  private static long escalatedHazards(Http http) {
    return http.get("/api/hazards?size=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(h -> h.getBoolean("escalated", false)).count();
  }

  private static void await(BooleanSupplier condition, String message) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    fail(message);
  }
}
