package org.floodready.sheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

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

  /** The text of a cell: numbers in plain notation, text that would run as a formula in Excel defused. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.]+")) {
      s = "'" + s;
    }
    return s;
  }

  /** RFC 4180 (Commons CSV quotes where needed, CRLF after each row). */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      for (List<Object> cells : rows) {
        printer.printRecord(cells.stream().map(Csv::cell));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
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
