package org.floodready.board.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@FloodReadyTest(clock = DailyReportApiTest.AT)
class DailyReportApiTest {
  static final String AT = "2026-07-20T02:30:00Z";
  static final LocalDate DAY = Instant.parse(AT).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();

  @BeforeAll
  static void aNewCommunity(@As("admin") Api admin) {
    Resp created = admin.post("/api/admin/units", new JsonObject().put("code", "ZZ-GC-RPT")
        .put("nameZh", "日报测试社区").put("nameEn", "Report test community").put("parentId", 2));
    assertEquals(201, created.status(), created.toString());
  }

  @Test
  void pdfOpensAndNamesTheDate(@As("duty") Api duty) throws Exception {
    Resp r = duty.get("/api/dashboard/reports/daily.pdf?date=" + DAY);
    assertEquals(200, r.status(), r.toString());
    assertEquals("application/pdf", r.header("Content-Type"));
    PdfReader reader = new PdfReader(r.bytes());
    assertTrue(reader.getNumberOfPages() >= 1);
    String first = new PdfTextExtractor(reader).getTextFromPage(1);
    assertTrue(first.contains(DAY.toString()), first);
    assertTrue(first.contains("防汛值班日报"), "the CJK title is embedded and extractable: " + first);
    StringBuilder all = new StringBuilder();
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      all.append(new PdfTextExtractor(reader).getTextFromPage(page));
    }
    assertTrue(all.toString().contains("unit.create"), "the day's changes are listed: " + all);
    reader.close();
  }

  @Test
  void htmlIsPrintableAndLinksPdfAndCsv(@As("duty") Api duty) {
    Resp r = duty.get("/api/dashboard/reports/daily?date=" + DAY);
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("text/html"));
    assertTrue(r.body().contains("<strong id=\"report-date\">" + DAY + "</strong>"));
    assertTrue(r.body().contains("daily.pdf?date=" + DAY));
    assertTrue(r.body().contains("daily/tables/changes?date=" + DAY));
    assertTrue(r.body().contains("unit.create"));
  }

  @Test
  void tablesDownloadAsCsvWithBom(@As("duty") Api duty) {
    Resp r = duty.get("/api/dashboard/reports/daily/tables/changes?date=" + DAY);
    assertEquals(200, r.status());
    assertTrue(r.header("Content-Type").startsWith("text/csv"));
    assertTrue(r.body().startsWith("\uFEFF时间 Time,"), r.body());
    assertTrue(r.body().contains("admin,unit.create,unit #"));
    assertEquals(404, duty.get("/api/dashboard/reports/daily/tables/nope?date=" + DAY).status());
  }

  @Test
  void anotherDayHasNoneOfTodaysChanges(@As("duty") Api duty) {
    Resp r = duty.get("/api/dashboard/reports/daily/tables/changes?date=" + DAY.minusDays(1));
    assertEquals(200, r.status());
    assertTrue(!r.body().contains("unit.create"), r.body());
  }

  @Test
  void badDateIs400AndScopedRolesAre403(@As("keeper") Api keeper, @As("duty") Api duty, Api anonymous) {
    Resp bad = duty.get("/api/dashboard/reports/daily?date=2026-13-01");
    assertEquals(400, bad.status());
    assertEquals("date", bad.json().getJsonObject("fields").fieldNames().iterator().next());
    assertEquals(403, keeper.get("/api/dashboard/reports/daily.pdf").status());
    assertEquals(401, anonymous.get("/api/dashboard/reports/daily").status());
  }
}
