package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FloodReadyTest(clock = PatrolApiTest.START)
class PatrolApiTest {
  /** Monday 2027-02-01 12:00 in Zhengzhou. */
  static final String START = "2027-02-01T12:00:00+08:00";
  static final Instant NOW = OffsetDateTime.parse(START).toInstant();
  static long reachId;
  static long otherChiefsReachId;

  @BeforeAll
  static void twoReaches(@As("chief") Api chief, @As("admin") Api admin, @As("chief2") Api chief2) {
    reachId = Tracks.createReach(admin, "T-PATROL", Tracks.unitId(chief), Tracks.userId(chief), "township");
    otherChiefsReachId = Tracks.createReach(admin, "T-OTHER", Tracks.unitId(chief2), Tracks.userId(chief2), "village");
  }

  private static long patrolCount(Api admin, long reach) {
    return admin.get("/api/patrols?reachId=" + reach).json().getLong("total");
  }

  @Test
  void theServerComputesDistanceAndDurationOfAKnownTrack(@As("chief") Api chief) {
    // 20 steps of 0.001 deg north along a meridian: R * 0.02 deg in radians = 2223.90 m, in 20 minutes.
    Instant start = NOW.minusSeconds(3 * 3600);
    Resp r = chief.post("/api/patrols", Tracks.patrol(reachId, Tracks.meridian(start, 20, 0.001, 60, Tracks.LON)));
    assertEquals(201, r.status(), r.toString());
    JsonObject p = r.json();
    assertEquals(2223.9, p.getDouble("distanceM"), 0.15);
    assertEquals(1200, p.getLong("durationS"));
    assertTrue(p.getBoolean("counted"));
    assertEquals(new JsonArray(), p.getJsonArray("flags"));
    assertEquals(21, p.getInteger("pointCount"));
    Resp one = chief.get("/api/patrols/" + p.getString("id"));
    assertEquals(200, one.status(), one.toString());
    assertEquals("LineString", one.json().getJsonObject("track").getString("type"));
    assertEquals(21, one.json().getJsonArray("times").size());
    assertEquals("2027-02-01T09:00+08:00", one.json().getJsonArray("times").getString(0));
  }

  @Test
  void aTooShortPatrolIsStoredButNotCounted(@As("chief") Api chief) {
    Resp r = chief.post("/api/patrols", Tracks.patrol(reachId,
        Tracks.meridian(NOW.minusSeconds(7200), 5, 0.001, 60, Tracks.LON)));
    assertEquals(201, r.status(), r.toString());
    assertFalse(r.json().getBoolean("counted"));
    assertTrue(r.json().getString("notCountedReason").startsWith("too short"), r.toString());
    Resp listed = chief.get("/api/patrols?reachId=" + reachId + "&counted=false");
    assertTrue(listed.json().getJsonArray("items").stream()
        .anyMatch(o -> ((JsonObject) o).getString("id").equals(r.json().getString("id"))));
  }

  @Test
  void aFastSegmentIsFlaggedAsSuspicious(@As("chief") Api chief, @As("admin") Api admin) {
    JsonArray points = Tracks.meridian(NOW.minusSeconds(6 * 3600), 20, 0.001, 60, Tracks.LON);
    JsonObject last = points.getJsonObject(points.size() - 1);
    // 0.003 deg (334 m) in 20 s = 60 km/h.
    points.add(new JsonObject().put("lat", last.getDouble("lat") + 0.003).put("lon", Tracks.LON)
        .put("t", Instant.parse(last.getString("t")).plusSeconds(20).toString()));
    Resp r = chief.post("/api/patrols", Tracks.patrol(reachId, points));
    assertEquals(201, r.status(), r.toString());
    assertTrue(r.json().getJsonArray("flags").contains("fast_segment"), r.toString());
    assertTrue(r.json().getBoolean("suspicious"));
    assertTrue(r.json().getDouble("maxSpeedKmh") > 30);
    Resp flagged = admin.get("/api/patrols?flagged=true&reachId=" + reachId);
    assertTrue(flagged.json().getLong("total") >= 1);
  }

