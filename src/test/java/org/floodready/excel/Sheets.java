package org.floodready.excel;

import org.floodready.sheets.Xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Api;
import org.floodready.support.Resp;

/** Fills downloaded templates the way a clerk would: by header, with real cell types. */
final class Sheets {
  /** Marks a value to be entered as a formula. */
  record Formula(String text) {
  }

  private Sheets() {
  }

  static XSSFWorkbook template(Api admin, String kind) throws Exception {
    Resp r = admin.get("/api/import/templates/" + kind + ".xlsx");
    assertEquals(200, r.status(), r.toString());
    return new XSSFWorkbook(new ByteArrayInputStream(r.bytes()));
  }

  /** Writes rows (header without the star → value) from Excel row {@code firstRow} (1 = over the example). */
  static byte[] fill(XSSFWorkbook wb, int firstRow, List<Map<String, Object>> rows) throws Exception {
    Sheet sheet = wb.getSheetAt(0);
    Map<String, Integer> index = new HashMap<>();
    for (Cell c : sheet.getRow(0)) {
      index.put(c.getStringCellValue().replace(" *", ""), c.getColumnIndex());
    }
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
    int r = firstRow;
    for (Map<String, Object> values : rows) {
      Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
      for (Cell c : row) {
        c.setBlank();
      }
      for (Map.Entry<String, Object> e : values.entrySet()) {
        Integer i = index.get(e.getKey());
        if (i == null) {
          throw new IllegalArgumentException("no column " + e.getKey() + " in " + index.keySet());
        }
        Cell cell = row.getCell(i) == null ? row.createCell(i) : row.getCell(i);
        Object v = e.getValue();
        if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
        } else if (v instanceof LocalDate d) {
          cell.setCellValue(d);
          cell.setCellStyle(date);
        } else if (v instanceof Formula f) {
          cell.setCellFormula(f.text());
        } else if (v instanceof Boolean b) {
          cell.setCellValue(b);
        } else {
          cell.setCellValue(String.valueOf(v));
        }
      }
      r++;
    }
    return bytes(wb);
  }

  static byte[] bytes(XSSFWorkbook wb) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    wb.write(out);
    return out.toByteArray();
  }

  static Resp upload(Api admin, String kind, byte[] file, String query) {
    return admin.raw("POST", "/api/import/" + kind + (query == null ? "" : "?" + query), Xlsx.CONTENT_TYPE, file);
  }
}
