package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.floodready.inventory.InventoryFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** #17: issue by item (FEFO), issues to an incident, returns of reusable equipment and the incident summary. */
@FloodReadyTest
class IncidentReturnsApiTest {
  static TestServer server;
  static InventoryFixture f;
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @BeforeAll
  static void start(TestServer node, InventoryFixture fixture) {
    server = node;
    f = fixture;
  }

  @Test
  void itemIssueTakesTheEarliestExpiringUsableLotsAndSkipsExpiredOnes() {
    long base = f.base(34.70, 113.70, f.keeperId);
    long bags = f.item();
    long expired = f.receive(base, bags, "50", dated(TODAY.minusDays(30), TODAY.minusDays(1)));
    long later = f.receive(base, bags, "5", dated(TODAY, TODAY.plusDays(40)));
    long never = f.receive(base, bags, "100", null);
    long first = f.receive(base, bags, "5", dated(TODAY, TODAY.plusDays(10)));

    Resp issued = f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("itemId", bags)
        .put("quantity", 8).put("recipientType", "checkpoint").put("recipient", "烟厂西街"), key());
    assertEquals(201, issued.status(), issued.toString());
    JsonArray taken = issued.json().getJsonArray("lots");
    assertEquals(2, taken.size(), taken.encode());
    assertEquals(first, taken.getJsonObject(0).getLong("lotId"), "the lot expiring first goes first");
    assertQty("5", taken.getJsonObject(0).getValue("quantity"));
    assertEquals(later, taken.getJsonObject(1).getLong("lotId"));
    assertQty("3", taken.getJsonObject(1).getValue("quantity"));
    assertQty("0", f.onHand(first));
    assertQty("2", f.onHand(later));
    assertQty("50", f.onHand(expired));
    assertQty("100", f.onHand(never));

