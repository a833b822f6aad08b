package org.floodready.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

@FloodReadyTest(clock = AlertsApiTest.SEASON_START)
class AlertsApiTest {
  static final String SEASON_START = "2026-07-20T00:00:00Z";
  static final Instant MAIN_SEASON = Instant.parse(SEASON_START);
  static long unitId;

  @BeforeAll
  static void aCommunity(@As("admin") Api admin) {
    unitId = admin.get("/api/units?level=community").json().getJsonArray("items").getJsonObject(0).getLong("id");
  }

  static OffsetDateTime at(TestClock clock, int minutes) {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8)).plusMinutes(minutes);
  }

  static Resp post(Api admin, long id, double value, OffsetDateTime t) {
    Resp r = admin.post("/api/checkpoints/" + id + "/readings", Fixtures.reading(value, t.toString()));
    assertTrue(r.status() == 201 || r.status() == 200, r.toString());
    return r;
  }

  /** A waterlogging point with an open alert at the level the depth gives. */
  static long[] pointWithAlert(Api admin, TestClock clock, double depth) {
    long id = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("A"), unitId, "road"));
    post(admin, id, depth, at(clock, 0));
    JsonArray alerts = admin.get("/api/alerts?checkpointId=" + id).json().getJsonArray("items");
    assertEquals(1, alerts.size(), alerts.encode());
    return new long[] {id, alerts.getJsonObject(0).getLong("id")};
  }

  static JsonObject alert(Api admin, long alertId) {
    Resp r = admin.get("/api/alerts/" + alertId);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  static Resp sweep(Api duty) {
    Resp r = duty.post("/api/admin/checkpoints/sweep", new JsonObject());
    assertEquals(200, r.status(), r.toString());
    return r;
  }

  @Test
  void acknowledgingNeedsACommentAndTheDutyRoom(TestClock clock, @As("viewer") Api viewer, @As("duty") Api duty,
      @As("inspector") Api inspector, @As("admin") Api admin) {
    clock.set(MAIN_SEASON);
    long alertId = pointWithAlert(admin, clock, 16)[1];
    String path = "/api/alerts/" + alertId + "/acknowledge";
    Resp noComment = duty.post(path, new JsonObject());
    assertEquals(400, noComment.status());
    assertTrue(noComment.json().getJsonObject("fields").containsKey("comment"));
    assertEquals(400, duty.post(path, new JsonObject().put("comment", "  ")).status());
    assertEquals(403, viewer.post(path, new JsonObject().put("comment", "seen")).status());
    assertEquals(403, inspector.post(path, new JsonObject().put("comment", "seen")).status());
    assertEquals("raised", alert(admin, alertId).getString("status"));
    Resp ok = duty.post(path, new JsonObject().put("comment", "已通知街道排水队 pump crew informed"));
    assertEquals(200, ok.status(), ok.toString());
    assertEquals("acknowledged", ok.json().getString("status"));
    assertEquals(409, duty.post(path, new JsonObject().put("comment", "again")).status());
    assertEquals(404, duty.post("/api/alerts/999999/acknowledge", new JsonObject().put("comment", "x")).status());
    JsonArray events = alert(admin, alertId).getJsonArray("events");
    JsonObject ack = events.getJsonObject(events.size() - 1);
    assertEquals("acknowledged", ack.getString("action"));
    assertEquals("duty", ack.getString("actorName"));
    assertEquals("已通知街道排水队 pump crew informed", ack.getString("comment"));
    assertNotNull(ack.getString("at"));
  }

  @Test
  void aRetriedAcknowledgementWithAnIdempotencyKeyGetsTheFirstAnswer(TestClock clock, @As("duty") Api duty,
      @As("admin") Api admin) {
    clock.set(MAIN_SEASON.plus(Duration.ofMinutes(30)));
    long alertId = pointWithAlert(admin, clock, 16)[1];
    String path = "/api/alerts/" + alertId + "/acknowledge";
    JsonObject body = new JsonObject().put("comment", "收到 received");
    Resp first = duty.post(path, body, "ack-" + alertId);
    Resp retry = duty.post(path, body, "ack-" + alertId);
    assertEquals(200, first.status(), first.toString());
    assertEquals(200, retry.status(), retry.toString());
    assertEquals(first.json(), retry.json());
    assertEquals(2, alert(admin, alertId).getJsonArray("events").size(), "raised and one acknowledgement");
    assertEquals(409, duty.post(path, body).status(), "without a key a second acknowledgement is a conflict");
  }

  @Test
  void anUnacknowledgedAlertIsEscalatedAfterItsLevelsTimeout(TestClock clock, @As("duty") Api duty,
      @As("admin") Api admin) {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(1)));
    long red = pointWithAlert(admin, clock, 45)[1];
    long yellow = pointWithAlert(admin, clock, 16)[1];
    clock.advance(Duration.ofMinutes(9));
    sweep(duty);
    assertEquals("raised", alert(admin, red).getString("status"));
    clock.advance(Duration.ofMinutes(2));
    sweep(duty);
    assertEquals("escalated", alert(admin, red).getString("status"), "red: 10 minutes");
    assertEquals("raised", alert(admin, yellow).getString("status"), "yellow: 30 minutes");
    clock.advance(Duration.ofMinutes(20));
    sweep(duty);
    JsonObject y = alert(admin, yellow);
    assertEquals("escalated", y.getString("status"));
    assertEquals("escalated", y.getJsonArray("events").getJsonObject(1).getString("action"));
    Resp ack = duty.post("/api/alerts/" + red + "/acknowledge", new JsonObject().put("comment", "on it"));
    assertEquals("acknowledged", ack.json().getString("status"), "an escalated alert can still be acknowledged");
  }

  @Test
  void concurrentSweepsEscalateAndRaiseEachThingOnce(TestClock clock, @As("duty") Api duty,
      @As("admin") Api admin) throws Exception {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(10)));
    long[] red = pointWithAlert(admin, clock, 41);
    long silentId = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("Q"), unitId, "road")
        .put("overrides", new JsonObject().put("silentMinutes", 5)));
    post(admin, silentId, 1, at(clock, 0));
    clock.advance(Duration.ofMinutes(11));
    List<Future<Resp>> sweeps = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sweeps.add(duty.postAsync("/api/admin/checkpoints/sweep", new JsonObject(), null));
    }
    for (var f : sweeps) {
      assertEquals(200, f.await(30, TimeUnit.SECONDS).status());
    }
    JsonArray events = alert(admin, red[1]).getJsonArray("events");
    assertEquals(1, events.stream().filter(e -> ((JsonObject) e).getString("action").equals("escalated")).count(),
        events.encode());
    assertEquals(1, admin.get("/api/alerts?kind=silent&checkpointId=" + silentId).json().getLong("total"));
  }

  @Test
  void concurrentReadingsForOneCheckpointLeaveAConsistentState(TestClock clock,
      @As("admin") Api admin) throws Exception {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(11)));
    long id = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("C"), unitId, "road")
        .put("overrides", new JsonObject().put("suspectStep", 100)));
    List<Future<Resp>> posts = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      posts.add(admin.postAsync("/api/checkpoints/" + id + "/readings",
          Fixtures.reading(10 + i * 3, at(clock, -10 + i).toString()), null));
    }
    for (var f : posts) {
      assertEquals(201, f.await(30, TimeUnit.SECONDS).status());
    }
    JsonObject state = admin.get("/api/checkpoints/" + id).json().getJsonObject("state");
    assertEquals(37.0, state.getDouble("lastValue"), "the newest reading wins whatever the arrival order");
    assertEquals("orange", state.getString("level"));
    assertEquals(1, admin.get("/api/alerts?checkpointId=" + id).json().getLong("total"), "one open alert");
  }

  @Test
  void aLevelAlertResolvesItselfAfterStayingClearLongEnough(TestClock clock, @As("admin") Api admin,
      @As("duty") Api duty) {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(2)));
    long[] ids = pointWithAlert(admin, clock, 20);
    clock.advance(Duration.ofMinutes(5));
    post(admin, ids[0], 13, at(clock, 0));
    clock.advance(Duration.ofMinutes(40));
    sweep(duty);
    assertTrue(!alert(admin, ids[1]).getString("status").equals("resolved"), "13 cm is still blue (hysteresis), not clear");
    post(admin, ids[0], 2, at(clock, 0));
    clock.advance(Duration.ofMinutes(29));
    sweep(duty);
    assertTrue(!alert(admin, ids[1]).getString("status").equals("resolved"), "not clear for 30 minutes yet");
    clock.advance(Duration.ofMinutes(2));
    sweep(duty);
    JsonObject resolved = alert(admin, ids[1]);
    assertEquals("resolved", resolved.getString("status"));
    assertEquals("system", resolved.getJsonArray("events").getJsonObject(resolved.getJsonArray("events").size() - 1)
        .getString("actorName"));
    assertEquals(0, admin.get("/api/alerts?checkpointId=" + ids[0]).json().getLong("total"));
    assertEquals(1, admin.get("/api/alerts?status=resolved&checkpointId=" + ids[0]).json().getLong("total"));
    Resp csv = admin.get("/api/alerts.csv?status=all&checkpointId=" + ids[0]);
    assertEquals(200, csv.status());
    assertTrue(csv.body().startsWith("\uFEFFid,checkpointCode"), csv.body());
    assertEquals(2, csv.body().split("\r\n").length, "header and the one alert");
  }

  @Test
  void theDutyRoomResolvesByHandWithAComment(TestClock clock, @As("viewer") Api viewer, @As("duty") Api duty,
      @As("admin") Api admin) {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(3)));
    long alertId = pointWithAlert(admin, clock, 30)[1];
    String path = "/api/alerts/" + alertId + "/resolve";
    assertEquals(400, duty.post(path, new JsonObject()).status());
    assertEquals(403, viewer.post(path, new JsonObject().put("comment", "x")).status());
    Resp ok = duty.post(path, new JsonObject().put("comment", "现场核实为传感器故障 sensor fault"));
    assertEquals(200, ok.status(), ok.toString());
    assertEquals("resolved", ok.json().getString("status"));
    assertEquals(409, duty.post(path, new JsonObject().put("comment", "again")).status());
  }

  @Test
  void aSilentGaugedCheckpointRaisesItsOwnAlertUntilReadingsReturn(TestClock clock, @As("admin") Api admin,
      @As("duty") Api duty) {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(4)));
    long id = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("Q"), unitId, "tunnel"));
    long keyId = admin.post("/api/admin/api-keys", new JsonObject().put("name", "gauge-q" + id)).json().getLong("id");
    assertEquals(200, admin.put("/api/admin/checkpoints/" + id + "/gauges", new JsonObject()
        .put("apiKeyIds", new JsonArray().add(keyId))).status());
    post(admin, id, 1, at(clock, 0));
    clock.advance(Duration.ofMinutes(29));
    sweep(duty);
    assertEquals(0, admin.get("/api/alerts?kind=silent&checkpointId=" + id).json().getLong("total"));
    clock.advance(Duration.ofMinutes(2));
    sweep(duty);
    sweep(duty);
    JsonArray silent = admin.get("/api/alerts?kind=silent&checkpointId=" + id).json().getJsonArray("items");
    assertEquals(1, silent.size(), "one silent alert however often the sweep runs");
    assertTrue(silent.getJsonObject(0).getString("reason").startsWith("no reading since"));
    assertTrue(geoFeature(admin, id).getJsonObject("properties").getBoolean("silent"));
    post(admin, id, 1, at(clock, 0));
    assertEquals("resolved", alert(admin, silent.getJsonObject(0).getLong("id")).getString("status"));
    assertTrue(!geoFeature(admin, id).getJsonObject("properties").getBoolean("silent"));
  }

  @Test
  void aCheckpointWithoutGaugeIsNeverSilent(TestClock clock, @As("admin") Api admin, @As("duty") Api duty) {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(5)));
    long id = Fixtures.create(admin, Fixtures.waterlogging(Fixtures.code("Q"), unitId, "road"));
    post(admin, id, 1, at(clock, 0));
    clock.advance(Duration.ofHours(6));
    sweep(duty);
    assertEquals(0, admin.get("/api/alerts?kind=silent&checkpointId=" + id).json().getLong("total"));
  }

  static JsonObject geoFeature(Api admin, long checkpointId) {
    Resp r = admin.get("/api/checkpoints.geojson");
    assertEquals(200, r.status());
    JsonObject fc = new JsonObject(r.body());
    return fc.getJsonArray("features").stream().map(o -> (JsonObject) o)
        .filter(f -> f.getLong("id") == checkpointId).findFirst().orElseThrow();
  }

  @Test
  void geoJsonIsAFeatureCollectionWithLonLatPoints(@As("admin") Api admin) {
    Resp r = admin.get("/api/checkpoints.geojson");
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("application/geo+json"));
    JsonObject fc = new JsonObject(r.body());
    assertEquals("FeatureCollection", fc.getString("type"));
    JsonObject culvert = fc.getJsonArray("features").stream().map(o -> (JsonObject) o)
        .filter(f -> f.getJsonObject("properties").getString("nameZh").equals("航海路机场高速北涵洞"))
        .findFirst().orElseThrow();
    assertEquals("Feature", culvert.getString("type"));
    assertEquals("Point", culvert.getJsonObject("geometry").getString("type"));
    JsonArray position = culvert.getJsonObject("geometry").getJsonArray("coordinates");
    assertEquals(2, position.size());
    assertEquals(113.7836, position.getDouble(0), 1e-9, "longitude first");
    assertEquals(34.7152, position.getDouble(1), 1e-9, "then latitude");
    JsonObject yanchang = fc.getJsonArray("features").stream().map(o -> (JsonObject) o)
        .filter(f -> f.getJsonObject("properties").getString("nameZh").equals("烟厂西街")).findFirst().orElseThrow();
    assertEquals("yellow", yanchang.getJsonObject("properties").getString("level"));
  }

  @Test
  void capDocumentsValidateAgainstTheCap12SchemaThroughTheLifecycle(TestClock clock, @As("duty") Api duty,
      @As("admin") Api admin) throws Exception {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(6)));
    long[] point = pointWithAlert(admin, clock, 26);
    long alertId = point[1];
    Document first = validCap(admin, alertId);
    assertEquals("Alert", text(first, "msgType"));
    assertEquals("Severe", text(first, "severity"), "orange");
    assertTrue(text(first, "headline").contains("橙色预警"), text(first, "headline"));
    assertTrue(text(first, "sent").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"), text(first, "sent"));
    assertEquals("34.715200,113.783600 0.3", text(first, "circle"), "CAP puts latitude first");
    Resp atom = admin.get("/api/alerts/cap.atom");
    assertEquals(200, atom.status(), atom.toString());
    assertTrue(atom.header("Content-Type").startsWith("application/atom+xml"));
    assertTrue(atom.body().contains("/api/alerts/" + alertId + "/cap"), atom.body());
    duty.post("/api/alerts/" + alertId + "/acknowledge", new JsonObject().put("comment", "ok"));
    Document afterAck = validCap(admin, alertId);
    assertEquals(text(first, "identifier"), text(afterAck, "identifier"),
        "an acknowledgement is internal: no public Update");
    post(admin, point[0], 45, at(clock, 5));
    Document update = validCap(admin, alertId);
    assertEquals("Update", text(update, "msgType"), "risen to red");
    assertEquals("Extreme", text(update, "severity"));
    assertEquals("floodready@flood-control-hq.zhengzhou," + text(first, "identifier") + "," + text(first, "sent"),
        text(update, "references"), "names the earlier message exactly");
    duty.post("/api/alerts/" + alertId + "/resolve", new JsonObject().put("comment", "drained"));
    Document allClear = validCap(admin, alertId);
    assertEquals("Update", text(allClear, "msgType"), "an ended alert is an all-clear Update, not a Cancel");
    assertEquals("AllClear", text(allClear, "responseType"));
    assertEquals(2, text(allClear, "references").split(" ").length, text(allClear, "references"));
    assertEquals(3, List.of(text(first, "identifier"), text(update, "identifier"), text(allClear, "identifier"))
        .stream().distinct().count(), "each message has its own identifier");
    for (int n = 1; n <= 3; n++) {
      Resp earlier = admin.get("/api/alerts/" + alertId + "/cap?message=" + n);
      assertEquals(200, earlier.status(), "every referenced message can be fetched again");
    }
    assertEquals(text(first, "identifier"), text(validCap(admin, alertId, "?message=1"), "identifier"));
    assertEquals(404, admin.get("/api/alerts/" + alertId + "/cap?message=4").status());
  }

  @Test
  void aSilentAlertAlsoMakesAValidCapDocument(TestClock clock, @As("admin") Api admin,
      @As("duty") Api duty) throws Exception {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(7)));
    long id = Fixtures.create(admin, Fixtures.reservoir(Fixtures.code("Q"), unitId)
        .put("overrides", new JsonObject().put("silentMinutes", 15)));
    post(admin, id, 125, at(clock, 0));
    clock.advance(Duration.ofMinutes(16));
    sweep(duty);
    long alertId = admin.get("/api/alerts?kind=silent&checkpointId=" + id).json().getJsonArray("items")
        .getJsonObject(0).getLong("id");
    Document cap = validCap(admin, alertId);
    assertEquals("Infra", text(cap, "category"));
  }

  static Document validCap(Api admin, long alertId) throws Exception {
    return validCap(admin, alertId, "");
  }

  static Document validCap(Api admin, long alertId, String query) throws Exception {
    Resp r = admin.get("/api/alerts/" + alertId + "/cap" + query);
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.header("Content-Type").startsWith("application/cap+xml"));
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator = factory.newSchema(AlertsApiTest.class.getResource("/cap/CAP-v1.2.xsd")).newValidator();
    validator.validate(new StreamSource(new StringReader(r.body())));
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document doc = dbf.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(r.body())));
    assertEquals(CapDocument.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
    return doc;
  }

  static String text(Document doc, String element) {
    return doc.getElementsByTagNameNS(CapDocument.NAMESPACE, element).item(0).getTextContent();
  }

  @Test
  void theSchemaRejectsABrokenCapDocument() throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator = factory.newSchema(AlertsApiTest.class.getResource("/cap/CAP-v1.2.xsd")).newValidator();
    String bad = "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</identifier><sender>s</sender>"
        + "<sent>2026-07-20T08:00:00Z</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>";
    org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class,
        () -> validator.validate(new StreamSource(new StringReader(bad))), "CAP forbids Z as the offset");
  }

  @Test
  void theContractViewAndCheckpointStatesShowWarnings(TestServer server, TestClock clock,
      @As("admin") Api admin) throws Exception {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(8)));
    long id = pointWithAlert(admin, clock, 27)[0];
    var app = server.server.app();
    List<Row> rows = new java.util.ArrayList<>();
    await(app.pool().preparedQuery("SELECT checkpoint_id, unit_id, level, since FROM v_active_warnings"
        + " WHERE checkpoint_id = $1").execute(io.vertx.sqlclient.Tuple.of(id))).forEach(rows::add);
    assertEquals(1, rows.size());
    assertEquals("orange", rows.get(0).getString("level"));
    assertEquals(unitId, rows.get(0).getLong("unit_id"));
    assertNotNull(rows.get(0).getOffsetDateTime("since"));
    List<CheckpointState> states = await(new CheckpointStates(app).all(app.now()));
    CheckpointState s = states.stream().filter(x -> x.checkpointId() == id).findFirst().orElseThrow();
    assertEquals("orange", s.level());
    assertEquals(27.0, s.lastValue());
    assertEquals(1, s.activeAlerts());
    assertEquals("waterlogging", s.kind());
    assertTrue(states.stream().anyMatch(x -> x.nameZh().equals("小魏庄水库")));
  }

  @Test
  void aCapMessageSentInErrorIsWithdrawnByACancelReferencingEveryEarlierMessage(TestClock clock,
      @As("admin") Api admin, @As("duty") Api duty, @As("viewer") Api viewer, @As("inspector") Api inspector)
      throws Exception {
    clock.set(MAIN_SEASON.plus(Duration.ofHours(9)));
    long[] point = pointWithAlert(admin, clock, 26);
    long alertId = point[1];
    Document first = validCap(admin, alertId);
    post(admin, point[0], 45, at(clock, 5));
    Document update = validCap(admin, alertId);
    String path = "/api/alerts/" + alertId + "/cap/withdraw";
    JsonObject reason = new JsonObject().put("reason", "水尺读数录入错误 gauge reading entered wrongly");

    assertEquals(403, viewer.post(path, reason, "w-viewer").status());
    assertEquals(403, inspector.post(path, reason, "w-inspector").status());
    Resp noReason = duty.post(path, new JsonObject(), "w-empty");
    assertEquals(400, noReason.status());
    assertTrue(noReason.json().getJsonObject("fields").containsKey("reason"), noReason.toString());
    assertEquals(404, duty.post("/api/alerts/99999999/cap/withdraw", reason, "w-404").status());

    Resp withdrawn = duty.post(path, reason, "w-" + alertId);
    assertEquals(201, withdrawn.status(), withdrawn.toString());
    JsonObject answer = withdrawn.json();
    assertEquals("Cancel", answer.getString("msgType"));
    assertEquals(CapDocument.identifier(alertId, 3), answer.getString("identifier"));
    assertEquals(List.of(text(first, "identifier"), text(update, "identifier")),
        answer.getJsonArray("references").getList());
    Resp replay = duty.post(path, reason, "w-" + alertId);
    assertEquals(201, replay.status(), "the same key: the first answer again");
    assertEquals(answer, replay.json());
    Resp again = admin.post(path, reason, "w-again-" + alertId);
    assertEquals(409, again.status(), again.toString());
    assertEquals("cap_already_cancelled", again.json().getString("error"));
    assertEquals(409, duty.post(path, reason).status(), "without a key too");

    Document cancel = validCap(admin, alertId);
    assertEquals("Cancel", text(cancel, "msgType"));
    assertEquals(answer.getString("identifier"), text(cancel, "identifier"));
    assertEquals(CapDocument.SENDER + "," + text(first, "identifier") + "," + text(first, "sent") + " "
        + CapDocument.SENDER + "," + text(update, "identifier") + "," + text(update, "sent"),
        text(cancel, "references"), "names each earlier message exactly");
    assertTrue(text(cancel, "description").contains("录入错误"), text(cancel, "description"));
    assertTrue(text(cancel, "headline").contains("已撤销"), text(cancel, "headline"));
    assertEquals(text(cancel, "identifier"), text(validCap(admin, alertId, "?message=3"), "identifier"));

    String atom = admin.get("/api/alerts/cap.atom").body();
    assertTrue(atom.contains("<id>urn:floodready:alert:" + alertId + ":cancel</id>"), "the Cancel is in the index");
    assertTrue(!atom.contains("<id>urn:floodready:alert:" + alertId + "</id>"), "the alert is no longer active");
    assertEquals(1, admin.get("/api/audit?action=alert.cap_withdraw&entityId=" + alertId).json()
        .getJsonArray("items").size());

    duty.post("/api/alerts/" + alertId + "/resolve", new JsonObject().put("comment", "误报"));
    assertEquals(answer.getString("identifier"), text(validCap(admin, alertId), "identifier"),
        "after the Cancel the alert publishes nothing more");
    assertEquals(404, admin.get("/api/alerts/" + alertId + "/cap?message=4").status());
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
