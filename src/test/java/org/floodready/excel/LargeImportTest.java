package org.floodready.excel;

import org.floodready.sheets.Xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 10,000 opening balances in one upload: one transaction, every row in the ledger; the time is printed. */
class LargeImportTest {
  static TestServer server;
  static Http admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start();
    admin = server.as("admin");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
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
    Resp r = admin.send(admin.request("/api/import/opening-balances").timeout(Duration.ofMinutes(5))
        .header("Content-Type", Xlsx.CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("IMPORT 10000 opening balances (" + file.length + " bytes): " + ms + " ms");
    assertEquals(200, r.status(), r.toString());
    assertEquals(10_000, r.json().getJsonObject("outcomes").getInteger("booked"));
    assertEquals(before + 10_000, admin.get("/api/movements?size=1").json().getLong("total"));
  }
}
