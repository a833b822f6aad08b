package org.floodready.board.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The daily report with every domain on main: readiness, alerts, stock, patrols and hazards, with charts. */
@FloodReadyTest
class DailyReportSectionsTest {
  static LocalDate today;
  static JsonObject receipt;

  @BeforeAll
  static void aReceiptToday(TestServer server, @As("admin") Api admin, @As("duty") Api duty) {
    today = server.server.app().now().atZoneSameInstant(server.server.app().config().zone()).toLocalDate();
    JsonObject worst = duty.get("/api/dashboard/panels/coverage").json().getJsonArray("items").getJsonObject(0);
    Resp r = admin.post("/api/bases/" + worst.getLong("baseId") + "/receipts", new JsonObject()
        .put("itemId", worst.getLong("itemId")).put("quantity", 7).put("note", "日报测试 report test"),
        UUID.randomUUID().toString());
    assertEquals(201, r.status(), r.toString());
    receipt = worst;
  }

  @Test
  void theReportHasEverySectionInOrderAndTheCharts(@As("duty") Api duty) {
    String html = duty.get("/api/dashboard/reports/daily?date=" + today).body();
    List<String> order = List.of("t-readiness", "t-alerts", "t-checkpoints", "t-movements", "t-shortfalls",
        "t-patrols", "t-hazards", "t-changes");
    int last = -1;
    for (String id : order) {
      int at = html.indexOf("id=\"" + id + "\"");
      assertTrue(at > last, id + " present and after the previous section");
      last = at;
    }
    assertTrue(html.contains("/api/charts/coverage.png?by=category"));
    assertTrue(html.contains("/api/charts/compliance.png"));
    assertTrue(html.contains("/api/charts/readiness.png"));
  }

  @Test
  void todaysReceiptIsInTheMovementsCsvAndThePdf(@As("duty") Api duty) throws Exception {
    Resp csv = duty.get("/api/dashboard/reports/daily/tables/movements?date=" + today);
    assertEquals(200, csv.status());
    assertTrue(csv.body().contains(receipt.getString("itemNameZh")), csv.body());
    assertTrue(csv.body().contains("日报测试 report test"), csv.body());
    assertTrue(!duty.get("/api/dashboard/reports/daily/tables/movements?date=" + today.minusDays(400)).body()
        .contains("日报测试"));

    Resp pdf = duty.get("/api/dashboard/reports/daily.pdf?date=" + today);
    PdfReader reader = new PdfReader(pdf.bytes());
    StringBuilder text = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    reader.close();
    assertTrue(text.toString().contains(today.toString()));
    assertTrue(text.toString().contains("物资出入库"), "stock movements section");
    assertTrue(text.toString().contains("日报测试"), "today's receipt is listed");
    assertTrue(text.toString().contains("河长巡河"), "patrols section");
  }
}
