package org.floodready.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files that are not what they claim: each a clear 4xx, nothing written, never a 500. */
@FloodReadyTest(args = {"--max-body-bytes", "2000000"})
class HostileXlsxTest {
  static TestServer server;
  static Api admin;
  static long itemsBefore;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
    itemsBefore = items();
  }

  @AfterAll
  static void stop() throws Exception {
    assertEquals(itemsBefore, items(), "no hostile file wrote anything");
  }

  static long items() {
    return admin.get("/api/items?size=1").json().getLong("total");
  }

  static void assertRejected(Resp r, int status, String error) {
    assertEquals(status, r.status(), r.toString());
    assertEquals(error, r.json().getString("error"), r.toString());
    assertTrue(r.json().getString("message").length() > 5);
  }

  @Test
  void notAnXlsx() {
    assertRejected(Sheets.upload(admin, "items", "code,name\nA,B\n".getBytes(StandardCharsets.UTF_8), null),
        400, "not_xlsx");
    assertRejected(Sheets.upload(admin, "items", new byte[0], null), 400, "empty_file");
    byte[] zipNotXlsx = zip(Map.of("hello.txt", "hi".getBytes(StandardCharsets.UTF_8)));
    assertRejected(Sheets.upload(admin, "items", zipNotXlsx, null), 400, "not_xlsx");
  }

  @Test
  void encryptedOrLegacyWorkbook() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      fs.createDocument(new ByteArrayInputStream(new byte[64]), "EncryptedPackage");
      fs.writeFilesystem(out);
    }
    assertRejected(Sheets.upload(admin, "items", out.toByteArray(), null), 400, "encrypted_or_xls");
  }

  /** A template whose sheet part inflates to far more than the limit (some 150 MB of blanks, < 1 MB zipped). */
  @Test
  void zipBomb() throws Exception {
    byte[] template = admin.get("/api/import/templates/items.xlsx").bytes();
    byte[] bomb = replaceEntry(template, "xl/worksheets/sheet1.xml", out -> {
      byte[] blanks = new byte[1 << 20];
      java.util.Arrays.fill(blanks, (byte) ' ');
      out.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
          .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 150; i++) {
        out.write(blanks);
      }
      out.write("<sheetData/></worksheet>".getBytes(StandardCharsets.UTF_8));
    });
    assertTrue(bomb.length < 2_000_000, "fits the body limit: " + bomb.length);
    assertRejected(Sheets.upload(admin, "items", bomb, null), 413, "xlsx_too_large");
  }

  @Test
  void tooManyRows() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
      Sheet sheet = wb.createSheet("物资目录");
      sheet.createRow(0).createCell(0).setCellValue("物资编码 *");
      for (int r = 1; r <= SheetReader.MAX_ROWS + 5; r++) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue("C" + r);
      }
      wb.write(out);
    }
    assertRejected(Sheets.upload(admin, "items", out.toByteArray(), null), 413, "too_many_rows");
  }

  @Test
  void formulaCellsAreRefusedAndUserTextIsNeverAFormula() throws Exception {
    try (XSSFWorkbook wb = Sheets.template(admin, "items")) {
      byte[] file = Sheets.fill(wb, 1, List.of(Map.of("物资编码", "F-1", "物资名称",
          new Sheets.Formula("HYPERLINK(\"http://evil.example\",\"点我\")"), "英文名称", "x", "类别", "materials",
          "计量单位", "个")));
      Resp r = Sheets.upload(admin, "items", file, null);
      assertRejected(r, 422, "import_rejected");
      assertTrue(r.json().getJsonArray("problems").getJsonObject(0).getString("messageEn").contains("formulas"));
    }
  }

  @Test
  void bodyLimitMultipartAndRoles() {
    assertEquals(413, Sheets.upload(admin, "items", new byte[2_100_000], null).status());
    Resp multipart = admin.raw("POST", "/api/import/items", "multipart/form-data; boundary=x",
        "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8));
    assertRejected(multipart, 415, "raw_body_expected");
    assertEquals(403, Sheets.upload(server.as("keeper"), "items", new byte[10], null).status());
    assertEquals(404, Sheets.upload(admin, "spaceships", new byte[10], null).status());
  }

  interface Body {
    void write(ByteArrayOutputStream out) throws Exception;
  }

  static byte[] replaceEntry(byte[] xlsx, String name, Body body) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setLevel(9);
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(name)) {
          ByteArrayOutputStream big = new ByteArrayOutputStream();
          body.write(big);
          zip.write(big.toByteArray());
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] zip(Map<String, byte[]> entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (var e : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
