package org.floodready.excel;

import org.floodready.sheets.Xlsx;
import org.floodready.sheets.XlsxWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every CSV list is also an .xlsx with typed cells, Chinese sheet names and a frozen header. */
@FloodReadyTest
class ExportXlsxTest {
  static TestServer server;
  static Api admin;
  static Api duty;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
    duty = server.as("duty");
  }

  static XSSFWorkbook open(Resp r) throws Exception {
    assertEquals(200, r.status(), r.toString());
    assertEquals(Xlsx.CONTENT_TYPE, r.header("Content-Type"));
    assertTrue(r.header("Content-Disposition").matches("attachment; filename=\"[A-Za-z0-9_.-]+\\.xlsx\""),
        r.header("Content-Disposition"));
    return new XSSFWorkbook(new ByteArrayInputStream(r.bytes()));
  }

  static void assertFrozenHeader(Sheet sheet) {
    PaneInformation pane = sheet.getPaneInformation();
    assertNotNull(pane, sheet.getSheetName() + " has no frozen pane");
    assertTrue(pane.isFreezePane());
    assertEquals(1, pane.getHorizontalSplitPosition());
    assertTrue(sheet.getColumnWidth(0) > 256 * 3);
  }

  static void assertNoFormula(XSSFWorkbook wb) {
    for (Sheet s : wb) {
      for (Row row : s) {
        for (Cell c : row) {
          assertFalse(c.getCellType() == CellType.FORMULA, s.getSheetName() + "!" + c.getAddress());
        }
      }
    }
  }

  static List<String> csvLines(Resp csv) {
    assertEquals(200, csv.status(), csv.toString());
    return List.of(csv.body().substring(1).split("\r\n"));
  }

  @Test
  void ledgerHasTheCsvRowsWithNumbersAndDates() throws Exception {
    List<String> csv = csvLines(duty.get("/api/movements?format=csv"));
    try (XSSFWorkbook wb = open(duty.get("/api/movements?format=xlsx"))) {
      Sheet sheet = wb.getSheet("台账");
      assertNotNull(sheet);
      assertFrozenHeader(sheet);
      assertEquals(csv.size(), sheet.getPhysicalNumberOfRows());
      assertEquals("编号 No.", sheet.getRow(0).getCell(0).getStringCellValue());
      Row first = sheet.getRow(1);
      assertEquals(CellType.NUMERIC, first.getCell(0).getCellType());
      assertEquals(Long.parseLong(csv.get(1).split(",")[0]), (long) first.getCell(0).getNumericCellValue());
      assertTrue(DateUtil.isCellDateFormatted(first.getCell(1)), "time is a date cell");
      assertEquals(csv.get(1).split(",")[1].substring(0, 19).replace('T', ' '),
          first.getCell(1).getLocalDateTimeCellValue().toString().replace('T', ' ').substring(0, 19));
      assertEquals(CellType.NUMERIC, first.getCell(7).getCellType(), "change is a number");
      assertEquals(new java.math.BigDecimal(csv.get(1).split(",")[7]).doubleValue(),
          first.getCell(7).getNumericCellValue(), 1e-9);
      assertTrue(first.getCell(8).getCellStyle().getDataFormatString().startsWith("#,##0"),
          first.getCell(8).getCellStyle().getDataFormatString());
      assertEquals(CellType.STRING, first.getCell(6).getCellType(), "unit of measure");
      assertNoFormula(wb);
    }
  }

  @Test
  void coverageShortfallsHavePercentagesAndQuantities() throws Exception {
    try (XSSFWorkbook wb = open(admin.get("/api/coverage?shortOnly=true&format=xlsx"))) {
      Sheet sheet = wb.getSheet("保障率与缺口");
      assertNotNull(sheet);
      assertFrozenHeader(sheet);
      assertTrue(sheet.getPhysicalNumberOfRows() > 1, "the demo has short lines");
      Row first = sheet.getRow(1);
      Cell ratio = first.getCell(9);
      assertEquals(CellType.NUMERIC, ratio.getCellType());
      assertTrue(ratio.getCellStyle().getDataFormatString().contains("%"));
      assertTrue(ratio.getNumericCellValue() < 1.0);
      assertTrue(first.getCell(10).getNumericCellValue() > 0, "shortfall");
    }
  }

  @Test
  void readinessRankingAlertsReadingsAndDailyReport() throws Exception {
    try (XSSFWorkbook wb = open(admin.get("/api/readiness?level=street&format=xlsx"))) {
      Sheet sheet = wb.getSheet("备汛考核排名");
      assertFrozenHeader(sheet);
      assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(4).getCellType(), "score");
      assertEquals("街道/乡镇 street", sheet.getRow(1).getCell(0).getStringCellValue(), "codes get their Chinese");
    }
    try (XSSFWorkbook wb = open(duty.get("/api/alerts.xlsx?status=all"))) {
      Sheet sheet = wb.getSheet("预警记录");
      assertFrozenHeader(sheet);
      assertEquals("编号 Id", sheet.getRow(0).getCell(0).getStringCellValue());
      assertTrue(sheet.getPhysicalNumberOfRows() > 1, "the demo has an open alert");
      assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(7)), "raisedAt");
      assertTrue(sheet.getRow(1).getCell(4).getStringCellValue().matches("(蓝色|黄色|橙色|红色) [a-z]+"),
          sheet.getRow(1).getCell(4).getStringCellValue());
    }
    long checkpointId = duty.get("/api/checkpoints?size=1").json().getJsonArray("items").getJsonObject(0)
        .getLong("id");
    try (XSSFWorkbook wb = open(duty.get("/api/checkpoints/" + checkpointId + "/readings.xlsx"))) {
      Sheet sheet = wb.getSheet("监测读数");
      assertFrozenHeader(sheet);
      if (sheet.getPhysicalNumberOfRows() > 1) {
        assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(1).getCellType());
      }
    }
    try (XSSFWorkbook wb = open(duty.get("/api/dashboard/reports/daily.xlsx"))) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertTrue(names.size() >= 5, names.toString());
      assertTrue(names.contains("物资缺口"), names.toString());
      names.forEach(n -> assertTrue(n.codePoints().anyMatch(c -> c > 0x2E80), "Chinese sheet name " + n));
      wb.forEach(ExportXlsxTest::assertFrozenHeader);
    }
    try (XSSFWorkbook wb = open(duty.get("/api/dashboard/reports/daily/tables/shortfalls?format=xlsx"))) {
      assertEquals("物资缺口", wb.getSheetName(0));
    }
    List<String> compliance = csvLines(duty.get("/api/compliance/reaches?format=csv"));
    try (XSSFWorkbook wb = open(duty.get("/api/compliance/reaches?format=xlsx"))) {
      Sheet sheet = wb.getSheet("巡河达标");
      assertFrozenHeader(sheet);
      assertEquals(compliance.size(), sheet.getPhysicalNumberOfRows());
      assertTrue(sheet.getPhysicalNumberOfRows() > 1, "the demo has reaches");
      assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(8).getCellType(), "required patrols");
      assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(6)), "period start");
    }
    Api keeper = server.as("keeper");
    long base = keeper.get("/api/bases?mine=true").json().getJsonArray("items").getJsonObject(0).getLong("id");
    Resp opened = keeper.post("/api/bases/" + base + "/stocktakes", new JsonObject());
    assertEquals(201, opened.status(), opened.toString());
    try (XSSFWorkbook wb = open(keeper.get("/api/stocktakes/" + opened.json().getLong("id") + "?format=xlsx"))) {
      Sheet sheet = wb.getSheet("盘点单");
      assertFrozenHeader(sheet);
      assertEquals(CellType.NUMERIC, sheet.getRow(2).getCell(3).getCellType(), "book quantity");
    }
    assertEquals(400, duty.get("/api/movements?format=xls").status());
  }

  /** The writer on its own: typed cells, and text shaped like a time that is none stays text. */
  @Test
  void writerKeepsImpossibleTimesAsText() throws Exception {
    byte[] bytes = XlsxWriter.write(List.of(new XlsxWriter.Table("表", List.of(
        List.of("时间 Time", "数量 Quantity", "比例 Ratio", "备注 Note"),
        List.of("2026-02-30T25:61:00+08:00", new java.math.BigDecimal("12345.50"),
            new org.floodready.sheets.Csv.Percent(new java.math.BigDecimal("0.855")), "@SUM(A1)"),
        List.of("2026-07-20T08:30:00+08:00", 7L, "", "-1 lost")))));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      Sheet sheet = wb.getSheet("表");
      assertEquals(CellType.STRING, sheet.getRow(1).getCell(0).getCellType());
      assertEquals("2026-07-20T08:30", sheet.getRow(2).getCell(0).getLocalDateTimeCellValue().toString());
      assertEquals(12345.5, sheet.getRow(1).getCell(1).getNumericCellValue(), 1e-9);
      assertEquals("#,##0.0", sheet.getRow(1).getCell(1).getCellStyle().getDataFormatString());
      assertEquals("#,##0", sheet.getRow(2).getCell(1).getCellStyle().getDataFormatString());
      assertEquals(0.855, sheet.getRow(1).getCell(2).getNumericCellValue(), 1e-9);
      assertTrue(sheet.getRow(1).getCell(3).getCellStyle().getQuotePrefixed());
      assertTrue(sheet.getRow(2).getCell(3).getCellStyle().getQuotePrefixed());
      assertNoFormula(wb);
    }
  }

  @Test
  void aFormulaInUserTextStaysText() throws Exception {
    long unitId = admin.get("/api/units?size=500").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(u -> "street".equals(u.getString("level"))).findFirst().orElseThrow()
        .getLong("id");
    String hostile = "=HYPERLINK(\"http://evil.example\",\"点我\")";
    Resp created = duty.post("/api/hazards", new JsonObject().put("unitId", unitId).put("type", "bank_collapse")
        .put("severity", "low").put("lat", 34.71).put("lon", 113.7).put("description", hostile),
        UUID.randomUUID().toString());
    assertEquals(201, created.status(), created.toString());
    try (XSSFWorkbook wb = open(duty.get("/api/hazards.xlsx"))) {
      Sheet sheet = wb.getSheet("隐患台账");
      assertFrozenHeader(sheet);
      Cell found = null;
      for (Row row : sheet) {
        Cell c = row.getCell(6);
        if (c != null && c.getCellType() == CellType.STRING && hostile.equals(c.getStringCellValue())) {
          found = c;
        }
      }
      assertNotNull(found, "the description is kept as it was written");
      assertTrue(found.getCellStyle().getQuotePrefixed(), "edited in Excel it stays text");
      assertTrue(DateUtil.isCellDateFormatted(sheet.getRow(1).getCell(10)), "reportedAt");
      assertNoFormula(wb);
    }
  }
}
