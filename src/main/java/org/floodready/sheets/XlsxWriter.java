package org.floodready.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the tables the API offers as CSV into an .xlsx workbook, one sheet per table, from the very same
 * rows: numbers become numeric cells with thousands separators, ISO times and dates become date cells,
 * {@link Csv.Percent} a percentage, codes in enumeration columns get their Chinese ({@link Labels}); every other
 * value is text. Blocking: call it off the event loop.
 */
public final class XlsxWriter {
  /** The strict ISO forms the API renders times and days in ({@code AppContext.iso}, {@code LocalDate}). */
  private static final Pattern ISO_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_WIDTH_CHARS = 60;
  private static final int MAX_DECIMALS = 6;

  /** One sheet: its (Chinese) name and rows, the first row being the header. */
  public record Table(String name, List<List<Object>> rows) {
    public static Table of(String name, Csv csv) {
      return new Table(name, csv.rows());
    }
  }

  private XlsxWriter() {
  }

  public static byte[] write(List<Table> tables) {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      wb.setCompressTempFiles(true);
      Styles styles = new Styles(wb);
      for (Table table : tables) {
        writeSheet(wb, styles, table);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSheet(SXSSFWorkbook wb, Styles styles, Table table) {
    SXSSFSheet sheet = wb.createSheet(uniqueName(wb, table.name()));
    List<List<Object>> rows = table.rows();
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    List<Map<String, String>> codes = new ArrayList<>();
    if (!rows.isEmpty()) {
      rows.get(0).forEach(h -> codes.add(Labels.of(Headers.label(h))));
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r);
      List<Object> cells = rows.get(r);
      for (int c = 0; c < cells.size(); c++) {
        Object value = r == 0 ? Headers.label(cells.get(c))
            : Labels.label(c < codes.size() ? codes.get(c) : null, cells.get(c));
        Cell cell = row.createCell(c);
        String shown = r == 0 ? header(cell, value, styles) : fill(cell, value, styles);
        widths[c] = Math.max(widths[c], displayWidth(shown));
      }
    }
    for (int c = 0; c < columns; c++) {
      sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, widths[c] + 2) * 256);
    }
    if (!rows.isEmpty()) {
      sheet.createFreezePane(0, 1);
      if (columns > 0) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size() - 1), 0, columns - 1));
      }
    }
  }

  private static String header(Cell cell, Object value, Styles styles) {
    String text = value == null ? "" : value.toString();
    cell.setCellValue(text);
    cell.setCellStyle(styles.header);
    return text;
  }

  /** Writes one value with its real type; answers the text shown, for the column width. */
  public static String fill(Cell cell, Object value, Styles styles) {
    if (value == null) {
      cell.setBlank();
      return "";
    }
    if (value instanceof Csv.Percent p) {
      cell.setCellValue(p.fraction().doubleValue());
      cell.setCellStyle(styles.percent);
      return p.toString();
    }
    if (value instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
      cell.setCellValue(d.doubleValue());
      cell.setCellStyle(styles.number(Math.max(0, d.scale())));
      return String.format("%,." + Math.min(MAX_DECIMALS, Math.max(0, d.scale())) + "f", d);
    }
    if (value instanceof Boolean b) {
      cell.setCellValue(b ? "是 yes" : "否 no");
      return "否 no";
    }
    if (value instanceof OffsetDateTime t) {
      return time(cell, t.toLocalDateTime(), styles);
    }
    if (value instanceof LocalDateTime t) {
      return time(cell, t, styles);
    }
    if (value instanceof LocalDate d) {
      return day(cell, d, styles);
    }
    String s = value.toString();
    try {
      if (ISO_TIME.matcher(s).matches()) {
        return time(cell, OffsetDateTime.parse(s).toLocalDateTime(), styles);
      }
      if (ISO_DAY.matcher(s).matches()) {
        return day(cell, LocalDate.parse(s), styles);
      }
    } catch (DateTimeException e) {
      // Shaped like a time but no real one (e.g. typed by a user): it stays the text it is.
    }
    cell.setCellValue(s);
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      // A string cell never runs, and the quote prefix keeps it text when someone edits the cell in Excel.
      cell.setCellStyle(styles.quoted);
    }
    return s;
  }

  private static String time(Cell cell, LocalDateTime t, Styles styles) {
    cell.setCellValue(t);
    cell.setCellStyle(styles.time);
    return "2026-01-01 00:00:00";
  }

  private static String day(Cell cell, LocalDate d, Styles styles) {
    cell.setCellValue(d);
    cell.setCellStyle(styles.day);
    return "2026-01-01";
  }

  /** Width in Excel character units: a Chinese character takes two. */
  public static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) > 0x2E80 ? 2 : 1;
    }
    return w;
  }

  private static String uniqueName(Workbook wb, String wanted) {
    String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
    String name = base;
    for (int i = 2; wb.getSheet(name) != null; i++) {
      String suffix = " (" + i + ")";
      name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    return name;
  }

  /** The cell styles of one workbook, made once (a workbook holds at most 64,000). */
  public static final class Styles {
    public final CellStyle header;
    final CellStyle time;
    public final CellStyle day;
    final CellStyle percent;
    public final CellStyle quoted;
    private final Workbook wb;
    private final Map<Integer, CellStyle> numbers = new HashMap<>();

    public Styles(Workbook wb) {
      this.wb = wb;
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      time = format("yyyy-mm-dd hh:mm:ss");
      day = format("yyyy-mm-dd");
      percent = format("0.0%");
      quoted = wb.createCellStyle();
      quoted.setQuotePrefixed(true);
    }

    CellStyle number(int decimals) {
      int d = Math.min(MAX_DECIMALS, decimals);
      return numbers.computeIfAbsent(d, k -> format(k == 0 ? "#,##0" : "#,##0." + "0".repeat(k)));
    }

    private CellStyle format(String pattern) {
      CellStyle style = wb.createCellStyle();
      style.setDataFormat(wb.createDataFormat().getFormat(pattern));
      return style;
    }
  }
}
