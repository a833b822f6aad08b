package org.floodready.excel;

import org.floodready.sheets.Xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 10,000 opening balances in one upload: one transaction, every row in the ledger; the time is printed. The
 * ledger's total is counted exactly here (a count cap above the 10,000 new rows) to see that every row landed.
 */
@FloodReadyTest(args = {"--list-count-cap", "100000"})
class LargeImportTest {
  static TestServer server;
  static Api admin;

  @BeforeAll
  static void start(TestServer node) throws Exception {
    server = node;
    admin = server.as("admin");
  }

  @Test
  void tenThousandOpeningBalances() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      rows.add(Map.of("基地", "B-GC-ZJS", "物资", "M-SK", "批次号", "BULK-" + i, "数量", i % 97 + 1));
    }
    byte[] file;
    try (XSSFWorkbook wb = Sheets.template(admin, "opening-balances")) {
      file = Sheets.fill(wb, 1, rows);
    }
    long before = admin.get("/api/movements?size=1").json().getLong("total");
    long t0 = System.nanoTime();
    // The shared client gives up after 60 s; a loaded CI machine may need longer for 10,000 ledger rows.
    Resp r = admin.timeout(Duration.ofMinutes(5)).raw("POST", "/api/import/opening-balances", Xlsx.CONTENT_TYPE, file);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("IMPORT 10000 opening balances (" + file.length + " bytes): " + ms + " ms");
    assertEquals(200, r.status(), r.toString());
    assertEquals(10_000, r.json().getJsonObject("outcomes").getInteger("booked"));
    assertEquals(before + 10_000, admin.get("/api/movements?size=1").json().getLong("total"));
  }
}
