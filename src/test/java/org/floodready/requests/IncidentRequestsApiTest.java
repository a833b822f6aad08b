package org.floodready.requests;

import static org.floodready.requests.RequestFixture.key;
import static org.floodready.requests.RequestFixture.lineOf;
import static org.floodready.requests.RequestFixture.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * #17 wired together: a river chief asks for supplies for his incident, the duty room approves part of it and
 * dispatches, the chief confirms receipt with a shortage; the incident's detail lists the request with its
 * status and the incident's supply summary (JSON, CSV, PDF, HTML) and the daily report show requested,
 * approved, sent, received and short with the time of each step.
 */
@FloodReadyTest
class IncidentRequestsApiTest {

  @Test
  void anIncidentsRequestIsFollowedIntoItsDetailSummaryAndDailyReport(TestServer server, RequestFixture f) throws Exception {
    Api chief = server.as("chief");
    Resp reported = chief.post("/api/incidents", new JsonObject().put("kind", "waterlogging").put("severity", "high")
        .put("lat", RequestFixture.LAT).put("lon", RequestFixture.LON).put("unitId", f.streetUnitId)
        .put("title", "地下通道积水").put("description", "积水 40 cm"), key());
    assertEquals(201, reported.status(), reported.toString());
    long incident = reported.json().getLong("id");

    Resp noIncident = chief.post("/api/requests", request(f, null, 10, 1), key());
    assertEquals(400, noIncident.status(), "a chief names the incident he asks for: " + noIncident);
    Resp filed = chief.post("/api/requests", request(f, incident, 600, 2), key());
    assertEquals(201, filed.status(), filed.toString());
    JsonObject request = filed.json();
    long id = request.getLong("id");
    long bagLine = lineOf(request, f.bags);
    long pumpLine = lineOf(request, f.pumps);

    JsonObject pending = onlyRequest(chief.get("/api/incidents/" + incident));
    assertEquals(id, pending.getLong("id"));
    assertEquals("pending", pending.getString("status"));

    Resp decided = f.duty.post("/api/requests/" + id + "/decision",
        RequestFixture.decision(request, bagLine, 300, "库存紧张，先调 300 条", pumpLine, 2), key());
    assertEquals(200, decided.status(), decided.toString());
    JsonArray picks = new JsonArray()
        .add(new JsonObject().put("lineId", bagLine).put("lotId", f.farLot).put("quantity", 300))
        .add(new JsonObject().put("lineId", pumpLine).put("lotId", f.pumpPassed).put("quantity", 2));
    Resp allocated = put(f.duty, "/api/requests/" + id + "/allocation", new JsonObject().put("picks", picks), key());
    assertEquals(200, allocated.status(), allocated.toString());
    Resp dispatched = f.duty.post("/api/requests/" + id + "/dispatch", new JsonObject(), key());
    assertEquals(201, dispatched.status(), dispatched.toString());

    JsonObject onTheRoad = summary(f.viewer, incident, "编织袋");
    assertQty("300", onTheRoad.getValue("sent"));
    assertNull(onTheRoad.getValue("received"), "nothing arrived yet: " + onTheRoad);
    assertNull(onTheRoad.getString("arrivedAt"));

    // bags from the far base, pumps from the near one: two trucks; the bags arrive 5 short
    for (Object o : dispatched.json().getJsonArray("dispatches")) {
      JsonObject d = (JsonObject) o;
      JsonArray shortages = new JsonArray();
      d.getJsonArray("lines").stream().map(JsonObject.class::cast).filter(l -> l.getLong("lineId") == bagLine)
          .forEach(l -> shortages.add(new JsonObject().put("allocationId", l.getLong("id")).put("receivedQuantity", 295)));
      JsonObject receipt = shortages.isEmpty() ? new JsonObject() : new JsonObject().put("note", "少 5 条")
          .put("lines", shortages);
      Resp received = chief.post("/api/dispatches/" + d.getLong("id") + "/receipt", receipt, key());
      assertEquals(200, received.status(), "the chief who filed it confirms the receipt: " + received);
    }

    JsonObject detail = onlyRequest(chief.get("/api/incidents/" + incident));
    assertEquals("received", detail.getString("status"));
    JsonObject bags = detail.getJsonArray("lines").stream().map(JsonObject.class::cast)
        .filter(l -> l.getLong("itemId") == f.bags).findFirst().orElseThrow();
    assertQty("600", bags.getValue("quantity"));
    assertQty("300", bags.getValue("approvedQuantity"));
    assertQty("295", bags.getValue("received"));
    assertQty("5", bags.getValue("shortage"));

    JsonObject line = summary(f.viewer, incident, "编织袋");
    assertEquals(id, line.getLong("requestId"));
    assertEquals("received", line.getString("requestStatus"));
    assertQty("600", line.getValue("requested"));
    assertQty("300", line.getValue("approved"));
    assertQty("300", line.getValue("sent"));
    assertQty("295", line.getValue("received"));
    assertQty("5", line.getValue("shortage"));
    List<OffsetDateTime> steps = Arrays.asList(time(line, "requestedAt"), time(line, "approvedAt"),
        time(line, "dispatchedAt"), time(line, "arrivedAt"));
    for (int i = 1; i < steps.size(); i++) {
      assertNotNull(steps.get(i), line.encode());
      assertTrue(!steps.get(i).isBefore(steps.get(i - 1)), "request → approve → dispatch → arrive: " + line);
    }
    JsonObject summary = f.viewer.get("/api/incidents/" + incident + "/summary").json();
    JsonObject sentBags = summary.getJsonArray("lines").stream().map(JsonObject.class::cast)
        .filter(l -> l.getLong("itemId") == f.bags).findFirst().orElseThrow();
    assertQty("300", sentBags.getValue("sent"));

    Resp csv = f.duty.get("/api/incidents/" + incident + "/summary?format=csv&table=requested");
    assertEquals(200, csv.status(), csv.toString());
    String[] rows = new String(csv.bytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n");
    assertTrue(rows[0].startsWith("申请单 Request,物资 Item,单位 Unit,申请 Requested,批准 Approved,发出 Sent,签收 Received,"
        + "短缺 Short,申请时间 Requested at"), rows[0]);
    String bagRow = Arrays.stream(rows).filter(r -> r.contains("编织袋")).findFirst().orElseThrow();
    // Commons CSV quotes a cell that starts with '#' (a comment marker to some readers)
    assertTrue(bagRow.startsWith("\"#" + id + " 已签收 Received\",编织袋 Woven bag,条,600,300,300,295,5,"), bagRow);
    assertEquals(12, bagRow.split(",", -1).length, bagRow);
    assertTrue(bagRow.split(",", -1)[11].matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), "arrival time: " + bagRow);
    assertEquals(400, f.duty.get("/api/incidents/" + incident + "/summary?format=csv&table=nope").status());

    Resp pdf = f.duty.get("/api/incidents/" + incident + "/summary?format=pdf");
    assertEquals(200, pdf.status(), pdf.toString());
    PdfReader reader = new PdfReader(pdf.bytes());
    StringBuilder text = new StringBuilder();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append(' ');
    }
    String all = text.toString().replaceAll("\\s+", " ");
    assertTrue(all.contains("Requested and approved") && all.contains("Short") && all.contains("Arrived at"), all);
    assertTrue(all.contains("#" + id) && all.contains("600") && all.contains("295"), all);

