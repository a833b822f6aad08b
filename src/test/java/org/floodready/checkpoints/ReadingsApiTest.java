package org.floodready.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FloodReadyTest(clock = ReadingsApiTest.SEASON_START)
class ReadingsApiTest {
  static final String SEASON_START = "2026-07-20T00:00:00Z";
  static final Instant MAIN_SEASON = Instant.parse(SEASON_START);
  static long unitId;
  static long inspectorId;

  @BeforeAll
  static void aCommunity(@As("admin") Api admin, @As("inspector") Api inspector) {
    unitId = admin.get("/api/units?level=community").json().getJsonArray("items").getJsonObject(0).getLong("id");
    inspectorId = inspector.get("/api/auth/me").json().getLong("id");
  }

  static OffsetDateTime at(TestClock clock, int minutes) {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8)).plusMinutes(minutes);
  }

  static long checkpoint(Api admin, JsonObject body) {
    long id = Fixtures.create(admin, body);
    Resp r = admin.put("/api/admin/checkpoints/" + id + "/inspectors", new JsonObject()
        .put("userIds", new JsonArray().add(inspectorId)));
    assertEquals(200, r.status(), r.toString());
    return id;
  }

  static Resp post(Api inspector, long id, double value, OffsetDateTime t) {
    return inspector.post("/api/checkpoints/" + id + "/readings", Fixtures.reading(value, t.toString()));
  }

  static JsonObject state(Api admin, long id) {
    Resp r = admin.get("/api/checkpoints/" + id);
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonObject("state");
  }

  static long readingCount(Api admin, long id) {
    return admin.get("/api/checkpoints/" + id + "/readings").json().getLong("total");
  }

  @Test
  void demoHasTheSeedCheckpointsAndOneYellowPoint(@As("admin") Api admin, @As("inspector") Api inspector) {
    JsonArray items = admin.get("/api/checkpoints?size=500&q=%E6%B0%B4%E5%BA%93").json().getJsonArray("items");
    assertTrue(items.stream().map(o -> ((JsonObject) o).getString("nameZh")).anyMatch("小魏庄水库"::equals));
    JsonArray all = admin.get("/api/checkpoints?size=500").json().getJsonArray("items");
    JsonObject yanchang = all.stream().map(o -> (JsonObject) o).filter(o -> o.getString("nameZh").equals("烟厂西街"))
        .findFirst().orElseThrow();
    assertEquals("yellow", yanchang.getJsonObject("state").getString("level"));
    assertTrue(all.stream().map(o -> ((JsonObject) o).getString("nameZh")).anyMatch("航海路机场高速北涵洞"::equals));
    long mine = inspector.get("/api/checkpoints?size=500").json().getLong("total");
    assertTrue(mine >= 3 && mine < all.size(), "the inspector sees only his checkpoints: " + mine);
  }

  @Test
  void onlyAssignedInspectorsGaugesAndTheDutyRoomMayPost(TestClock clock, @As("admin") Api admin,
      @As("inspector") Api inspector, @As("viewer") Api viewer) {
    clock.set(MAIN_SEASON);
    long id = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("W"), unitId, "road"));
    assertEquals(403, post(inspector, id, 3, at(clock, 0)).status());
    assertEquals(403, viewer.post("/api/checkpoints/" + id + "/readings", Fixtures.reading(3, at(clock, 0).toString()))
        .status());
    assertEquals(403, inspector.get("/api/checkpoints/" + id).status());
    admin.put("/api/admin/checkpoints/" + id + "/inspectors", new JsonObject().put("userIds",
        new JsonArray().add(inspectorId)));
    Resp ok = post(inspector, id, 3, at(clock, 0));
    assertEquals(201, ok.status(), ok.toString());
    assertEquals("none", ok.json().getJsonObject("state").getString("level"));
    assertEquals(404, post(inspector, 999_999, 3, at(clock, 0)).status());
  }

  @Test
  void waterloggingCrossesEachLevelAndOneAlertFollowsTheRise(TestClock clock, @As("admin") Api admin,
      @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("W"), unitId, "road"));
    String[] expected = {"none", "blue", "yellow", "orange", "red"};
    double[] depths = {5, 10, 15, 25, 40};
    for (int i = 0; i < depths.length; i++) {
      Resp r = post(inspector, id, depths[i], at(clock, i - 10));
      assertEquals(201, r.status(), r.toString());
      assertEquals(expected[i], r.json().getJsonObject("state").getString("level"), "depth " + depths[i]);
    }
    JsonArray alerts = admin.get("/api/alerts?checkpointId=" + id).json().getJsonArray("items");
    assertEquals(1, alerts.size(), "one open alert, lifted level by level");
    assertEquals("red", alerts.getJsonObject(0).getString("level"));
    JsonArray events = admin.get("/api/alerts/" + alerts.getJsonObject(0).getLong("id")).json()
        .getJsonArray("events");
    assertEquals("raised", events.getJsonObject(0).getString("action"));
    assertEquals(4, events.size(), "raised, then upgraded three times: " + events);
  }

  @Test
  void aNoisySeriesAtAThresholdRaisesOnceAndDoesNotFlap(TestClock clock, @As("admin") Api admin,
      @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("N"), unitId, "road"));
    double[] noisy = {14.0, 15.2, 14.1, 15.6, 13.5, 15.1, 12.8, 14.9, 15.3, 13.0};
    JsonArray batch = new JsonArray();
    for (int i = 0; i < noisy.length; i++) {
      batch.add(Fixtures.reading(noisy[i], at(clock, -30 + i).toString()).put("checkpointId", id));
    }
    assertEquals(201, inspector.post("/api/readings/batch", new JsonObject().put("readings", batch)).status());
    assertEquals("yellow", state(admin, id).getString("level"), "13.0 cm stays yellow: 15 cm minus the 3 cm margin");
    long alertId = admin.get("/api/alerts?checkpointId=" + id).json().getJsonArray("items").getJsonObject(0)
        .getLong("id");
    JsonArray events = admin.get("/api/alerts/" + alertId).json().getJsonArray("events");
    assertEquals(2, events.size(), "raised at blue, upgraded to yellow once: " + events.encode());
    assertEquals("blue", events.getJsonObject(0).getString("level"), "the first event is the blue raise");
    assertEquals("blue", post(inspector, id, 11.9, at(clock, 0)).json().getJsonObject("state").getString("level"));
  }

  @Test
  void anUnderpassIsStricterThanARoad(TestClock clock, @As("admin") Api admin, @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    long underpass = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("U"), unitId, "underpass"));
    assertEquals("orange", post(inspector, underpass, 22, at(clock, 0)).json().getJsonObject("state").getString("level"));
  }

  @Test
  void reservoirThresholdsFollowTheSeason(TestClock clock, @As("admin") Api admin, @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    // a wide suspect step so that big jumps between these readings count at once
    long main = checkpoint(admin, Fixtures.reservoir(Fixtures.code("R"), unitId)
        .put("overrides", new JsonObject().put("suspectStep", 20)));
    assertEquals("none", post(inspector, main, 125.9, at(clock, -3)).json().getJsonObject("state").getString("level"));
    assertEquals("blue", post(inspector, main, 126.0, at(clock, -2)).json().getJsonObject("state").getString("level"));
    assertEquals("yellow", post(inspector, main, 127.0, at(clock, -1)).json().getJsonObject("state").getString("level"));
    assertEquals("orange", post(inspector, main, 131.2, at(clock, 0)).json().getJsonObject("state").getString("level"));
    assertEquals("red", post(inspector, main, 132.7, at(clock, 1)).json().getJsonObject("state").getString("level"));
  }

  @Test
  void theSameLevelWarnsLessInTheLateSeason(TestClock clock, @As("admin") Api admin, @As("inspector") Api inspector) {
    clock.set(Instant.parse("2026-09-10T00:00:00Z"));
    long late = checkpoint(admin, Fixtures.reservoir(Fixtures.code("R"), unitId));
    assertEquals("blue", post(inspector, late, 127.0, at(clock, 0)).json().getJsonObject("state").getString("level"));
    assertEquals("yellow", post(inspector, late, 127.6, at(clock, 1)).json().getJsonObject("state").getString("level"));
  }

  @Test
  void aFastRiseIsAtLeastYellow(TestClock clock, @As("admin") Api admin, @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.reservoir(Fixtures.code("R"), unitId));
    assertEquals("none", post(inspector, id, 120.0, at(clock, -60)).json().getJsonObject("state").getString("level"));
    assertEquals("none", post(inspector, id, 120.1, at(clock, -30)).json().getJsonObject("state").getString("level"),
        "0.2 m/h is slow enough");
    JsonObject s = post(inspector, id, 120.5, at(clock, 0)).json().getJsonObject("state");
    assertEquals("yellow", s.getString("level"), s.encode());
    assertTrue(s.getString("reason").contains("m/h"), s.encode());
  }

  @Test
  void aBatchWithOneBadReadingIsRejectedWholeNamingItsIndex(TestClock clock, @As("inspector") Api inspector,
      @As("admin") Api admin) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("W"), unitId, "road"));
    JsonArray batch = new JsonArray();
    for (int i = 0; i < 5; i++) {
      batch.add(Fixtures.reading(i == 3 ? -2 : i, at(clock, i - 10).toString()).put("checkpointId", id));
    }
    Resp r = inspector.post("/api/readings/batch", new JsonObject().put("readings", batch));
    assertEquals(400, r.status(), r.toString());
    assertEquals(java.util.Set.of("readings[3].value"), r.json().getJsonObject("fields").fieldNames());
    assertEquals(0, readingCount(admin, id));
    batch.getJsonObject(3).put("value", 3);
    Resp ok = inspector.post("/api/readings/batch", new JsonObject().put("readings", batch));
    assertEquals(201, ok.status(), ok.toString());
    assertEquals(5, ok.json().getInteger("accepted"));
    assertEquals(5, readingCount(admin, id));
  }

  @Test
  void aGaugeMaySendAThousandReadingsAtOnceButNotMore(TestClock clock, @As("inspector") Api inspector,
      @As("admin") Api admin) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.reservoir(Fixtures.code("R"), unitId));
    JsonArray readings = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      readings.add(Fixtures.reading(125 + (i % 50) / 100.0, at(clock, -1001 + i).toString()).put("checkpointId", id));
    }
    Resp tooMany = inspector.post("/api/readings/batch", new JsonObject().put("readings", readings));
    assertEquals(400, tooMany.status());
    assertTrue(tooMany.json().getJsonObject("fields").containsKey("readings"));
    readings.remove(0);
    Resp ok = inspector.post("/api/readings/batch", new JsonObject().put("readings", readings));
    assertEquals(201, ok.status(), ok.toString());
    assertEquals(1000, ok.json().getInteger("accepted"));
    assertEquals(0, ok.json().getInteger("suspect"));
    assertEquals(1000, readingCount(admin, id));
    assertEquals(125.0, state(admin, id).getDouble("lastValue"), "the newest, not the highest (125.49)");
  }

  @Test
  void impossibleValuesAreRejected(TestClock clock, @As("admin") Api admin, @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    long res = checkpoint(admin, Fixtures.reservoir(Fixtures.code("R"), unitId));
    long wl = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("W"), unitId, "road"));
    assertEquals("value", post(inspector, wl, -0.5, at(clock, 0)).json().getJsonObject("fields").fieldNames().iterator().next());
    assertEquals(400, post(inspector, res, 117.99, at(clock, 0)).status(), "below the bed");
    assertEquals(400, post(inspector, res, 140.01, at(clock, 0)).status(), "more than 5 m above the crest");
    Resp future = post(inspector, wl, 1, at(clock, 6));
    assertEquals(400, future.status());
    assertTrue(future.json().getJsonObject("fields").containsKey("measuredAt"));
    assertEquals(201, post(inspector, wl, 1, at(clock, 4)).status(), "a gauge clock a little ahead is fine");
    assertEquals(1, readingCount(admin, wl));
    assertEquals(0, readingCount(admin, res));
  }

  @Test
  void duplicateReadingsAreAcceptedOnce(TestClock clock, @As("inspector") Api inspector, @As("admin") Api admin) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("W"), unitId, "road"));
    Resp first = post(inspector, id, 4, at(clock, -5));
    Resp again = post(inspector, id, 4, at(clock, -5));
    assertEquals(201, first.status());
    assertEquals(200, again.status(), again.toString());
    assertTrue(again.json().getJsonObject("reading").getBoolean("duplicate"));
    JsonObject r = Fixtures.reading(6, at(clock, -4).toString()).put("checkpointId", id);
    Resp batch = inspector.post("/api/readings/batch", new JsonObject().put("readings", new JsonArray()
        .add(r).add(r.copy()).add(Fixtures.reading(4, at(clock, -5).toString()).put("checkpointId", id))));
    assertEquals(1, batch.json().getInteger("accepted"), batch.toString());
    assertEquals(2, batch.json().getInteger("duplicates"));
    assertEquals(2, readingCount(admin, id));
  }

  @Test
  void outOfOrderReadingsGiveTheRightLatestState(TestClock clock, @As("inspector") Api inspector,
      @As("admin") Api admin) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("W"), unitId, "road"));
    post(inspector, id, 14, at(clock, -40));
    post(inspector, id, 30, at(clock, -20));
    JsonObject s = post(inspector, id, 2, at(clock, -30)).json().getJsonObject("state");
    assertEquals("orange", s.getString("level"), "an older reading does not change the state");
    assertEquals(30.0, s.getDouble("lastValue"));
    // a gauge catching up, newest first: applied in time order, 9 cm keeps blue (10 - 3 cm margin)
    Resp batch = inspector.post("/api/readings/batch", new JsonObject().put("readings", new JsonArray()
        .add(Fixtures.reading(8, at(clock, -5).toString()).put("checkpointId", id))
        .add(Fixtures.reading(9, at(clock, -10).toString()).put("checkpointId", id))));
    assertEquals(201, batch.status(), batch.toString());
    JsonObject after = state(admin, id);
    assertEquals("blue", after.getString("level"), after.encode());
    assertEquals(8.0, after.getDouble("lastValue"));
  }

  @Test
  void aJumpIsStoredButSuspectUntilConfirmed(TestClock clock, @As("admin") Api admin, @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.reservoir(Fixtures.code("R"), unitId));
    post(inspector, id, 125.0, at(clock, -20));
    Resp jump = post(inspector, id, 127.0, at(clock, -10));
    assertEquals(201, jump.status());
    assertTrue(jump.json().getJsonObject("reading").getBoolean("suspect"));
    assertEquals("none", jump.json().getJsonObject("state").getString("level"), "a suspect reading alone warns nothing");
    Resp confirmed = post(inspector, id, 127.1, at(clock, 0));
    assertFalse(confirmed.json().getJsonObject("reading").getBoolean("suspect"));
    assertEquals("yellow", confirmed.json().getJsonObject("state").getString("level"));
    assertEquals(1, admin.get("/api/checkpoints/" + id + "/readings?suspect=true").json().getLong("total"));
  }

  @Test
  void aGaugePostsWithItsApiKeyToItsOwnCheckpointsOnly(TestClock clock, @As("admin") Api admin, Api anonymous) {
    clock.set(MAIN_SEASON);
    long id = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("G"), unitId, "culvert"));
    long other = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("G"), unitId, "culvert"));
    Resp key = admin.post("/api/admin/api-keys", new JsonObject().put("name", "gauge-" + id));
    assertEquals(201, key.status(), key.toString());
    Resp assigned = admin.put("/api/admin/checkpoints/" + id + "/gauges", new JsonObject()
        .put("apiKeyIds", new JsonArray().add(key.json().getLong("id"))));
    assertEquals(200, assigned.status(), assigned.toString());
    String apiKey = key.json().getString("key");
    JsonArray readings = new JsonArray();
    for (int i = 0; i < 3; i++) {
      readings.add(Fixtures.reading(i, at(clock, -30 + i * 10).toString()).put("checkpointId", id));
    }
    Resp r = gauge(anonymous, apiKey, new JsonObject().put("readings", readings));
    assertEquals(201, r.status(), r.toString());
    assertEquals(3, r.json().getInteger("accepted"));
    Resp denied = gauge(anonymous, apiKey, new JsonObject().put("readings", new JsonArray()
        .add(Fixtures.reading(1, at(clock, 0).toString()).put("checkpointId", other))));
    assertEquals(403, denied.status(), denied.toString());
    String source = admin.get("/api/checkpoints/" + id + "/readings").json().getJsonArray("items").getJsonObject(0)
        .getString("source");
    assertEquals("gauge:gauge-" + id, source);
  }

  static Resp gauge(Api anonymous, String apiKey, JsonObject body) {
    return anonymous.with("X-Api-Key", apiKey).post("/api/readings/batch", body);
  }

  @Test
  void seriesIsDownsampledToAtMostNPoints(TestClock clock, @As("admin") Api admin, @As("inspector") Api inspector) {
    clock.set(MAIN_SEASON);
    long id = checkpoint(admin, Fixtures.waterlogging(Fixtures.code("S"), unitId, "road"));
    JsonArray readings = new JsonArray();
    for (int i = 0; i < 120; i++) {
      readings.add(Fixtures.reading(i % 7, at(clock, -120 + i).toString()).put("checkpointId", id));
    }
    assertEquals(201, inspector.post("/api/readings/batch", new JsonObject().put("readings", readings)).status());
    String from = java.net.URLEncoder.encode(at(clock, -120).toString(), java.nio.charset.StandardCharsets.UTF_8);
    String to = java.net.URLEncoder.encode(at(clock, 0).toString(), java.nio.charset.StandardCharsets.UTF_8);
    Resp r = admin.get("/api/checkpoints/" + id + "/series?points=10&from=" + from + "&to=" + to);
    assertEquals(200, r.status(), r.toString());
    JsonArray buckets = r.json().getJsonArray("buckets");
    assertTrue(buckets.size() <= 10 && buckets.size() >= 9, buckets.encode());
    long total = 0;
    for (Object o : buckets) {
      JsonObject b = (JsonObject) o;
      assertTrue(b.getDouble("min") <= b.getDouble("last") && b.getDouble("last") <= b.getDouble("max"));
      total += b.getLong("count");
    }
    assertEquals(120, total);
    Resp csv = admin.get("/api/checkpoints/" + id + "/readings.csv");
    assertEquals(200, csv.status());
    assertEquals(121, csv.body().split("\r\n").length, "header and one line per reading");
  }
}
