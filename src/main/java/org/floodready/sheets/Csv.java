package org.floodready.sheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table of cells rendered as RFC 4180 CSV. The rows are kept as given (numbers stay numbers) so the same
 * table can also be written as a spreadsheet (see org.floodready.sheets.XlsxWriter): the two cannot drift.
 */
public final class Csv {
  private final List<List<Object>> rows = new ArrayList<>();

  public Csv row(List<?> cells) {
    rows.add(new ArrayList<>(cells));
    return this;
  }

  public Csv row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  /** The rows as added, the first being the header. */
  public List<List<Object>> rows() {
    return rows;
  }

  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    // Cells starting with these would run as formulas in Excel.
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (List<Object> cells : rows) {
      for (int i = 0; i < cells.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(escape(cells.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  /** A fraction shown as a percentage: "85.5%" in CSV, a percent-formatted number in a spreadsheet. */
  public record Percent(BigDecimal fraction) {
    @Override
    public String toString() {
      return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
  }
}