  @Test
  void aTrackFarFromItsReachIsFlagged(@As("chief") Api chief) {
    // 0.005 deg east of the reach's meridian: about 457 m away all along.
    Resp r = chief.post("/api/patrols", Tracks.patrol(reachId,
        Tracks.meridian(NOW.minusSeconds(9 * 3600), 20, 0.001, 60, Tracks.LON + 0.005)));
    assertEquals(201, r.status(), r.toString());
    assertTrue(r.json().getJsonArray("flags").contains("far_from_reach"), r.toString());
    assertTrue(r.json().getDouble("nearestToReachM") > 400);
  }

  @Test
  void eachInvalidTrackIsA400NamingTheProblemAndNothingIsStored(@As("chief") Api chief, @As("admin") Api admin) {
    long before = patrolCount(admin, reachId);
    Instant start = NOW.minusSeconds(3600);
    JsonArray outOfRange = Tracks.meridian(start, 3, 0.001, 60, Tracks.LON);
    outOfRange.getJsonObject(2).put("lon", 190.0);
    JsonArray notIncreasing = Tracks.meridian(start, 3, 0.001, 60, Tracks.LON);
    notIncreasing.getJsonObject(3).put("t", notIncreasing.getJsonObject(1).getString("t"));
    JsonObject endBeforeStart = Tracks.patrol(reachId, Tracks.meridian(start, 3, 0.001, 60, Tracks.LON))
        .put("startedAt", start.toString()).put("endedAt", start.minusSeconds(60).toString());
    JsonArray tooMany = Tracks.meridian(NOW.minusSeconds(30_000), 20_000, 0.000001, 1, Tracks.LON);
    Map<String, JsonObject> cases = Map.of(
        "points[2].lon", Tracks.patrol(reachId, outOfRange),
        "points[3].t", Tracks.patrol(reachId, notIncreasing),
        "endedAt", endBeforeStart,
        "points", Tracks.patrol(reachId, tooMany));
    cases.forEach((field, body) -> {
      Resp r = chief.post("/api/patrols", body);
      assertEquals(400, r.status(), field + ": " + r);
      assertEquals("validation_failed", r.json().getString("error"));
      assertTrue(r.json().getJsonObject("fields").containsKey(field), field + ": " + r);
    });
    assertTrue(chief.post("/api/patrols", Tracks.patrol(reachId, tooMany)).json().getJsonObject("fields")
        .getString("points").contains("20000"));
    assertEquals(before, patrolCount(admin, reachId));
  }

  @Test
  void aRetriedPostWithTheSameIdStoresOnePatrol(@As("chief") Api chief, @As("admin") Api admin) throws Exception {
    long before = patrolCount(admin, reachId);
    JsonObject body = Tracks.patrol(reachId, Tracks.meridian(NOW.minusSeconds(12 * 3600), 20, 0.001, 60, Tracks.LON));
    Resp first = chief.post("/api/patrols", body);
    assertEquals(201, first.status(), first.toString());
    Resp retry = chief.post("/api/patrols", body);
    assertEquals(200, retry.status(), retry.toString());
    assertEquals(first.json().getString("id"), retry.json().getString("id"));
    // Concurrent retries from a phone coming back online.
    List<Future<Resp>> burst = List.of(
        chief.postAsync("/api/patrols", body, null), chief.postAsync("/api/patrols", body, null),
        chief.postAsync("/api/patrols", body, null));
    for (Future<Resp> f : burst) {
      assertEquals(200, f.await().status(), f.await().toString());
    }
    assertEquals(before + 1, patrolCount(admin, reachId));
  }

  @Test
  void aChiefCannotLogAPatrolOnAnotherChiefsReach(@As("chief") Api chief, @As("keeper") Api keeper,
      @As("admin") Api admin) {
    long before = patrolCount(admin, otherChiefsReachId);
    Resp r = chief.post("/api/patrols", Tracks.patrol(otherChiefsReachId,
        Tracks.meridian(NOW.minusSeconds(3600), 20, 0.001, 60, Tracks.LON)));
    assertEquals(403, r.status(), r.toString());
    assertEquals(before, patrolCount(admin, otherChiefsReachId));
    assertEquals(403, chief.get("/api/reaches/" + otherChiefsReachId).status());
    Resp mine = chief.get("/api/reaches?size=500");
    assertTrue(mine.json().getJsonArray("items").stream()
        .allMatch(o -> ((JsonObject) o).getLong("chiefUserId") == Tracks.userId(chief)));
    assertEquals(403, keeper.post("/api/patrols", new JsonObject()).status());
  }

