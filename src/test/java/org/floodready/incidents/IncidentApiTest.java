package org.floodready.incidents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Incidents over real HTTP and PostgreSQL: report, scope, transitions, photos, feeds and exports. */
@FloodReadyTest
class IncidentApiTest {
  static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
      + "0000000d4944415478da63f8cfc0f01f0005000201a5f8b9d80000000049454e44ae426082");
  static TestServer server;
  static Api admin;
  static Api duty;
  static Api chief;
  static Api inspector;
  static Api keeper;
  static Api viewer;
  static long reachId;
  static long reachUnitId;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
    duty = server.as("duty");
    chief = server.as("chief");
    inspector = server.as("inspector");
    keeper = server.as("keeper");
    viewer = server.as("viewer");
    JsonObject reach = chief.get("/api/reaches?size=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(r -> "SQLH-02".equals(r.getString("code"))).findFirst().orElseThrow();
    reachId = reach.getLong("id");
    reachUnitId = reach.getLong("unitId");
  }

  static JsonObject body(String kind, String severity) {
    return new JsonObject().put("kind", kind).put("severity", severity).put("lat", 34.7012).put("lon", 113.7105)
        .put("reachId", reachId).put("description", "堤脚渗水 Seepage at the toe");
  }

  static JsonObject report(Api who, JsonObject body) {
    Resp r = who.post("/api/incidents", body, UUID.randomUUID().toString());
    assertEquals(201, r.status(), r.toString());
    return r.json();
  }

  static Resp status(Api who, long id, String status, int version) {
    return who.post("/api/incidents/" + id + "/status", new JsonObject().put("status", status)
        .put("note", "值班室处置 handled by the duty room").put("version", version));
  }

  @Test
  void aChiefReportsOnHisReachAndARetryWritesNothingMore() {
    JsonObject b = body("seepage", "medium");
    String key = UUID.randomUUID().toString();
    Resp first = chief.post("/api/incidents", b, key);
    assertEquals(201, first.status(), first.toString());
    JsonObject i = first.json();
    assertEquals(reachUnitId, i.getLong("unitId"), "unit derived from the reach");
    assertEquals("reported", i.getString("status"));
    assertEquals("渗水", i.getString("title"), "default title is the kind in Chinese");
    assertEquals(1, i.getInteger("version"));
    Resp again = chief.post("/api/incidents", b, key);
    assertEquals(201, again.status());
    assertEquals(i.getLong("id"), again.json().getLong("id"));
    long count = admin.get("/api/incidents?size=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(x -> x.getLong("id").equals(i.getLong("id"))).count();
    assertEquals(1, count);
    JsonObject audit = admin.get("/api/audit?action=incident.report&size=500").json();
    assertTrue(audit.getJsonArray("items").stream().map(JsonObject.class::cast)
        .anyMatch(a -> String.valueOf(i.getLong("id")).equals(a.getString("entityId"))), audit.encode());
  }

  @Test
  void withoutReachOrCheckpointTheUnitIsTheReportersOwn() {
    JsonObject b = new JsonObject().put("kind", "waterlogging").put("severity", "low").put("lat", 34.70)
        .put("lon", 113.79).put("title", "航海路积水");
    JsonObject i = report(inspector, b);
    JsonObject me = inspector.get("/api/auth/me").json();
    assertEquals(me.getJsonObject("user", me).getLong("unitId"), i.getLong("unitId"));
    assertEquals("航海路积水", i.getString("title"));
  }

  @Test
  void badInputIsA400NamingEachFieldAndWritesNothing() {
    long before = admin.get("/api/incidents").json().getLong("total");
    Resp r = chief.post("/api/incidents", new JsonObject().put("kind", "tsunami").put("severity", "high")
        .put("lat", 95).put("lon", "113"), UUID.randomUUID().toString());
    assertEquals(400, r.status(), r.toString());
    JsonObject fields = r.json().getJsonObject("fields");
    assertNotNull(fields.getString("kind"), fields.encode());
    assertNotNull(fields.getString("lat"), fields.encode());
    assertNotNull(fields.getString("lon"), fields.encode());
    Resp noReach = chief.post("/api/incidents", body("piping", "high").put("reachId", 999999),
        UUID.randomUUID().toString());
    assertEquals(400, noReach.status(), noReach.toString());
    assertEquals("no reach 999999", noReach.json().getJsonObject("fields").getString("reachId"));
    Resp noKey = chief.post("/api/incidents", body("piping", "high"));
    assertEquals(400, noKey.status());
    assertEquals(403, keeper.post("/api/incidents", body("piping", "high"), UUID.randomUUID().toString()).status());
    assertEquals(403, viewer.post("/api/incidents", body("piping", "high"), UUID.randomUUID().toString()).status());
    assertEquals(before, admin.get("/api/incidents").json().getLong("total"));
    assertEquals(400, admin.get("/api/incidents?status=burning").status());
    assertEquals(400, admin.get("/api/incidents?sort=colour").status());
  }

  /** An incident of 刘寨街道, a unit neither the demo chief nor the demo inspector covers. */
  static long elsewhere(String kind) {
    long liuzhai = admin.get("/api/units?size=500").json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(u -> "ZZ-HJ-LZ".equals(u.getString("code"))).findFirst().orElseThrow().getLong("id");
    return report(duty, new JsonObject().put("kind", kind).put("severity", "critical").put("lat", 34.845)
        .put("lon", 113.642).put("unitId", liuzhai)).getLong("id");
  }

  @Test
  void eachSeesTheIncidentsOfHisUnitsOnly() {
    long id = elsewhere("piping");
    long chiefs = report(chief, body("piping", "high")).getLong("id");
    List<Long> inspectorSees = ids(inspector.get("/api/incidents?size=500"));
    assertFalse(inspectorSees.contains(id), "the inspector's units are elsewhere");
    assertFalse(ids(chief.get("/api/incidents?size=500")).contains(id), "the chief's units are elsewhere");
    assertEquals(403, inspector.get("/api/incidents/" + id).status());
    assertEquals(403, chief.post("/api/incidents/" + id + "/notes", new JsonObject().put("note", "x")).status());
    assertTrue(ids(chief.get("/api/incidents?size=500")).contains(chiefs));
    assertTrue(ids(viewer.get("/api/incidents?size=500&severity=critical")).contains(id));
    assertTrue(ids(duty.get("/api/incidents?size=500&unitId=" + reachUnitId + "&open=true")).contains(chiefs));
    assertFalse(ids(duty.get("/api/incidents?size=500&unitId=" + reachUnitId)).contains(id));
    assertFalse(ids(duty.get("/api/incidents?size=500&kind=breach")).contains(id));
    JsonObject page = duty.get("/api/incidents?size=1&page=1&sort=severity").json();
    assertEquals(1, page.getJsonArray("items").size());
    assertEquals("critical", page.getJsonArray("items").getJsonObject(0).getString("severity"));
    assertTrue(page.getLong("total") >= 2);
  }

  @Test
  void statusMovesForwardWithANoteAndAStaleVersionIsA409() {
    long id = report(chief, body("overtopping", "high")).getLong("id");
    Resp responding = status(duty, id, "responding", 1);
    assertEquals(200, responding.status(), responding.toString());
    assertEquals(2, responding.json().getInteger("version"));
    Resp stale = status(duty, id, "under_control", 1);
    assertEquals(409, stale.status(), stale.toString());
    assertEquals("stale_version", stale.json().getString("error"));
    Resp back = status(duty, id, "reported", 2);
    assertEquals(409, back.status());
    assertEquals("invalid_transition", back.json().getString("error"));
    Resp noNote = duty.post("/api/incidents/" + id + "/status", new JsonObject().put("status", "closed")
        .put("version", 2));
    assertEquals(400, noNote.status());
    assertTrue(noNote.json().getJsonObject("fields").containsKey("note"));
    assertEquals(403, status(chief, id, "closed", 2).status(), "the duty room moves incidents");
    assertEquals(200, status(duty, id, "under_control", 2).status());
    assertEquals(201, chief.post("/api/incidents/" + id + "/notes",
        new JsonObject().put("note", "险情已稳定 stable now")).status());
    Resp closed = status(duty, id, "closed", 3);
    assertEquals(200, closed.status(), closed.toString());
    assertNotNull(closed.json().getString("closedAt"));
    JsonObject detail = chief.get("/api/incidents/" + id).json();
    List<String> kinds = detail.getJsonArray("log").stream().map(JsonObject.class::cast)
        .map(l -> l.getString("kind") + ":" + l.getString("status")).toList();
    assertEquals(List.of("report:reported", "status:responding", "status:under_control", "note:null",
        "status:closed"), kinds);
    assertEquals(404, status(duty, 987654, "closed", 1).status());
  }

  @Test
  void twoOfficersMovingTheSameVersionAtOnceOneWinsTheOtherGets409() throws Exception {
    long id = report(chief, body("piping", "high")).getLong("id");
    JsonObject move = new JsonObject().put("status", "responding").put("note", "出发 on our way").put("version", 1);
    var first = duty.postAsync("/api/incidents/" + id + "/status", move, UUID.randomUUID().toString());
    var second = admin.postAsync("/api/incidents/" + id + "/status", move, UUID.randomUUID().toString());
    List<Integer> statuses = java.util.stream.Stream.of(first, second).map(r -> r.toCompletionStage().toCompletableFuture().join()).map(Resp::status).sorted().toList();
    assertEquals(List.of(200, 409), statuses);
    JsonObject detail = duty.get("/api/incidents/" + id).json();
    assertEquals(2, detail.getInteger("version"));
    assertEquals(1, detail.getJsonArray("log").stream().map(JsonObject.class::cast)
        .filter(l -> "status".equals(l.getString("kind"))).count(), "one status row, not two");
  }

  @Test
  void photosAreCheckedAgainstTheirBytesAndServedBack() {
    long id = report(chief, body("slope_slide", "medium")).getLong("id");
    Resp up = chief.raw("POST", "/api/incidents/" + id + "/photos", "image/png", PNG);
    assertEquals(201, up.status(), up.toString());
    Resp back = chief.get(up.json().getString("url"));
    assertEquals(200, back.status());
    assertEquals("image/png", back.header("Content-Type"));
    assertArrayEquals(PNG, back.bytes());
    Api retrying = chief.with("Idempotency-Key", "photo-" + id);
    assertEquals(201, retrying.raw("POST", "/api/incidents/" + id + "/photos", "image/png", PNG).status());
    assertEquals(201, retrying.raw("POST", "/api/incidents/" + id + "/photos", "image/png", PNG).status(),
        "the outbox's retry gets the first answer");
    Resp lie = chief.raw("POST", "/api/incidents/" + id + "/photos", "image/png", "not a png".getBytes());
    assertEquals(400, lie.status());
    assertEquals("body", lie.json().getJsonObject("fields").fieldNames().iterator().next());
    assertEquals(415, chief.raw("POST", "/api/incidents/" + id + "/photos", "text/plain", PNG).status());
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(PNG, 0, big, 0, PNG.length);
    assertEquals(413, chief.raw("POST", "/api/incidents/" + id + "/photos", "image/png", big).status());
    assertEquals(403, chief.raw("POST", "/api/incidents/" + elsewhere("other") + "/photos", "image/png", PNG)
        .status());
    JsonArray photos = chief.get("/api/incidents/" + id).json().getJsonArray("photos");
    assertEquals(2, photos.size(), "the good photo and the retried one, once; nothing of the refused ones");
  }

  @Test
  void feedsAndExports() {
    JsonObject i = report(chief, body("breach", "critical"));
    long hidden = elsewhere("breach");
    Resp geo = viewer.get("/api/incidents.geojson?open=true");
    assertEquals(200, geo.status());
    assertTrue(geo.header("Content-Type").startsWith("application/geo+json"), geo.header("Content-Type"));
    JsonObject feature = geo.json().getJsonArray("features").stream().map(JsonObject.class::cast)
        .filter(f -> f.getLong("id").equals(i.getLong("id"))).findFirst().orElseThrow();
    assertEquals(new JsonArray().add(113.7105).add(34.7012), feature.getJsonObject("geometry").getJsonArray("coordinates"));
    assertEquals("决口", feature.getJsonObject("properties").getString("kindZh"));
    Resp csv = duty.get("/api/incidents.csv?kind=breach");
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("\uFEFFid,kind,title"), csv.body());
    assertTrue(csv.body().contains("决口"));
    Resp xlsx = duty.get("/api/incidents.xlsx");
    assertEquals(200, xlsx.status());
    assertTrue(xlsx.header("Content-Type").startsWith("application/vnd.openxmlformats"));
    assertEquals('P', xlsx.bytes()[0]);
    assertNull(chief.get("/api/incidents.geojson").json().getJsonArray("features").stream()
        .map(JsonObject.class::cast).filter(f -> f.getLong("id") == hidden).findFirst().orElse(null));
  }

  static List<Long> ids(Resp r) {
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonArray("items").stream().map(JsonObject.class::cast).map(x -> x.getLong("id")).toList();
  }
}