    Resp html = f.duty.get("/api/incidents/" + incident + "/summary?format=html");
    assertTrue(html.body().contains("#" + id + " 已签收 Received") && html.body().contains("table=requested"));

    Resp report = f.duty.get("/api/dashboard/reports/daily/tables/incident-requests?date="
        + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    assertEquals(200, report.status(), report.toString());
    String reportRow = Arrays.stream(report.body().split("\r\n")).filter(r -> r.contains(",\"#" + id + "\",编织袋,"))
        .findFirst().orElseThrow(() -> new AssertionError(report.body()));
    assertTrue(reportRow.contains(",\"#" + id + "\",编织袋,600,300,300,295,5,"), reportRow);
  }

  private static JsonObject request(RequestFixture f, Long incident, int bags, int pumps) {
    return new JsonObject().put("incidentId", incident)
        .put("neededBy", OffsetDateTime.now().plusHours(3).toString())
        .put("lines", new JsonArray().add(new JsonObject().put("itemId", f.bags).put("quantity", bags))
            .add(new JsonObject().put("itemId", f.pumps).put("quantity", pumps)));
  }

  private static JsonObject onlyRequest(Resp incident) {
    assertEquals(200, incident.status(), incident.toString());
    JsonArray requests = incident.json().getJsonArray("requests");
    assertEquals(1, requests.size(), requests.encodePrettily());
    return requests.getJsonObject(0);
  }

  /** The summary's requested line for bags. */
  private static JsonObject summary(Api who, long incident, String itemNameZh) {
    Resp r = who.get("/api/incidents/" + incident + "/summary");
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonArray("requested").stream().map(JsonObject.class::cast)
        .filter(l -> itemNameZh.equals(l.getString("itemNameZh"))).findFirst().orElseThrow(
            () -> new AssertionError(r.json().encodePrettily()));
  }

  private static OffsetDateTime time(JsonObject line, String field) {
    return line.getString(field) == null ? null : OffsetDateTime.parse(line.getString(field));
  }

  private static void assertQty(String expected, Object actual) {
    assertNotNull(actual, "expected " + expected);
    assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
        "expected " + expected + " but was " + actual);
  }
}
