package org.floodready.http;

import java.util.List;

/** RFC 4180 CSV building. */
public final class Csv {
  private final StringBuilder out = new StringBuilder();

  public Csv row(List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(escape(cells.get(i)));
    }
    out.append("\r\n");
    return this;
  }

  public Csv row(Object... cells) {
    return row(java.util.Arrays.asList(cells));
  }

  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
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
    return out.toString();
  }
}
