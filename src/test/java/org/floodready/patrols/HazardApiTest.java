package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FloodReadyTest(clock = "2027-06-10T09:00:00+08:00")
class HazardApiTest {
  static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
      + "0000000d4944415478da63f8cfc0f01f0005000201a5f8b9d80000000049454e44ae426082");
  static long reachId;
  static long unitId;

  @BeforeAll
  static void aReach(@As("admin") Api admin, @As("chief") Api chief) {
    unitId = Tracks.unitId(chief);
    reachId = Tracks.createReach(admin, "T-HAZARD", unitId, Tracks.userId(chief), "village");
  }

  static JsonObject report(Api who, String severity) {
    Resp r = who.post("/api/hazards", new JsonObject().put("reachId", reachId).put("type", "bank_collapse")
        .put("severity", severity).put("lat", 34.712).put("lon", 113.70)
        .put("description", "右岸坍塌约10米 Bank collapsed over 10 m"), UUID.randomUUID().toString());
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  static String inDays(TestClock clock, double days) {
    return clock.instant().plus(Duration.ofMinutes(Math.round(days * 24 * 60))).toString();
  }

  static Resp act(Api who, long id, String action, JsonObject body) {
    return who.post("/api/hazards/" + id + "/" + action, body);
  }

  static Resp upload(Api who, long id, String kind, String type, byte[] data) {
    return who.raw("POST", "/api/hazards/" + id + "/photos?kind=" + kind, type, data);
  }

  @Test
  void theWholeWorkflowFromReportToClosure(@As("admin") Api admin, @As("chief") Api chief, @As("duty") Api duty,
      TestClock clock) {
    JsonObject h = report(chief, "medium");
    long id = h.getLong("id");
    assertEquals("reported", h.getString("status"));
    assertEquals(unitId, h.getLong("unitId"));

    Resp assigned = act(duty, id, "assign", new JsonObject().put("unitId", unitId).put("deadline", inDays(clock, 5)));
    assertEquals(200, assigned.status(), assigned.toString());
    assertEquals("assigned", assigned.json().getString("status"));
    assertFalse(assigned.json().getBoolean("overdue"));

    assertEquals("rectifying", act(chief, id, "start", new JsonObject()).json().getString("status"));

    Resp noEvidence = act(chief, id, "rectify", new JsonObject().put("note", "已清理"));
    assertEquals(422, noEvidence.status(), noEvidence.toString());
    Resp photo = upload(chief, id, "evidence", "image/png", PNG);
    assertEquals(201, photo.status(), photo.toString());
    Resp served = chief.get(photo.json().getString("url"));
    assertEquals(200, served.status());
    assertEquals("image/png", served.header("Content-Type"));
    assertArrayEquals(PNG, served.bytes());

    Resp rectified = act(chief, id, "rectify", new JsonObject().put("note", "已加固岸坡并清理"));
    assertEquals(200, rectified.status(), rectified.toString());
    assertEquals("rectified", rectified.json().getString("status"));

    Resp reopened = act(duty, id, "reopen", new JsonObject().put("reason", "加固不到位"));
    assertEquals("rectifying", reopened.json().getString("status"));
    // Evidence must be new after a reopen.
    assertEquals(422, act(chief, id, "rectify", new JsonObject().put("note", "再次整改")).status());
    assertEquals(201, upload(chief, id, "evidence", "image/png", PNG).status());
    assertEquals(200, act(chief, id, "rectify", new JsonObject().put("note", "再次整改")).status());

    Resp closed = act(duty, id, "verify", new JsonObject().put("comment", "现场核查合格"));
    assertEquals(200, closed.status(), closed.toString());
    assertEquals("closed", closed.json().getString("status"));

    JsonObject detail = duty.get("/api/hazards/" + id).json();
    List<String> actions = detail.getJsonArray("events").stream()
        .map(e -> ((JsonObject) e).getString("action")).filter(a -> !a.equals("photo")).toList();
    assertEquals(List.of("report", "assign", "start", "rectify", "reopen", "rectify", "verify"), actions);
    JsonObject reopen = detail.getJsonArray("events").stream().map(e -> (JsonObject) e)
        .filter(e -> e.getString("action").equals("reopen")).findFirst().orElseThrow();
    assertEquals("加固不到位", reopen.getString("reason"));
    assertEquals("duty", reopen.getString("actorName"));
    assertEquals(2, detail.getJsonArray("photos").size());
    assertTrue(admin.get("/api/audit?entityType=hazard&entityId=" + id).json().getLong("total") >= 7);
  }

  @Test
  void theReporterCannotVerifyHisOwnHazard(@As("admin") Api admin, @As("duty") Api duty, TestClock clock) {
    JsonObject h = report(duty, "low");
    long id = h.getLong("id");
    act(duty, id, "assign", new JsonObject().put("unitId", unitId).put("deadline", inDays(clock, 3)));
    act(duty, id, "start", new JsonObject());
    upload(duty, id, "evidence", "image/png", PNG);
    assertEquals(200, act(duty, id, "rectify", new JsonObject().put("note", "done")).status());
    Resp self = act(duty, id, "verify", new JsonObject());
    assertEquals(403, self.status(), self.toString());
    assertEquals("rectified", duty.get("/api/hazards/" + id).json().getString("status"));
    assertEquals(200, act(admin, id, "verify", new JsonObject()).status());
  }

  @Test
  void anInvalidTransitionIsA409AndChangesNothing(@As("chief") Api chief, @As("duty") Api duty) {
    long id = report(chief, "medium").getLong("id");
    Resp r = act(duty, id, "verify", new JsonObject());
    assertEquals(409, r.status(), r.toString());
    assertEquals("invalid_transition", r.json().getString("error"));
    assertEquals(409, act(chief, id, "rectify", new JsonObject().put("note", "x")).status());
    assertEquals("reported", duty.get("/api/hazards/" + id).json().getString("status"));
    assertEquals(404, act(duty, 999_999, "verify", new JsonObject()).status());
  }

  @Test
  void chiefsActOnlyOnTheirReachesAndDutyOnlyAssigns(@As("chief") Api chief, @As("duty") Api duty,
      @As("chief2") Api chief2, TestClock clock) {
    long id = report(chief, "medium").getLong("id");
    assertEquals(403, act(chief, id, "assign", new JsonObject().put("unitId", unitId).put("deadline", inDays(clock, 2))).status());
    act(duty, id, "assign", new JsonObject().put("unitId", unitId).put("deadline", inDays(clock, 2)));
    assertEquals(403, act(chief2, id, "start", new JsonObject()).status());
    assertEquals(403, chief2.get("/api/hazards/" + id).status());
    assertEquals(403, upload(chief2, id, "report", "image/png", PNG).status());
    Resp other = chief2.post("/api/hazards", new JsonObject().put("reachId", reachId).put("type", "outfall")
        .put("severity", "low").put("lat", 34.71).put("lon", 113.70).put("description", "x"), UUID.randomUUID().toString());
    assertEquals(403, other.status(), other.toString());
  }

  @Test
  void badReportsAndBadPhotosAreRejected(@As("chief") Api chief) {
    Resp bad = chief.post("/api/hazards", new JsonObject().put("reachId", reachId).put("type", "volcano")
        .put("severity", "high").put("lat", 134.0).put("lon", 113.70), UUID.randomUUID().toString());
    assertEquals(400, bad.status(), bad.toString());
    JsonObject fields = bad.json().getJsonObject("fields");
    assertTrue(fields.containsKey("type") && fields.containsKey("lat") && fields.containsKey("description"), fields.encode());
    long id = report(chief, "low").getLong("id");
    assertEquals(415, upload(chief, id, "report", "application/pdf", PNG).status());
    assertEquals(400, upload(chief, id, "report", "image/jpeg", PNG).status());
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    assertEquals(413, upload(chief, id, "report", "image/png", big).status());
    assertEquals(0, chief.get("/api/hazards/" + id).json().getJsonArray("photos").size());
  }

  @Test
  void aRetriedReportWithTheSameKeyIsOneHazard(@As("chief") Api chief, @As("duty") Api duty) {
    long before = duty.get("/api/hazards?reachId=" + reachId).json().getLong("total");
    JsonObject body = new JsonObject().put("reachId", reachId).put("type", "outfall").put("severity", "low")
        .put("lat", 34.71).put("lon", 113.70).put("description", "排污口");
    String key = UUID.randomUUID().toString();
    Resp first = chief.post("/api/hazards", body, key);
    Resp retry = chief.post("/api/hazards", body, key);
    assertEquals(201, first.status());
    assertEquals(first.json().getLong("id"), retry.json().getLong("id"));
    assertEquals(before + 1, duty.get("/api/hazards?reachId=" + reachId).json().getLong("total"));
  }

  @Test
  void overdueHazardsAreDetectedWithTheClockAndEscalatedBySweep(TestClock clock, @As("chief") Api chief,
      @As("duty") Api duty) {
    long id = report(chief, "medium").getLong("id");
    act(duty, id, "assign", new JsonObject().put("unitId", unitId).put("deadline", inDays(clock, 1)));
    assertFalse(duty.get("/api/hazards/" + id).json().getBoolean("overdue"));
    Instant before = clock.instant();
    try {
      clock.advance(Duration.ofDays(2));
      JsonObject h = duty.get("/api/hazards/" + id).json();
      assertTrue(h.getBoolean("overdue"));
      assertFalse(h.getBoolean("escalated"));
      Resp overdue = duty.get("/api/hazards?overdue=true&reachId=" + reachId);
      assertTrue(overdue.json().getJsonArray("items").stream().anyMatch(o -> ((JsonObject) o).getLong("id") == id));

      assertEquals(403, chief.post("/api/hazards/sweep-overdue", new JsonObject()).status());
      Resp sweep = duty.post("/api/hazards/sweep-overdue", new JsonObject());
      assertEquals(200, sweep.status(), sweep.toString());
      assertTrue(ids(sweep).contains(id), sweep.toString());
      assertFalse(ids(duty.post("/api/hazards/sweep-overdue", new JsonObject())).contains(id));
      JsonObject escalated = duty.get("/api/hazards/" + id).json();
      assertTrue(escalated.getBoolean("escalated"));
      assertTrue(escalated.getJsonArray("events").stream()
          .anyMatch(e -> ((JsonObject) e).getString("action").equals("escalate")));

      // A new deadline lifts both.
      Resp again = act(duty, id, "assign", new JsonObject().put("unitId", unitId).put("deadline", inDays(clock, 3)));
      assertFalse(again.json().getBoolean("overdue"));
      assertFalse(again.json().getBoolean("escalated"));
    } finally {
      clock.set(before);
    }
  }

  private static List<Long> ids(Resp sweep) {
    return sweep.json().getJsonArray("hazardIds").stream().map(o -> ((Number) o).longValue()).toList();
  }

  @Test
  void hazardsAsCsvAndGeoJson(@As("chief") Api chief, @As("duty") Api duty) {
    report(chief, "high");
    Resp csv = duty.get("/api/hazards.csv?reachId=" + reachId);
    assertEquals(200, csv.status(), csv.toString());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"));
    assertTrue(csv.body().startsWith("\uFEFFid,status,severity"), csv.body());
    assertTrue(csv.body().contains("右岸坍塌约10米"));
    Resp geo = duty.get("/api/hazards.geojson?reachId=" + reachId);
    assertTrue(geo.header("Content-Type").startsWith("application/geo+json"), geo.header("Content-Type"));
    JsonArray features = geo.json().getJsonArray("features");
    assertFalse(features.isEmpty());
    assertEquals("Point", features.getJsonObject(0).getJsonObject("geometry").getString("type"));
  }

  @Test
  void theDemoHasHazardsAtEveryStage(@As("admin") Api admin) {
    Resp all = admin.get("/api/hazards?size=500");
    List<String> statuses = all.json().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("status"))
        .distinct().toList();
    assertTrue(statuses.containsAll(List.of("reported", "assigned", "rectifying", "rectified", "closed")),
        statuses.toString());
    Resp escalated = admin.get("/api/hazards?escalated=true");
    assertTrue(escalated.json().getLong("total") >= 1);
    assertNull(admin.get("/api/hazards?status=reported").json().getJsonArray("items").getJsonObject(0)
        .getString("deadline"));
  }
}
