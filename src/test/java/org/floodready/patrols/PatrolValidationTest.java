package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.floodready.errors.ApiError;
import org.junit.jupiter.api.Test;

class PatrolValidationTest {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2027-03-01T12:00:00+08:00");

  private static JsonObject body(JsonArray points) {
    return new JsonObject().put("id", "0b6f2a4e-2f44-4c3e-9d0a-6a4f0c1e2b3d").put("reachId", 1).put("points", points);
  }

  private static JsonObject point(double lat, double lon, String t) {
    return new JsonObject().put("lat", lat).put("lon", lon).put("t", t);
  }

  private static ApiError reject(JsonObject body) {
    ApiError e = assertThrows(ApiError.class, () -> PatrolValidation.patrol(body, PatrolRules.defaults(), NOW));
    assertEquals(400, e.status());
    return e;
  }

  @Test
  void aGoodTrackIsRead() {
    PatrolInput in = PatrolValidation.patrol(body(new JsonArray()
        .add(point(34.70, 113.70, "2027-03-01T09:00:00+08:00"))
        .add(point(34.71, 113.70, "2027-03-01T09:20:00+08:00"))), PatrolRules.defaults(), NOW);
    assertEquals(2, in.points().size());
    assertEquals(OffsetDateTime.parse("2027-03-01T09:00:00+08:00").toInstant(), in.startedAt().toInstant());
    assertEquals(OffsetDateTime.parse("2027-03-01T09:20:00+08:00").toInstant(), in.endedAt().toInstant());
  }

  @Test
  void coordinatesOutOfRangeNameThePoint() {
    ApiError e = reject(body(new JsonArray()
        .add(point(34.70, 113.70, "2027-03-01T09:00:00+08:00"))
        .add(point(94.70, 113.70, "2027-03-01T09:20:00+08:00"))));
    assertTrue(e.fields().containsKey("points[1].lat"), e.fields().toString());
  }

  @Test
  void timesThatDoNotIncreaseNameThePoint() {
    ApiError e = reject(body(new JsonArray()
        .add(point(34.70, 113.70, "2027-03-01T09:00:00+08:00"))
        .add(point(34.71, 113.70, "2027-03-01T09:20:00+08:00"))
        .add(point(34.72, 113.70, "2027-03-01T09:20:00+08:00"))));
    assertTrue(e.fields().containsKey("points[2].t"), e.fields().toString());
  }

  @Test
  void endBeforeStartIsRejected() {
    ApiError e = reject(body(new JsonArray()
        .add(point(34.70, 113.70, "2027-03-01T09:00:00+08:00"))
        .add(point(34.71, 113.70, "2027-03-01T09:20:00+08:00")))
        .put("startedAt", "2027-03-01T09:30:00+08:00").put("endedAt", "2027-03-01T09:00:00+08:00"));
    assertTrue(e.fields().containsKey("endedAt"), e.fields().toString());
  }

  @Test
  void aLineStringWithTimesIsReadAndItsCoordinatesChecked() {
    JsonObject ok = new JsonObject().put("id", "0b6f2a4e-2f44-4c3e-9d0a-6a4f0c1e2b3d").put("reachId", 1)
        .put("track", new JsonObject().put("type", "LineString").put("coordinates", new JsonArray()
            .add(new JsonArray().add(113.70).add(34.70)).add(new JsonArray().add(113.70).add(34.71))))
        .put("times", new JsonArray().add("2027-03-01T09:00:00+08:00").add("2027-03-01T09:20:00+08:00"));
    assertEquals(34.71, PatrolValidation.patrol(ok, PatrolRules.defaults(), NOW).points().get(1).lat(), 1e-9);
    JsonObject bad = ok.copy();
    bad.getJsonObject("track").getJsonArray("coordinates").getJsonArray(1).set(0, 213.70);
    assertTrue(reject(bad).fields().containsKey("track.coordinates[1]"));
  }

  @Test
  void theIdMustBeAUuid() {
    JsonObject b = body(new JsonArray()
        .add(point(34.70, 113.70, "2027-03-01T09:00:00+08:00"))
        .add(point(34.71, 113.70, "2027-03-01T09:20:00+08:00"))).put("id", "not-a-uuid");
    assertTrue(reject(b).fields().containsKey("id"));
  }

  @Test
  void aTrackInTheFutureIsRejected() {
    ApiError e = reject(body(new JsonArray()
        .add(point(34.70, 113.70, "2027-03-01T13:00:00+08:00"))
        .add(point(34.71, 113.70, "2027-03-01T13:20:00+08:00"))));
    assertTrue(e.fields().containsKey("points"), e.fields().toString());
  }
}
