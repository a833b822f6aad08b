package org.floodready.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rescue teams: create, dispatch, stand down, and the readiness component they feed. */
@FloodReadyTest
class TeamApiTest {
  static TestServer server;
  static Api admin;
  static Api duty;
  static Api chief;
  static long liuzhai;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
    duty = server.as("duty");
    chief = server.as("chief");
    liuzhai = admin.get("/api/units?size=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(u -> "ZZ-HJ-LZ".equals(u.getString("code"))).findFirst().orElseThrow().getLong("id");
  }

  static JsonObject team(String name) {
    return new JsonObject().put("name", name).put("unitId", liuzhai).put("leaderName", "赵刚")
        .put("leaderPhone", "13900009999").put("members", 15).put("specialities", new JsonArray().add("pumps")
            .add("sandbagging"));
  }

  /** Waits until the unit's readiness shows {@code standby} teams on standby, then returns its metrics. */
  static JsonObject readinessOnceStandby(int standby) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonObject entry = null;
    while (System.nanoTime() < deadline) {
      entry = admin.get("/api/readiness/units/" + liuzhai).json();
      JsonObject m = entry.getJsonObject("metrics");
      if (m.containsKey("teamsStandby") && m.getJsonObject("teamsStandby").getInteger("value") == standby
          && m.getJsonObject("teamsRequired").getInteger("value") == 2) {
        return entry;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("readiness never showed " + standby + " standby teams: " + entry);
  }

  static Double value(JsonObject entry, String metric) {
    return entry.getJsonObject("metrics").getJsonObject(metric).getDouble("value");
  }

  /** 刘寨 has only a checkpoint (monitoring, w 0.10) and now teams (w 0.10): the score is their mean. */
  static void assertScore(JsonObject entry, double teams) {
    assertEquals(teams, value(entry, "teamReadiness"), 1e-9, entry.encode());
    assertNull(value(entry, "stockIndex"));
    assertNull(value(entry, "patrolCompliance"));
    double monitoring = 1.0 - value(entry, "silentCheckpoints") / value(entry, "checkpoints");
    double expected = Math.round(1000 * (0.10 * monitoring + 0.10 * teams) / 0.20) / 10.0;
    assertEquals(expected, entry.getDouble("score"), 1e-9, entry.encode());
  }

  @Test
  void standbyTeamsAgainstTheRequirementMoveTheScore() throws Exception {
    Resp req = admin.put("/api/team-requirements/" + liuzhai, new JsonObject().put("required", 2));
    assertEquals(200, req.status(), req.toString());
    assertEquals(403, duty.put("/api/team-requirements/" + liuzhai, new JsonObject().put("required", 1)).status());
    assertScore(readinessOnceStandby(0), 0.0);

    Resp created = duty.post("/api/rescue-teams", team("刘寨街道抢险队"), UUID.randomUUID().toString());
    assertEquals(201, created.status(), created.toString());
    JsonObject t = created.json();
    assertEquals("standby", t.getString("status"));
    assertEquals(new JsonArray().add("排涝泵").add("装袋堵口"), t.getJsonArray("specialitiesZh"));
    assertScore(readinessOnceStandby(1), 0.5);

    long incident = duty.post("/api/incidents", new JsonObject().put("kind", "waterlogging").put("severity", "high")
        .put("lat", 34.845).put("lon", 113.642).put("unitId", liuzhai), UUID.randomUUID().toString())
        .json().getLong("id");
    Resp sent = duty.post("/api/incidents/" + incident + "/teams", new JsonObject().put("teamId", t.getLong("id"))
        .put("note", "携带潜水泵 2 台"));
    assertEquals(201, sent.status(), sent.toString());
    assertEquals("deployed", sent.json().getString("status"));
    assertEquals(incident, sent.json().getLong("incidentId"));
    assertScore(readinessOnceStandby(0), 0.0);
    Resp twice = duty.post("/api/incidents/" + incident + "/teams", new JsonObject().put("teamId", t.getLong("id")));
    assertEquals(409, twice.status());
    assertEquals("team_not_available", twice.json().getString("error"));

    JsonObject detail = duty.get("/api/incidents/" + incident).json();
    assertEquals(1, detail.getLong("teamsDeployed"));
    assertEquals(1, detail.getJsonArray("deployments").size());
    assertTrue(detail.getJsonArray("log").stream().map(JsonObject.class::cast)
        .anyMatch(l -> "team_dispatched".equals(l.getString("kind"))));

    Resp rest = duty.post("/api/rescue-teams/" + t.getLong("id") + "/stand-down",
        new JsonObject().put("status", "resting").put("note", "连续作业 12 小时"));
    assertEquals(200, rest.status(), rest.toString());
    assertEquals("resting", rest.json().getString("status"));
    assertNull(rest.json().getLong("incidentId"));
    JsonObject teamDetail = duty.get("/api/rescue-teams/" + t.getLong("id")).json();
    assertTrue(teamDetail.getJsonArray("deployments").getJsonObject(0).getString("endedAt") != null);
    assertEquals(409, duty.post("/api/rescue-teams/" + t.getLong("id") + "/stand-down",
        new JsonObject().put("status", "resting")).status(), "resting → resting is no move");
    assertEquals(200, duty.post("/api/rescue-teams/" + t.getLong("id") + "/stand-down",
        new JsonObject().put("status", "standby")).status());
    assertScore(readinessOnceStandby(1), 0.5);
    assertTrue(admin.get("/api/readiness/verify").json().getBoolean("consistent"));
  }

  @Test
  void teamInputIsCheckedFieldByFieldAndEditsAreOptimistic() {
    Resp bad = duty.post("/api/rescue-teams", team("x").put("members", 0).put("leaderPhone", "call me")
        .put("specialities", new JsonArray().add("flying")));
    assertEquals(400, bad.status(), bad.toString());
    JsonObject fields = bad.json().getJsonObject("fields");
    assertTrue(fields.containsKey("members") && fields.containsKey("leaderPhone")
        && fields.containsKey("specialities[0]"), fields.encode());
    assertEquals(403, chief.post("/api/rescue-teams", team("y")).status());
    JsonObject t = duty.post("/api/rescue-teams", team("刘寨医疗队")).json();
    Resp edit = duty.put("/api/rescue-teams/" + t.getLong("id"), team("刘寨医疗队").put("members", 9)
        .put("version", t.getInteger("version")));
    assertEquals(200, edit.status(), edit.toString());
    assertEquals(9, edit.json().getInteger("members"));
    Resp stale = duty.put("/api/rescue-teams/" + t.getLong("id"), team("刘寨医疗队").put("version", t.getInteger("version")));
    assertEquals(409, stale.status());
    assertEquals("stale_version", stale.json().getString("error"));
    JsonObject counts = duty.get("/api/team-requirements").json();
    assertTrue(counts.getJsonArray("items").size() >= 4, counts.encode());
    JsonObject gc = counts.getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(c -> "管城回族区".equals(c.getString("unitNameZh"))).findFirst().orElseThrow();
    assertEquals(3, gc.getInteger("required"));
    assertEquals(1, gc.getInteger("deployed"), "the demo team at the Shiqili River piping");
  }
}