    Resp over = f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("itemId", bags)
        .put("quantity", 103).put("recipientType", "person").put("recipient", "张三"), key());
    assertEquals(409, over.status(), over.toString());
    assertEquals("insufficient_stock", over.json().getString("error"));
    assertTrue(over.json().getJsonObject("fields").getString("quantity").contains("102"), over.toString());
    assertQty("2", f.onHand(later));
    assertQty("100", f.onHand(never));

    String retried = key();
    JsonObject body = new JsonObject().put("itemId", bags).put("quantity", 4).put("recipientType", "person")
        .put("recipient", "张三");
    Resp once = f.keeper.post("/api/bases/" + base + "/issues", body, retried);
    Resp again = f.keeper.post("/api/bases/" + base + "/issues", body, retried);
    assertEquals(201, again.status(), again.toString());
    assertEquals(once.json(), again.json(), "a retry answers the first issue");
    assertQty("0", f.onHand(later));
    // booked once: 2 from the dated lot, 2 from the lot without expiry
    assertQty("98", f.onHand(never));

    Resp missing = f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("quantity", 1), key());
    assertEquals(400, missing.status(), missing.toString());
    assertTrue(missing.json().getJsonObject("fields").containsKey("itemId"), missing.toString());
    // the contract checks the body's shape first; "a recipient unless an incident" is the code's own rule
    Resp noRecipient = f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("itemId", bags)
        .put("quantity", 1), key());
    assertEquals(400, noRecipient.status(), noRecipient.toString());
    assertTrue(noRecipient.json().getJsonObject("fields").containsKey("recipient"), noRecipient.toString());
    assertEquals(403, f.keeperB.post("/api/bases/" + base + "/issues", body, key()).status());
  }

  @Test
  void itemIssueSkipsEquipmentThatFailedItsTestRun() {
    long base = f.base(34.70, 113.70, f.keeperId);
    long pumps = f.item("equipment", null, 30);
    long failed = f.receive(base, pumps, "2", null);
    long passed = f.receive(base, pumps, "3", null);
    assertEquals(201, f.keeper.post("/api/lots/" + failed + "/test-runs", new JsonObject().put("result", "fail"),
        key()).status());
    Resp issued = f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("itemId", pumps)
        .put("quantity", 3).put("recipientType", "person").put("recipient", "李四"), key());
    assertEquals(201, issued.status(), issued.toString());
    assertEquals(1, issued.json().getJsonArray("lots").size());
    assertEquals(passed, issued.json().getJsonArray("lots").getJsonObject(0).getLong("lotId"));
    Resp none = f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("itemId", pumps)
        .put("quantity", 1).put("recipientType", "person").put("recipient", "李四"), key());
    assertEquals(409, none.status(), none.toString());
    assertTrue(none.json().getJsonObject("fields").getString("quantity").contains("usable at this base: 0"));
    assertQty("2", f.onHand(failed));
  }

  @Test
  void twoPumpsGoToAnIncidentAndComeBackOneNeedingRepair() throws Exception {
    long base = f.base(34.71, 113.71, f.keeperId);
    long pump = demoItem("E-DSL");
    long lot = f.receive(base, pump, "3", null);
    long incident = incident("京广路隧道积水 test " + key().substring(0, 6));

    Resp issued = f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("itemId", pump)
        .put("quantity", 2).put("incidentId", incident), key());
    assertEquals(201, issued.status(), issued.toString());
    assertEquals(incident, issued.json().getLong("incidentId"));
    assertEquals("incident", issued.json().getString("recipientType"));
    assertTrue(issued.json().getString("recipient").startsWith("险情 #" + incident));
    assertEquals(incident, issued.json().getJsonArray("movements").getJsonObject(0).getLong("incidentId"));
    assertQty("1", usable(base, pump));

    JsonObject line = only(f.keeper.get("/api/incidents/" + incident + "/outstanding"));
    assertQty("2", line.getValue("issued"));
    assertQty("2", line.getValue("out"));
    assertEquals(lot, line.getLong("lotId"));

    sql("UPDATE incidents SET status = 'closed', closed_at = now() WHERE id = $1", incident);
    Resp closedIssue = f.keeper.post("/api/lots/" + lot + "/issues", new JsonObject().put("quantity", 1)
        .put("incidentId", incident), key());
    assertEquals(409, closedIssue.status(), closedIssue.toString());
    assertEquals("incident_closed", closedIssue.json().getString("error"));
    assertTrue(stillOutAtClosed(incident), "the board's list has the closed incident's pumps");

    Resp tooMany = f.keeper.post("/api/incidents/" + incident + "/returns", ret(lot, 3, "good"), key());
    assertEquals(409, tooMany.status(), tooMany.toString());
    assertEquals("return_exceeds_out", tooMany.json().getString("error"));
    assertTrue(tooMany.json().getJsonObject("fields").getString("quantity").contains("2"));
    assertEquals(403, f.keeperB.post("/api/incidents/" + incident + "/returns", ret(lot, 1, "good"), key()).status());

    String retried = key();
    Resp good = f.keeper.post("/api/incidents/" + incident + "/returns", ret(lot, 1, "good"), retried);
    assertEquals(201, good.status(), good.toString());
    assertEquals(lot, good.json().getLong("lotId"), "a good pump goes back into its lot");
    assertEquals("return", good.json().getJsonObject("movement").getString("kind"));
    assertEquals(good.json(), f.keeper.post("/api/incidents/" + incident + "/returns", ret(lot, 1, "good"), retried)
        .json(), "a retry books once");
    Resp repair = f.keeper.post("/api/incidents/" + incident + "/returns", ret(lot, 1, "needs_repair")
        .put("note", "叶轮损坏"), key());
    assertEquals(201, repair.status(), repair.toString());
    long repairLot = repair.json().getLong("lotId");
    assertNotEquals(lot, repairLot, "a pump needing repair gets a lot of its own");
    assertQty("0", repair.json().getValue("stillOut"));
    JsonObject split = f.lot(repairLot);
    assertEquals("needs_repair", split.getString("condition"));
    assertFalse(split.getBoolean("usable"));
    assertQty("1", split.getValue("quantity"));

    assertQty("2", f.onHand(lot));
    assertQty("2", usable(base, pump)); // the pump waiting for repair is not counted
    assertFalse(stillOutAtClosed(incident), "nothing of the incident is out any more");
    assertEquals(409, f.keeper.post("/api/incidents/" + incident + "/returns", ret(lot, 1, "lost"), key()).status());
    Resp check = f.admin.get("/api/movements/check");
    assertEquals(200, check.status(), check.toString());
    assertTrue(check.json().getJsonArray("mismatches", new JsonArray()).isEmpty(), check.toString());

    JsonObject summary = f.viewer.get("/api/incidents/" + incident + "/summary").json();
    JsonObject pumps = summary.getJsonArray("lines").getJsonObject(0);
    assertEquals("E-DSL", pumps.getString("itemCode"));
    assertQty("2", pumps.getValue("sent"));
    assertQty("2", pumps.getValue("returned"));
    assertQty("1", pumps.getValue("needsRepair"));
    assertQty("0", pumps.getValue("lost"));
    assertQty("0", pumps.getValue("stillOut"));
    assertQty("2", summary.getJsonObject("totals").getValue("sent"));
    assertEquals(3, summary.getJsonArray("timeline").size(), summary.encodePrettily());
    assertTrue(summary.getJsonArray("requested").isEmpty(), "no request workflow on this branch yet");
    assertEquals("closed", summary.getJsonObject("incident").getString("status"));

    Resp pdf = f.duty.get("/api/incidents/" + incident + "/summary?format=pdf");
    assertEquals(200, pdf.status(), pdf.toString());
    assertEquals("application/pdf", pdf.header("Content-Type"));
    PdfReader reader = new PdfReader(pdf.bytes());
    String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
    assertTrue(text.contains("Incident supply summary"), text);
    assertTrue(text.contains("柴油泵"), text);
    assertTrue(text.contains("Sent") && text.contains("Needs repair"), text);

    Resp csv = f.duty.get("/api/incidents/" + incident + "/summary?format=csv");
    assertEquals(200, csv.status(), csv.toString());
    String[] rows = new String(csv.bytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
    assertTrue(rows[0].startsWith("物资 Item,单位 Unit"), rows[0]);
    assertEquals("柴油泵 Diesel pump,台,是 Yes,2,0,0,2,1,0,0", rows[1].substring(0, rows[1].lastIndexOf(",", rows[1]
        .lastIndexOf(",") - 1)), rows[1]);

    Resp html = f.duty.get("/api/incidents/" + incident + "/summary?format=html");
    assertEquals(200, html.status());
    assertTrue(html.body().contains("险情物资小结") && html.body().contains("柴油泵"));
    assertEquals(404, f.duty.get("/api/incidents/999999/summary").status());
    assertEquals(400, f.duty.get("/api/incidents/" + incident + "/summary?format=doc").status());

    Resp report = f.duty.get("/api/dashboard/reports/daily");
    assertEquals(200, report.status());
    assertTrue(report.body().contains("险情物资 Incidents and their supplies"), "the daily report's section");
    assertTrue(report.body().contains("险情 #" + incident), "the incident is listed in the daily report");
  }

  @Test
  void aLostPumpIsWrittenOffAndNoLongerOut() throws Exception {
    long base = f.base(34.72, 113.72, f.keeperId);
    long pump = demoItem("E-SUB");
    long lot = f.receive(base, pump, "2", null);
    long incident = incident("管涌抢险 test " + key().substring(0, 6));
    assertEquals(201, f.keeper.post("/api/lots/" + lot + "/issues", new JsonObject().put("quantity", 1)
        .put("incidentId", incident).put("recipient", "抢险一队"), key()).status());
    Resp lost = f.keeper.post("/api/incidents/" + incident + "/returns", ret(lot, 1, "lost"), key());
    assertEquals(201, lost.status(), lost.toString());
    assertNull(lost.json().getValue("lotId"));
    JsonObject m = lost.json().getJsonObject("movement");
    assertEquals("write_off", m.getString("kind"));
    assertEquals("lost", m.getString("reason"));
    assertQty("0", m.getValue("quantity"));
    assertQty("1", f.onHand(lot)); // a lost pump left the books when it was issued
    JsonObject pumps = f.viewer.get("/api/incidents/" + incident + "/summary").json().getJsonArray("lines")
        .getJsonObject(0);
    assertQty("1", pumps.getValue("lost"));
    assertQty("0", pumps.getValue("stillOut"));
    Resp bad = f.keeper.post("/api/incidents/" + incident + "/returns", new JsonObject().put("lotId", lot)
        .put("quantity", 1).put("condition", "broken"), key());
    assertEquals(400, bad.status(), bad.toString());
    assertTrue(bad.json().getJsonObject("fields").containsKey("condition"));
    Resp unknown = f.keeper.post("/api/lots/" + lot + "/issues", new JsonObject().put("quantity", 1)
        .put("incidentId", 99999999), key());
    assertEquals(422, unknown.status(), unknown.toString());
    assertQty("1", f.onHand(lot));
  }

  @Test
  void onlyItemsMarkedReusableAreExpectedBack() throws Exception {
    long base = f.base(34.73, 113.73, f.keeperId);
    long lights = f.item("equipment", null, null);
    long lot = f.receive(base, lights, "4", null);
    long incident = incident("夜间抢险照明 test " + key().substring(0, 6));
    assertEquals(201, f.keeper.post("/api/bases/" + base + "/issues", new JsonObject().put("itemId", lights)
        .put("quantity", 2).put("incidentId", incident), key()).status());
    assertTrue(f.duty.get("/api/incidents/" + incident + "/outstanding").json().getJsonArray("items").isEmpty(),
        "a consumable is not expected back");
    assertQty("2", f.duty.get("/api/incidents/" + incident + "/summary").json().getJsonArray("lines")
        .getJsonObject(0).getValue("used"));
    assertEquals(403, f.keeper.put("/api/items/" + lights + "/reusable", new JsonObject().put("reusable", true))
        .status());
    assertEquals(400, f.admin.put("/api/items/" + lights + "/reusable", new JsonObject().put("reusable", "yes"))
        .status());
    assertEquals(404, f.admin.put("/api/items/99999999/reusable", new JsonObject().put("reusable", true)).status());
    Resp marked = f.admin.put("/api/items/" + lights + "/reusable", new JsonObject().put("reusable", true));
    assertEquals(200, marked.status(), marked.toString());
    JsonObject line = only(f.duty.get("/api/incidents/" + incident + "/outstanding"));
    assertEquals(lot, line.getLong("lotId"));
    assertQty("2", line.getValue("out"));
  }

  private static JsonObject dated(LocalDate received, LocalDate expires) {
    return new JsonObject().put("receivedOn", received.toString()).put("expiresOn", expires.toString());
  }

  private static JsonObject ret(long lotId, int quantity, String condition) {
    return new JsonObject().put("lotId", lotId).put("quantity", quantity).put("condition", condition);
  }

  private static BigDecimal usable(long base, long item) {
    JsonArray lots = f.admin.get("/api/lots?baseId=" + base + "&itemId=" + item + "&usable=true").json()
        .getJsonArray("items");
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < lots.size(); i++) {
      sum = sum.add(new BigDecimal(lots.getJsonObject(i).getValue("usableQuantity").toString()));
    }
    return sum;
  }

  private static JsonObject only(Resp r) {
    assertEquals(200, r.status(), r.toString());
    JsonArray items = r.json().getJsonArray("items");
    assertEquals(1, items.size(), items.encode());
    return items.getJsonObject(0);
  }

  private static boolean stillOutAtClosed(long incident) {
    JsonArray items = f.duty.get("/api/returns/outstanding?incidentStatus=closed").json().getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).anyMatch(o -> o.getLong("incidentId") == incident);
  }

  static long demoItem(String code) {
    JsonArray items = f.admin.get("/api/items?q=" + code + "&size=50").json().getJsonArray("items");
    return items.stream().map(JsonObject.class::cast).filter(i -> i.getString("code").equals(code)).findFirst()
        .orElseThrow().getLong("id");
  }

  /** The incidents API is another branch's work: the test inserts its incident directly. */
  static long incident(String title) throws Exception {
    return server.server.app().pool().preparedQuery("INSERT INTO incidents (kind, title, unit_id, lat, lon, severity,"
            + " status, reported_by, reported_at) SELECT 'waterlogging', $1, id, 34.75, 113.66, 'high', 'responding',"
            + " (SELECT id FROM users WHERE username = 'duty'), now() FROM units ORDER BY units.id LIMIT 1 RETURNING id")
        .execute(Tuple.of(title)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)
        .iterator().next().getLong("id");
  }

  static void sql(String statement, Object... args) throws Exception {
    server.server.app().pool().preparedQuery(statement).execute(Tuple.wrap(args)).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