  @Test
  void aPatrolAt2359OnTheLastDayOfTheMonthCountsForThatMonth(@As("chief") Api chief, @As("admin") Api admin) {
    long reach = Tracks.createReach(admin, "T-BOUNDARY", Tracks.unitId(chief), Tracks.userId(chief), "township");
    Instant lastMinuteOfJanuary = OffsetDateTime.parse("2027-01-31T23:59:00+08:00").toInstant();
    Resp late = chief.post("/api/patrols", Tracks.patrol(reach,
        Tracks.meridian(lastMinuteOfJanuary, 15, 0.001, 60, Tracks.LON)));
    assertEquals(201, late.status(), late.toString());
    assertTrue(late.json().getBoolean("counted"));

    JsonObject january = reachCompliance(admin, reach, "2027-01-15T10:00:00%2B08:00");
    assertEquals("2027-01-01T00:00+08:00", january.getString("periodStart"));
    assertEquals(1, january.getInteger("counted"));
    assertTrue(january.getBoolean("compliant"));

    JsonObject february = reachCompliance(admin, reach, null);
    assertEquals("2027-02-01T00:00+08:00", february.getString("periodStart"));
    assertEquals(0, february.getInteger("counted"));
    assertEquals(1, february.getInteger("previousPeriodCounted"));
    assertFalse(february.getBoolean("compliant"));
    assertNotNull(february.getString("lastPatrolAt"));

    // 00:30 on 1 February in Zhengzhou is still 31 January in UTC; it counts for February.
    Instant earlyFebruary = OffsetDateTime.parse("2027-02-01T00:30:00+08:00").toInstant();
    assertEquals(201, chief.post("/api/patrols", Tracks.patrol(reach,
        Tracks.meridian(earlyFebruary, 15, 0.001, 60, Tracks.LON))).status());
    JsonObject after = reachCompliance(admin, reach, null);
    assertEquals(1, after.getInteger("counted"));
    assertTrue(after.getBoolean("compliant"));
    assertEquals(1, reachCompliance(admin, reach, "2027-01-15T10:00:00%2B08:00").getInteger("counted"));
  }

  private static JsonObject reachCompliance(Api admin, long reach, String at) {
    Resp r = admin.get("/api/compliance/reaches?chiefLevel=township" + (at == null ? "" : "&at=" + at));
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getLong("reachId") == reach).findFirst().orElseThrow();
  }

  @Test
  void patrolsAreServedAsGeoJson(@As("admin") Api admin) {
    Resp r = admin.get("/api/patrols.geojson?reachId=" + reachId);
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.header("Content-Type").startsWith("application/geo+json"), r.header("Content-Type"));
    assertEquals("FeatureCollection", r.json().getString("type"));
    JsonArray features = r.json().getJsonArray("features");
    assertFalse(features.isEmpty());
    assertEquals("LineString", features.getJsonObject(0).getJsonObject("geometry").getString("type"));
  }

  @Test
  void theDemoHasAnOverdueReachAndAChiefWithSeveralReaches(@As("chief") Api chief, @As("admin") Api admin) {
    Resp overdue = admin.get("/api/compliance/reaches?overdue=true");
    assertEquals(200, overdue.status(), overdue.toString());
    Resp chiefs = admin.get("/api/compliance/chiefs");
    assertEquals(200, chiefs.status(), chiefs.toString());
    long chiefId = Tracks.userId(chief);
    JsonObject mine = chiefs.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(o -> o.getLong("chiefUserId") == chiefId).findFirst().orElseThrow();
    assertTrue(mine.getInteger("reaches") >= 3, mine.encode());
    Resp units = admin.get("/api/compliance/units");
    assertEquals(200, units.status(), units.toString());
    assertFalse(units.json().getJsonArray("items").isEmpty());
  }
}
