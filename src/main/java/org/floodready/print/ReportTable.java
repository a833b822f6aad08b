package org.floodready.print;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.floodready.sheets.Csv;

/** One table of the daily report: shown in HTML and PDF, downloadable as CSV or .xlsx. */
public record ReportTable(String id, String title, List<String> columns, List<List<Object>> rows, String note) {

  /** A cell as people read it: 960 not 960.000, 12.5 not 12.50. */
  public static String text(Object c) {
    if (c == null) {
      return "";
    }
    if (c instanceof java.math.BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (c instanceof Double || c instanceof Float) {
      return text(java.math.BigDecimal.valueOf(((Number) c).doubleValue()));
    }
    return c.toString();
  }

  public String csv() {
    return sheet().toString();
  }

  /** The header and rows, for the CSV and the .xlsx sheet alike. */
  public Csv sheet() {
    Csv csv = new Csv().row(columns);
    rows.forEach(csv::row);
    return csv;
  }

  /** The Chinese part of the title, as a sheet name. */
  public String sheetName() {
    int space = title.indexOf(' ');
    return space > 0 ? title.substring(0, space) : title;
  }

  public JsonObject toJson() {
    JsonArray r = new JsonArray();
    rows.forEach(row -> r.add(new JsonArray(row.stream().map(c -> c == null ? null : text(c)).toList())));
    return new JsonObject().put("id", id).put("title", title).put("columns", new JsonArray(columns))
        .put("rows", r).put("note", note);
  }
}
