package org.floodready.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Templates, then imports of filled templates over real HTTP into PostgreSQL. */
@FloodReadyTest
class ImportXlsxTest {
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
  }

  static Map<String, Object> row(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  static BigDecimal dec(Object o) {
    return new BigDecimal(o.toString());
  }

  @Test
  void templatesHaveNotesDropDownsAnExampleAndAFrozenHeader() throws Exception {
    for (String kind : List.of("items", "bases", "opening-balances", "quotas", "reaches", "checkpoints", "units",
        "users", "checkpoint-services", "checkpoint-inspectors", "rescue-teams", "team-requirements")) {
      try (XSSFWorkbook wb = Sheets.template(admin, kind)) {
        Sheet sheet = wb.getSheetAt(0);
        assertTrue(sheet.getSheetName().codePoints().allMatch(c -> c > 0x2E80), sheet.getSheetName());
        ExportXlsxTest.assertFrozenHeader(sheet);
        Cell first = sheet.getRow(0).getCell(0);
        assertTrue(first.getStringCellValue().endsWith(" *"), "required columns are starred");
        assertNotNull(first.getCellComment(), "the English name is in the header's note");
        assertTrue(first.getCellComment().getString().getString().matches("(?s)[A-Z][a-z].*\\(\\w+\\).*"),
            first.getCellComment().getString().getString());
        assertTrue(sheet.getRow(1).getPhysicalNumberOfCells() >= Math.min(3,
            sheet.getRow(0).getPhysicalNumberOfCells()), "an example row");
        assertTrue(wb.isSheetHidden(wb.getSheetIndex(TemplateWriter.OPTIONS_SHEET)), "allowed values hidden");
      }
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      Sheet sheet = wb.getSheetAt(0);
      var validations = sheet.getDataValidations();
      assertEquals(3, validations.size(), "category, needsTestRun and reusable drop-downs");
      Set<String> lists = validations.stream().map(v -> v.getValidationConstraint().getFormula1())
          .collect(Collectors.toSet());
      assertTrue(lists.stream().allMatch(f -> f.startsWith("'允许值'!$")), lists.toString());
      assertEquals("防御材料 materials", wb.getSheet("允许值").getRow(1).getCell(0).getStringCellValue());
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "opening-balances")) {
      Cell received = wb.getSheetAt(0).getRow(1).getCell(4);
      assertEquals(CellType.NUMERIC, received.getCellType(), "the example date is a date cell");
    }
    assertEquals(403, server.as("keeper").get("/api/import/templates/items.xlsx").status());
    assertEquals(404, admin.get("/api/import/templates/spaceships.xlsx").status());
    assertEquals(404, admin.get("/api/import/templates/items.csv").status());
  }

  /** Items, bases with keepers, quotas and opening balances from filled templates, read back by the API. */
  @Test
  void aDistrictIsSetUpFromFilledTemplates() throws Exception {
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      // The example row stays as it is (skipped); the items go below it.
      byte[] file = Sheets.fill(wb, 2, List.of(
          row("物资编码", "X-BAG", "物资名称", "导入编织袋", "英文名称", "Imported woven bag", "类别", "防御材料 materials",
              "计量单位", "条", "保质期（月）", 36, "重要度", 1.5),
          row("物资编码", "X-PUMP", "物资名称", "导入水泵", "英文名称", "Imported pump", "类别", "equipment",
              "计量单位", "台", "需定期试机", "是 true", "试机间隔（天）", 30)));
      Resp dry = Sheets.upload(admin, "items", file, "dryRun=true");
      assertEquals(200, dry.status(), dry.toString());
      assertEquals(2, dry.json().getInteger("rows"));
      assertEquals(0, admin.get("/api/items?q=X-BAG").json().getJsonArray("items").size(), "a dry run writes nothing");
      Resp done = Sheets.upload(admin, "items", file, null);
      assertEquals(200, done.status(), done.toString());
      assertEquals(2, done.json().getJsonObject("outcomes").getInteger("created"));
    }
    JsonObject bag = admin.get("/api/items?q=X-BAG").json().getJsonArray("items").getJsonObject(0);
    assertEquals("导入编织袋", bag.getString("nameZh"));
    assertEquals("materials", bag.getString("category"));
    assertEquals(36, bag.getInteger("shelfLifeMonths"));
    assertEquals(0, dec(bag.getValue("criticality")).compareTo(new BigDecimal("1.5")));
    JsonObject pump = admin.get("/api/items?q=X-PUMP").json().getJsonArray("items").getJsonObject(0);
    assertTrue(pump.getBoolean("needsTestRun"));
    assertEquals(30, pump.getInteger("testIntervalDays"));
    assertEquals(0, admin.get("/api/items?q=WB-01").json().getJsonArray("items").size(), "example row skipped");

    try (XSSFWorkbook wb = Sheets.template(admin, "bases")) {
      byte[] file = Sheets.fill(wb, 1, List.of(
          row("基地编码", "X-DEPOT", "基地名称", "导入仓库", "英文名称", "Imported depot", "所属单位", "十八里河街道",
              "地址", "小魏庄", "纬度", 34.69, "经度", 113.70, "保管员", "keeper, keeper_b")));
      Resp done = Sheets.upload(admin, "bases", file, null);
      assertEquals(200, done.status(), done.toString());
    }
    JsonObject depot = admin.get("/api/bases?q=X-DEPOT").json().getJsonArray("items").getJsonObject(0);
    long depotId = depot.getLong("id");
    JsonArray keepers = admin.get("/api/bases/" + depotId).json().getJsonArray("keepers");
    assertEquals(List.of("keeper", "keeper_b"), keepers.stream().map(k -> ((JsonObject) k).getString("username")).toList());
    assertEquals(34.69, depot.getDouble("lat"), 1e-9);

    try (XSSFWorkbook wb = Sheets.template(admin, "quotas")) {
      byte[] file = Sheets.fill(wb, 1, List.of(
          row("基地", "X-DEPOT", "物资", "导入编织袋", "定额", 12000, "Ⅰ级倍数", 2.5),
          row("基地", "导入仓库", "物资", "X-PUMP", "定额", 4)));
      Resp done = Sheets.upload(admin, "quotas", file, null);
      assertEquals(200, done.status(), done.toString());
    }
    JsonArray quotas = admin.get("/api/quotas?baseId=" + depotId).json().getJsonArray("items");
    assertEquals(2, quotas.size());
    JsonObject bagQuota = quotas.stream().map(JsonObject.class::cast)
        .filter(q -> q.getString("itemCode").equals("X-BAG")).findFirst().orElseThrow();
    assertEquals(0, dec(bagQuota.getValue("required")).compareTo(new BigDecimal("12000")));
    assertEquals(0, dec(bagQuota.getJsonObject("multipliers").getValue("I")).compareTo(new BigDecimal("2.5")));
    assertEquals(0, dec(bagQuota.getJsonObject("multipliers").getValue("III")).compareTo(new BigDecimal("1.2")));

    try (XSSFWorkbook wb = Sheets.template(admin, "opening-balances")) {
      byte[] file = Sheets.fill(wb, 1, List.of(
          row("基地", "X-DEPOT", "物资", "X-BAG", "批次号", "OB-1", "数量", 5000, "入库日期", LocalDate.of(2026, 5, 1)),
          row("基地", "X-DEPOT", "物资", "X-PUMP", "批次号", "OB-2", "数量", 3, "入库日期", LocalDate.of(2026, 4, 2),
              "状况", "待修")));
      Resp done = Sheets.upload(admin, "opening-balances", file, null);
      assertEquals(200, done.status(), done.toString());
      assertEquals(2, done.json().getJsonObject("outcomes").getInteger("booked"));
    }
    JsonArray lots = admin.get("/api/lots?baseId=" + depotId).json().getJsonArray("items");
    assertEquals(2, lots.size());
    JsonObject bagLot = lots.stream().map(JsonObject.class::cast).filter(l -> l.getString("lotCode").equals("OB-1"))
        .findFirst().orElseThrow();
    assertEquals("2026-05-01", bagLot.getString("receivedOn"));
    assertEquals("2029-05-01", bagLot.getString("expiresOn"), "from the item's 36-month shelf life");
    JsonArray moves = admin.get("/api/movements?baseId=" + depotId).json().getJsonArray("items");
    assertEquals(2, moves.size());
    assertTrue(moves.stream().allMatch(m -> "receipt".equals(((JsonObject) m).getString("kind"))));
    assertEquals(0, admin.get("/api/movements/check").json().getJsonArray("mismatches").size());
  }

  /** Five kinds of mistakes: five located problems, a marked copy, and nothing written. */
  @Test
  void fiveKindsOfMistakesAreLocatedAndNothingIsWritten() throws Exception {
    long itemsBefore = admin.get("/api/items?size=1").json().getLong("total");
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      byte[] file = Sheets.fill(wb, 1, List.of(
          row("物资编码", "E-OK", "物资名称", "好的一行", "英文名称", "A good row", "类别", "materials", "计量单位", "个"),
          row("物资编码", "E-1", "英文名称", "No Chinese name", "类别", "materials", "计量单位", "个"),
          row("物资编码", "E-2", "物资名称", "错类别", "英文名称", "Bad category", "类别", "food", "计量单位", "个"),
          row("物资编码", "E-3", "物资名称", "公式", "英文名称", new Sheets.Formula("HYPERLINK(\"http://x\",\"y\")"),
              "类别", "materials", "计量单位", "个"),
          row("物资编码", "E-4", "物资名称", "文字保质期", "英文名称", "Text shelf life", "类别", "materials",
              "计量单位", "个", "保质期（月）", "三年"),
          row("物资编码", "E-5", "物资名称", "缺试机间隔", "英文名称", "No interval", "类别", "equipment",
              "计量单位", "台", "需定期试机", "是")));
      Resp r = Sheets.upload(admin, "items", file, null);
      assertEquals(422, r.status(), r.toString());
      JsonObject body = r.json();
      assertEquals("import_rejected", body.getString("error"));
      JsonArray problems = body.getJsonArray("problems");
      assertEquals(5, problems.size(), problems.encodePrettily());
      Map<Integer, String> where = problems.stream().map(JsonObject.class::cast)
          .collect(Collectors.toMap(p -> p.getInteger("row"), p -> p.getString("column") + ":" + p.getString("field")));
      assertEquals(Map.of(3, "B:nameZh", 4, "D:category", 5, "C:nameEn", 6, "F:shelfLifeMonths",
          7, "H:testIntervalDays"), where);
      problems.stream().map(JsonObject.class::cast).forEach(p -> {
        assertEquals("物资目录", p.getString("sheet"));
        assertTrue(p.getString("messageZh").codePoints().anyMatch(c -> c > 0x2E80), p.encode());
        assertTrue(p.getString("messageEn").matches(".*[a-z].*"), p.encode());
      });
      assertEquals(5, body.getJsonObject("fields").size());
      byte[] marked = Base64.getDecoder().decode(body.getJsonObject("markedWorkbook").getString("base64"));
      try (XSSFWorkbook copy = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
        Sheet sheet = copy.getSheet("物资目录");
        for (Object o : problems) {
          JsonObject p = (JsonObject) o;
          CellReference ref = new CellReference(p.getString("column") + p.getInteger("row"));
          Cell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
          assertEquals(FillPatternType.SOLID_FOREGROUND, cell.getCellStyle().getFillPattern());
          assertEquals(IndexedColors.RED.getIndex(), cell.getCellStyle().getFillForegroundColor());
          assertTrue(cell.getCellComment().getString().getString().contains(p.getString("messageEn")));
        }
      }
    }
    assertEquals(itemsBefore, admin.get("/api/items?size=1").json().getLong("total"), "nothing written");
    assertEquals(0, admin.get("/api/items?q=E-OK").json().getJsonArray("items").size());
  }

  @Test
  void referencesAndDatesAreCheckedToo() throws Exception {
    try (XSSFWorkbook wb = Sheets.template(admin, "opening-balances")) {
      byte[] file = Sheets.fill(wb, 1, List.of(
          row("基地", "no-such-base", "物资", "M-WB", "数量", 10),
          row("基地", "B-GC-SBLH", "物资", "M-WB", "数量", 10, "入库日期", "2026-05-01"),
          row("基地", "B-GC-SBLH", "物资", "M-WB", "数量", -3),
          row("基地", "B-GC-SBLH", "物资", "M-WB", "数量", 10, "入库日期", LocalDate.now().plusDays(30))));
      Resp r = Sheets.upload(admin, "opening-balances", file, null);
      assertEquals(422, r.status(), r.toString());
      List<String> got = r.json().getJsonArray("problems").stream().map(JsonObject.class::cast)
          .map(p -> p.getInteger("row") + p.getString("column") + " " + p.getString("messageEn")).toList();
      assertEquals(4, got.size(), got.toString());
      assertTrue(got.get(0).startsWith("2A no base 'no-such-base'"), got.toString());
      assertTrue(got.get(1).startsWith("3E must be a date cell (not text)"), got.toString());
      assertTrue(got.get(2).startsWith("4D must be > 0"), got.toString());
      assertTrue(got.get(3).startsWith("5E must not be in the future"), got.toString());
    }
  }

  @Test
  void theSameOpeningBalancesUploadedTwiceAreBookedOnce() throws Exception {
    byte[] file;
    try (XSSFWorkbook wb = Sheets.template(admin, "opening-balances")) {
      file = Sheets.fill(wb, 1, List.of(
          row("基地", "B-GC-NC", "物资", "M-WB", "批次号", "TWICE-1", "数量", 700, "入库日期", LocalDate.of(2026, 3, 1)),
          row("基地", "B-GC-NC", "物资", "M-SK", "批次号", "TWICE-2", "数量", 80)));
    }
    long before = ledgerSize();
    Resp first = Sheets.upload(admin, "opening-balances", file, null);
    assertEquals(200, first.status(), first.toString());
    assertEquals(2, first.json().getJsonObject("outcomes").getInteger("booked"));
    assertEquals(before + 2, ledgerSize());
    Resp dry = Sheets.upload(admin, "opening-balances", file, "dryRun=true");
    assertEquals(2, dry.json().getJsonObject("expected").getInteger("already_booked"), dry.toString());
    Resp again = Sheets.upload(admin, "opening-balances", file, null);
    assertEquals(200, again.status(), again.toString());
    assertEquals(2, again.json().getJsonObject("outcomes").getInteger("already_booked"));
    assertEquals(null, again.json().getJsonObject("outcomes").getInteger("booked"));
    // Opened and saved again (other bytes, same content), uploaded by another admin session: still once.
    byte[] resaved;
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      resaved = Sheets.bytes(wb);
    }
    Resp third = Sheets.upload(server.as("admin"), "opening-balances", resaved, null);
    assertEquals(2, third.json().getJsonObject("outcomes").getInteger("already_booked"), third.toString());
    assertEquals(before + 2, ledgerSize());
    JsonArray lot = admin.get("/api/lots?q=TWICE-1&includeEmpty=true").json().getJsonArray("items");
    assertTrue(lot.stream().map(JsonObject.class::cast).filter(l -> "TWICE-1".equals(l.getString("lotCode")))
        .allMatch(l -> dec(l.getValue("quantity")).compareTo(new BigDecimal("700")) == 0));
  }

  /** Reaches on a new river (created once) and on a demo river, with their chiefs; a bad course is located. */
  @Test
  void riversAndReachesWithTheirChiefs() throws Exception {
    Map<String, Object> first = row("河流编码", "X-RIVER", "河流名称", "导入河", "河流英文名称", "Imported River",
        "河段编码", "X-R-1", "河段名称", "导入河上段", "河段英文名称", "Imported upper reach", "所属单位", "十八里河街道",
        "河段走向", "113.700,34.690; 113.712,34.695；113.720,34.700", "河长", "chief", "河长级别", "村级 village");
    Map<String, Object> second = row("河流编码", "x-river", "河段编码", "X-R-2", "河段名称", "导入河下段",
        "河段英文名称", "Imported lower reach", "所属单位", "十八里河街道",
        "河段走向", "{\"type\":\"LineString\",\"coordinates\":[[113.72,34.70],[113.73,34.71]]}",
        "河长级别", "township");
    Map<String, Object> demoRiver = row("河流编码", "SQLH", "河段编码", "X-R-3", "河段名称", "十七里河导入段",
        "河段英文名称", "Imported Shiqili reach", "所属单位", "ZZ-GC-SBLH", "河段走向", "113.70,34.69; 113.71,34.70",
        "河长", "河长 张伟 (River chief)", "河长级别", "county");
    try (XSSFWorkbook wb = Sheets.template(admin, "reaches")) {
      Map<String, Object> bad = new LinkedHashMap<>(demoRiver);
      bad.put("河段编码", "X-R-4");
      bad.put("河段走向", "113.70 34.69; 113.71,34.70");
      bad.put("河长", "keeper");
      byte[] file = Sheets.fill(wb, 1, List.of(first, second, demoRiver, bad));
      Resp r = Sheets.upload(admin, "reaches", file, null);
      assertEquals(422, r.status(), r.toString());
      List<String> got = r.json().getJsonArray("problems").stream().map(JsonObject.class::cast)
          .map(p -> p.getInteger("row") + ":" + p.getString("field")).toList();
      assertEquals(List.of("5:coordinates", "5:chief"), got, r.json().getJsonArray("problems").encodePrettily());
    }
    assertEquals(0, admin.get("/api/rivers").json().getJsonArray("items").stream()
        .filter(v -> "X-RIVER".equals(((JsonObject) v).getString("code"))).count(), "nothing written");
    try (XSSFWorkbook wb = Sheets.template(admin, "reaches")) {
      Resp r = Sheets.upload(admin, "reaches", Sheets.fill(wb, 1, List.of(first, second, demoRiver)), null);
      assertEquals(200, r.status(), r.toString());
      assertEquals(3, r.json().getJsonObject("outcomes").getInteger("created"));
    }
    long chiefId = server.as("chief").get("/api/auth/me").json().getLong("id");
    JsonObject upper = admin.get("/api/reaches?q=X-R-1").json().getJsonArray("items").getJsonObject(0);
    JsonObject lower = admin.get("/api/reaches?q=X-R-2").json().getJsonArray("items").getJsonObject(0);
    JsonObject onDemo = admin.get("/api/reaches?q=X-R-3").json().getJsonArray("items").getJsonObject(0);
    assertEquals(upper.getLong("riverId"), lower.getLong("riverId"), "one new river for both rows");
    assertEquals("导入河", upper.getString("riverNameZh"));
    assertEquals(chiefId, upper.getLong("chiefUserId"));
    assertEquals("village", upper.getString("chiefLevel"));
    assertTrue(upper.getDouble("lengthM") > 1000, upper.encode());
    assertEquals(null, lower.getLong("chiefUserId"));
    assertEquals("十七里河", onDemo.getString("riverNameZh"));
    assertEquals(chiefId, onDemo.getLong("chiefUserId"), "a chief found by his display name");
  }

  /** A reservoir with its levels and flood-limit periods and a waterlogging point, checked by the API's rules. */
  @Test
  void reservoirsAndWaterloggingPoints() throws Exception {
    Map<String, Object> reservoir = row("测点编码", "X-SK", "类型", "水库 reservoir", "名称", "导入水库",
        "英文名称", "Imported reservoir", "所属单位", "十八里河街道", "纬度", 34.66, "经度", 113.69,
        "河床高程（米）", 120, "死水位（米）", 125, "正常蓄水位（米）", 135.5, "防洪高水位（米）", 138,
        "设计洪水位（米）", 139, "校核洪水位（米）", 140, "坝顶高程（米）", 142,
        "汛限水位", "主汛期 06-01~08-31 133; 后汛期 09-01至09-30 134.5");
    Map<String, Object> point = row("测点编码", "X-YL", "类型", "易涝点", "名称", "导入涵洞", "英文名称", "Imported culvert",
        "所属单位", "十八里河街道", "纬度", 34.70, "经度", 113.71, "易涝点类型", "涵洞 culvert", "关注水深（厘米）", 5,
        "警戒水深（厘米）", 15, "封路水深（厘米）", 27, "严重水深（厘米）", 40);
    try (XSSFWorkbook wb = Sheets.template(admin, "checkpoints")) {
      Map<String, Object> badLevels = new LinkedHashMap<>(reservoir);
      badLevels.put("测点编码", "X-SK2");
      badLevels.put("设计洪水位（米）", 137);
      badLevels.put("汛限水位", "主汛期 6月1日到8月31日 133");
      Map<String, Object> badDepths = new LinkedHashMap<>(point);
      badDepths.put("测点编码", "X-YL2");
      badDepths.put("封路水深（厘米）", 10);
      Resp r = Sheets.upload(admin, "checkpoints", Sheets.fill(wb, 1, List.of(reservoir, point, badLevels, badDepths)),
          null);
      assertEquals(422, r.status(), r.toString());
      List<String> got = r.json().getJsonArray("problems").stream().map(JsonObject.class::cast)
          .map(p -> p.getInteger("row") + ":" + p.getString("field")).toList();
      assertEquals(List.of("4:designFloodLevel", "4:floodLimits", "5:closeRoadCm"), got,
          r.json().getJsonArray("problems").encodePrettily());
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "checkpoints")) {
      Resp r = Sheets.upload(admin, "checkpoints", Sheets.fill(wb, 1, List.of(reservoir, point)), null);
      assertEquals(200, r.status(), r.toString());
      assertEquals(2, r.json().getJsonObject("outcomes").getInteger("created"));
    }
    long id = admin.get("/api/checkpoints?q=X-SK").json().getJsonArray("items").getJsonObject(0).getLong("id");
    JsonObject sk = admin.get("/api/checkpoints/" + id).json();
    assertEquals(135.5, sk.getJsonObject("reservoir").getDouble("normalPoolLevel"), 1e-9);
    JsonArray limits = sk.getJsonArray("floodLimits");
    assertEquals(2, limits.size(), sk.encode());
    assertEquals("09-01", limits.getJsonObject(1).getString("startMd"), limits.encode());
    long yl = admin.get("/api/checkpoints?q=X-YL").json().getJsonArray("items").getJsonObject(0).getLong("id");
    JsonObject culvert = admin.get("/api/checkpoints/" + yl).json().getJsonObject("waterlogging");
    assertEquals("culvert", culvert.getString("pointKind"));
    assertEquals(27, culvert.getDouble("closeRoadCm"), 1e-9);
  }

  /**
   * A checkpoint's pumps and bases, and its inspectors: the rows of a checkpoint replace what it had, others keep
   * theirs; an unknown checkpoint, a keeper named as inspector and a zero quantity are located problems.
   */
  @Test
  void checkpointServicesAndInspectors() throws Exception {
    try (XSSFWorkbook wb = Sheets.template(admin, "checkpoint-services")) {
      Resp r = Sheets.upload(admin, "checkpoint-services", Sheets.fill(wb, 1, List.of(
          row("测点", "NO-SUCH", "类型", "水泵 pump", "名称", "潜水泵", "数量", 2),
          row("测点", "WL-HJ", "类型", "泵站", "名称", "泵站", "数量", 0))), null);
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("2:checkpoint", "3:quantity"), located(r));
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "checkpoint-inspectors")) {
      Resp r = Sheets.upload(admin, "checkpoint-inspectors", Sheets.fill(wb, 1, List.of(
          row("测点", "RES-CZ", "监测员", "keeper"))), null);
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("2:inspector"), located(r));
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "checkpoint-services")) {
      Resp r = Sheets.upload(admin, "checkpoint-services", Sheets.fill(wb, 1, List.of(
          row("测点", "WL-HJ", "类型", "排水抢险车", "名称", "抢险车", "数量", 1),
          row("测点", "WL-HJ", "类型", "物资基地 base", "名称", "十八里河仓库", "物资基地", "B-GC-SBLH"))), null);
      assertEquals(200, r.status(), r.toString());
      assertEquals(new JsonObject().put("set", 1).put("listed", 1), r.json().getJsonObject("outcomes"));
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "checkpoint-inspectors")) {
      Resp r = Sheets.upload(admin, "checkpoint-inspectors", Sheets.fill(wb, 1, List.of(
          row("测点", "RES-CZ", "监测员", "inspector"))), null);
      assertEquals(200, r.status(), r.toString());
    }
    assertEquals(List.of("pump_truck 抢险车 1 -", "base 十八里河仓库 - B-GC-SBLH"), strings("SELECT s.kind || ' ' || s.name"
        + " || ' ' || coalesce(s.quantity::text, '-') || ' ' || coalesce(b.code, '-') FROM checkpoint_services s"
        + " JOIN checkpoints c ON c.id = s.checkpoint_id LEFT JOIN bases b ON b.id = s.base_id"
        + " WHERE c.code = 'WL-HJ' ORDER BY s.id"));
    assertEquals(List.of("2"), strings("SELECT count(*)::text FROM checkpoint_services s JOIN checkpoints c"
        + " ON c.id = s.checkpoint_id WHERE c.code = 'WL-HHL-JCGS'"), "a checkpoint not in the sheet keeps its own");
    assertEquals(List.of("inspector"), strings("SELECT u.username FROM checkpoint_inspectors i JOIN checkpoints c"
        + " ON c.id = i.checkpoint_id JOIN users u ON u.id = i.user_id WHERE c.code = 'RES-CZ'"));
  }

  /**
   * Rescue teams: bad rows (an unknown speciality, an unknown unit, negative members) are located and nothing
   * is written, not even the good row; then good rows create a team with several specialities, and an
   * existing team is edited with its status kept or moved as the teams API allows.
   */
  @Test
  void rescueTeamSheetsAreCheckedByTheTeamsRules() throws Exception {
    try (XSSFWorkbook wb = Sheets.template(admin, "rescue-teams")) {
      Sheet options = wb.getSheet(TemplateWriter.OPTIONS_SHEET);
      assertEquals("specialities", options.getRow(0).getCell(0).getStringCellValue());
      assertEquals("舟艇 boats", options.getRow(1).getCell(0).getStringCellValue());
      var multi = wb.getSheetAt(0).getDataValidations().stream()
          .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 5).findFirst().orElseThrow();
      assertTrue(!multi.getShowErrorBox(), "several specialities in a cell are not refused by Excel");
      String teamsBefore = strings("SELECT count(*)::text FROM rescue_teams").get(0);
      Resp r = Sheets.upload(admin, "rescue-teams", Sheets.fill(wb, 1, List.of(
          row("队伍名称", "坏专长队", "所属单位", "ZZ-GC", "队长", "甲", "队长电话", "13900000001", "在册人数", 10,
              "专长", "舟艇 boats、飞行"),
          row("队伍名称", "坏单位队", "所属单位", "NO-SUCH-UNIT", "队长", "乙", "队长电话", "13900000002", "在册人数", 10),
          row("队伍名称", "负人数队", "所属单位", "ZZ-GC", "队长", "丙", "队长电话", "13900000003", "在册人数", -3),
          row("队伍名称", "好队伍", "所属单位", "ZZ-GC", "队长", "丁", "队长电话", "13900000004", "在册人数", 5))), null);
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("2:specialities", "3:unit", "4:members"), located(r));
      assertEquals(List.of(teamsBefore), strings("SELECT count(*)::text FROM rescue_teams"), "nothing written");
    }
    String eventsBefore = strings("SELECT count(*)::text FROM live_events WHERE type = 'team.changed'").get(0);
    try (XSSFWorkbook wb = Sheets.template(admin, "rescue-teams")) {
      Resp r = Sheets.upload(admin, "rescue-teams", Sheets.fill(wb, 1, List.of(
          row("队伍名称", "导入冲锋舟队", "所属单位", "ZZ-HJ", "队长", "赵六", "队长电话", "13900000009", "在册人数", 14,
              "专长", "舟艇 boats、潜水，rescue", "驻地基地", "B-HJ-HYK", "状态", "休整 resting"),
          row("队伍名称", "管城区防汛抢险二队", "所属单位", "ZZ-GC", "队长", "陈志强", "队长电话", "13900000102",
              "在册人数", 26, "专长", "sandbagging、machinery", "状态", "待命"))), null);
      assertEquals(200, r.status(), r.toString());
      assertEquals(new JsonObject().put("created", 1).put("updated", 1), r.json().getJsonObject("outcomes"));
    }
    assertEquals(List.of("{boats,divers,rescue} resting B-HJ-HYK"), strings("SELECT t.specialities::text || ' '"
        + " || t.status || ' ' || b.code FROM rescue_teams t JOIN bases b ON b.id = t.base_id"
        + " WHERE t.name = '导入冲锋舟队'"));
    assertEquals(List.of("26 deployed"), strings("SELECT members || ' ' || status FROM rescue_teams"
        + " WHERE name = '管城区防汛抢险二队'"), "edited; a sheet neither begins nor ends a deployment");
    assertEquals(List.of("3"), strings("SELECT (count(*) - " + eventsBefore + ")::text FROM live_events"
        + " WHERE type = 'team.changed'"), "created, rested, edited: each a team.changed event for readiness");
    try (XSSFWorkbook wb = Sheets.template(admin, "rescue-teams")) {
      Resp r = Sheets.upload(admin, "rescue-teams", Sheets.fill(wb, 1, List.of(
          row("队伍名称", "管城区防汛抢险一队", "所属单位", "管城回族区", "队长", "刘建国", "队长电话", "13900000101",
              "在册人数", 30, "状态", "休整"))), null);
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("2:status"), located(r), "a standby team rests only after a stand-down");
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "team-requirements")) {
      Resp r = Sheets.upload(admin, "team-requirements", Sheets.fill(wb, 1, List.of(
          row("单位", "NO-SUCH-UNIT", "应备待命队伍数", 1),
          row("单位", "ZZ-GC", "应备待命队伍数", -1),
          row("单位", "ZZ-JK", "应备待命队伍数", 5))), null);
      assertEquals(422, r.status(), r.toString());
      assertEquals(List.of("2:unit", "3:required"), located(r));
      assertEquals(List.of("2"), strings("SELECT required::text FROM team_requirements r JOIN units u"
          + " ON u.id = r.unit_id WHERE u.code = 'ZZ-JK'"), "nothing written");
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "team-requirements")) {
      Resp r = Sheets.upload(admin, "team-requirements", Sheets.fill(wb, 1, List.of(
          row("单位", "ZZ-JK", "应备待命队伍数", 5))), null);
      assertEquals(200, r.status(), r.toString());
    }
    JsonObject jk = admin.get("/api/team-requirements").json().getJsonArray("items").stream()
        .map(JsonObject.class::cast).filter(u -> u.getString("unitNameZh").startsWith("经开")).findFirst().orElseThrow();
    assertEquals(5, jk.getInteger("required"));
  }

  private static List<String> located(Resp r) {
    return r.json().getJsonArray("problems").stream().map(JsonObject.class::cast)
        .map(p -> p.getInteger("row") + ":" + p.getString("field")).toList();
  }

  private static List<String> strings(String sql) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    server.server.app().pool().query(sql).execute().toCompletionStage().toCompletableFuture().get()
        .forEach(row -> out.add(row.getString(0)));
    return out;
  }

  /** The district's items, bases and quotas exported as filled templates and imported again: nothing changes. */
  @Test
  void filledTemplatesRoundTrip() throws Exception {
    for (String kind : List.of("items", "bases", "quotas")) {
      String list = kind.equals("quotas") ? "/api/quotas?size=500" : "/api/" + kind + "?size=500";
      JsonArray before = admin.get(list).json().getJsonArray("items");
      Resp filled = admin.get("/api/import/templates/" + kind + ".xlsx?filled=true");
      assertEquals(200, filled.status(), filled.toString());
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled.bytes()))) {
        assertEquals(before.size() + 1, wb.getSheetAt(0).getPhysicalNumberOfRows(), kind + ": a row per thing");
      }
      Resp again = Sheets.upload(admin, kind, filled.bytes(), null);
      assertEquals(200, again.status(), again.toString());
      assertEquals(before.size(), again.json().getJsonObject("outcomes").getInteger("updated"), again.toString());
      JsonArray after = admin.get(list).json().getJsonArray("items");
      if (kind.equals("quotas")) {
        after.forEach(q -> ((JsonObject) q).remove("updatedAt"));
        before.forEach(q -> ((JsonObject) q).remove("updatedAt"));
      }
      assertEquals(before, after, kind + " unchanged by the round trip");
    }
    JsonObject depot = admin.get("/api/bases?q=B-GC-SBLH").json().getJsonArray("items").getJsonObject(0);
    assertEquals("keeper", admin.get("/api/bases/" + depot.getLong("id")).json().getJsonArray("keepers")
        .getJsonObject(0).getString("username"), "keepers kept");
    assertEquals(200, admin.get("/api/import/templates/reaches.xlsx?filled=true").status());
  }

  /** A street under a district by name and a community under that new street, from one sheet. */
  @Test
  void unitsUnderExistingUnitsAndUnderEarlierRows() throws Exception {
    Map<String, Object> street = row("单位编码", "X-ST", "单位名称", "导入街道", "英文名称", "Imported street",
        "上级单位", "管城回族区");
    Map<String, Object> community = row("单位编码", "X-ST-C", "单位名称", "导入社区", "英文名称", "Imported community",
        "上级单位", "导入街道");
    try (XSSFWorkbook wb = Sheets.template(admin, "units")) {
      Map<String, Object> under = row("单位编码", "X-BAD", "单位名称", "坏单位", "英文名称", "Bad", "上级单位", "小魏庄社区");
      Resp r = Sheets.upload(admin, "units", Sheets.fill(wb, 1, List.of(street, community, under)), null);
      assertEquals(422, r.status(), r.toString());
      assertEquals("4:parent", r.json().getJsonArray("problems").getJsonObject(0).getInteger("row") + ":"
          + r.json().getJsonArray("problems").getJsonObject(0).getString("field"));
      assertEquals(1, r.json().getJsonArray("problems").size(), r.toString());
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "units")) {
      Resp r = Sheets.upload(admin, "units", Sheets.fill(wb, 1, List.of(street, community)), null);
      assertEquals(200, r.status(), r.toString());
    }
    JsonArray all = admin.get("/api/units").json().getJsonArray("items");
    JsonObject st = all.stream().map(JsonObject.class::cast).filter(u -> "X-ST".equals(u.getString("code")))
        .findFirst().orElseThrow();
    JsonObject c = all.stream().map(JsonObject.class::cast).filter(u -> "X-ST-C".equals(u.getString("code")))
        .findFirst().orElseThrow();
    assertEquals("street", st.getString("level"));
    assertEquals("community", c.getString("level"));
    assertEquals(st.getLong("id"), c.getLong("parentId"));
  }

  /**
   * Accounts from a sheet: the API's rules (username, role, password policy) cell by cell, an existing username
   * refused, nothing written until every row passes; then the new users log in with their initial passwords.
   */
  @Test
  void usersWithTheApiRulesAndThePasswordPolicy() throws Exception {
    Map<String, Object> keeper = row("用户名", "x.keeper", "姓名", "导入保管员", "角色", "仓库管理员 base_keeper",
        "所属单位", "十八里河街道", "电话", "13800000099", "电子邮箱", "x.keeper@example.cn",
        "初始密码", "Cangku-Xinmima-7");
    Map<String, Object> chief = row("用户名", "x.chief", "姓名", "导入河长", "角色", "河长", "初始密码",
        "Hezhang-Xinmima-8");
    try (XSSFWorkbook wb = Sheets.template(admin, "users")) {
      byte[] file = Sheets.fill(wb, 1, List.of(keeper, chief,
          row("用户名", "admin", "姓名", "重名", "角色", "viewer", "初始密码", "Zhongming-2026-x"),
          row("用户名", "x.short", "姓名", "短密码", "角色", "viewer", "初始密码", "short"),
          row("用户名", "x.same", "姓名", "含用户名", "角色", "viewer", "初始密码", "x.same-2026-abc"),
          row("用户名", "x.role", "姓名", "错角色", "角色", "gauge", "初始密码", "Cuojuese-2026-x"),
          row("用户名", "x.unit", "姓名", "错单位", "角色", "viewer", "所属单位", "没有这个单位", "初始密码",
              "Cuodanwei-2026-x"),
          row("用户名", "x.mail", "姓名", "错邮箱", "角色", "viewer", "电子邮箱", "not-an-address", "初始密码",
              "Cuoyouxiang-2026"),
          row("用户名", "X.Keeper", "姓名", "重复", "角色", "viewer", "初始密码", "Chongfu-2026-xx")));
      Resp r = Sheets.upload(admin, "users", file, null);
      assertEquals(422, r.status(), r.toString());
      List<String> got = r.json().getJsonArray("problems").stream().map(JsonObject.class::cast)
          .map(p -> p.getInteger("row") + ":" + p.getString("field")).toList();
      assertEquals(List.of("4:username", "5:password", "6:password", "7:role", "8:unit", "9:email", "10:username"),
          got, r.json().getJsonArray("problems").encodePrettily());
    }
    assertEquals(401, server.anonymous.post("/api/auth/login",
        new JsonObject().put("username", "x.keeper").put("password", "Cangku-Xinmima-7")).status(), "nothing written");
    try (XSSFWorkbook wb = Sheets.template(admin, "users")) {
      Resp r = Sheets.upload(admin, "users", Sheets.fill(wb, 1, List.of(keeper, chief)), null);
      assertEquals(200, r.status(), r.toString());
      assertEquals(2, r.json().getJsonObject("outcomes").getInteger("created"));
    }
    JsonObject created = admin.get("/api/admin/users?q=x.keeper").json().getJsonArray("items").getJsonObject(0);
    assertEquals("base_keeper", created.getString("role"));
    assertNotNull(created.getLong("unitId"));
    server.as("x.chief", "Hezhang-Xinmima-8");
    Api keeperLogin = server.as("x.keeper", "Cangku-Xinmima-7");
    assertEquals(403, keeperLogin.get("/api/import/templates/users.xlsx").status());
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        admin.get("/api/import/templates/users.xlsx?filled=true").bytes()))) {
      Sheet sheet = wb.getSheetAt(0);
      int passwordColumn = -1;
      for (Cell c : sheet.getRow(0)) {
        passwordColumn = c.getStringCellValue().startsWith("初始密码") ? c.getColumnIndex() : passwordColumn;
      }
      boolean found = false;
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(i);
        assertTrue(row.getCell(passwordColumn) == null || row.getCell(passwordColumn).toString().isEmpty(),
            "no password or hash exported");
        found |= "x.keeper".equals(row.getCell(0).getStringCellValue());
        if ("x.keeper".equals(row.getCell(0).getStringCellValue())) {
          assertEquals("仓库管理员 base_keeper", row.getCell(2).getStringCellValue());
        }
      }
      assertTrue(found, "the filled template lists the imported user");
    }
  }

  /** {@code ?async=true}: 202 with a job at once, then the job's phase, and the same answer as the synchronous form. */
  @Test
  void anAsyncImportIsAJobToPoll() throws Exception {
    byte[] bad;
    byte[] good;
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      bad = Sheets.fill(wb, 1, List.of(row("物资编码", "J-1", "英文名称", "No name", "类别", "materials", "计量单位", "个")));
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      good = Sheets.fill(wb, 1, List.of(row("物资编码", "J-2", "物资名称", "异步导入", "英文名称", "Async",
          "类别", "materials", "计量单位", "个")));
    }
    JsonObject rejected = finished(Sheets.upload(admin, "items", bad, "async=true"));
    assertEquals("rejected", rejected.getString("phase"), rejected.encodePrettily());
    assertEquals(422, rejected.getInteger("status"));
    assertEquals("物资名称", rejected.getJsonObject("problem").getJsonArray("problems").getJsonObject(0)
        .getString("header"));
    assertTrue(rejected.getJsonObject("problem").getJsonObject("markedWorkbook").getString("base64").length() > 100);
    assertEquals(0, admin.get("/api/items?q=J-1").json().getJsonArray("items").size());

    JsonObject done = finished(Sheets.upload(admin, "items", good, "async=true"));
    assertEquals("done", done.getString("phase"), done.encodePrettily());
    assertEquals(1, done.getInteger("total"));
    assertEquals(1, done.getInteger("writtenRows"));
    assertEquals(1, done.getJsonObject("result").getJsonObject("outcomes").getInteger("created"));
    assertEquals(1, admin.get("/api/items?q=J-2").json().getJsonArray("items").size());

    assertEquals(404, admin.get("/api/import/jobs/no-such-job").status());
    assertEquals(403, server.as("keeper").get("/api/import/jobs/" + done.getString("id")).status());
  }

  /** Polls an import job (answered 202) until it has ended. */
  private static JsonObject finished(Resp started) throws Exception {
    assertEquals(202, started.status(), started.toString());
    String id = started.json().getString("id");
    assertEquals("/api/import/jobs/" + id, started.header("Location"));
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject job = admin.get("/api/import/jobs/" + id).json();
      if (Set.of("done", "rejected", "failed").contains(job.getString("phase"))) {
        return job;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import job " + id + " did not end");
  }

  private static long ledgerSize() {
    return admin.get("/api/movements?size=1").json().getLong("total");
  }
}
