package org.floodready.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.errors.ApiError;

/**
 * Opens an uploaded workbook defensively and reads one kind's sheet into typed values per column. The file
 * is checked before POI builds it in memory: an .xlsx (a zip) at all, not encrypted, its sheets' inflated
 * size bounded (zip bombs; POI's ZipSecureFile inflate-ratio check stays on as well), its rows counted.
 */
final class SheetReader {
  static final int MAX_ROWS = 20_000;
  /** Inflated bytes of all parts together: 20,000 rows of a template stay far below. */
  static final long MAX_INFLATED_BYTES = 100L * 1024 * 1024;

  /** One data row: its Excel row number (1-based) and the typed value of each mapped column. */
  record SheetRow(int rowNumber, Map<String, Object> values) {
  }

  record Parsed(XSSFWorkbook workbook, Sheet sheet, Map<String, Integer> columnIndex, List<SheetRow> rows) {
  }

  private SheetReader() {
  }

  /** Throws a 400/413 ApiError for a file that is not a readable .xlsx; cell problems go to {@code problems}. */
  static Parsed read(byte[] bytes, ImportKind kind, Problems problems) {
    if (bytes.length == 0) {
      throw ApiError.badRequest("empty_file", "没有上传文件 No file in the request body: send the .xlsx as the body");
    }
    FileMagic magic = magic(bytes);
    if (magic == FileMagic.OLE2) {
      throw ApiError.badRequest("encrypted_or_xls", "这是加密的或旧版 .xls 工作簿，请另存为不加密的 .xlsx"
          + " / The workbook is encrypted or a legacy .xls: save it as an unencrypted .xlsx");
    }
    if (magic != FileMagic.OOXML) {
      throw notXlsx();
    }
    preScan(bytes);
    XSSFWorkbook wb = open(bytes);
    Sheet sheet = wb.getSheet(kind.sheetName());
    if (sheet == null) {
      sheet = wb.getSheetAt(0);
    }
    Map<String, Integer> index = header(sheet, kind, problems);
    List<SheetRow> rows = new ArrayList<>();
    if (problems.isEmpty()) {
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null || isBlank(row, index)) {
          continue;
        }
        SheetRow read = readRow(sheet, row, kind, index, problems);
        if (!(r == 1 && isExample(read, kind))) {
          rows.add(read);
        }
      }
    }
    return new Parsed(wb, sheet, index, rows);
  }

  private static FileMagic magic(byte[] bytes) {
    try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
      return FileMagic.valueOf(in);
    } catch (IOException e) {
      throw notXlsx();
    }
  }

  private static ApiError notXlsx() {
    return ApiError.badRequest("not_xlsx", "不是 Excel .xlsx 文件 / The file is not an Excel .xlsx workbook");
  }

  private static ApiError tooLarge(String code, String message) {
    return new ApiError(413, code, message, Map.of());
  }

  /** Inflates every part once, counting bytes and worksheet rows, and stops as soon as a limit is passed. */
  private static void preScan(byte[] bytes) {
    long inflated = 0;
    // commons-compress (POI's own zip reader) rather than java.util.zip, which refuses the Zip64 entries
    // that POI's streaming writer and other tools produce.
    try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true, true)) {
      ArchiveEntry entry;
      byte[] buffer = new byte[64 * 1024];
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml")) {
          CountingStream counted = new CountingStream(zip, MAX_INFLATED_BYTES - inflated);
          countRows(counted);
          inflated += counted.count;
        } else {
          for (int n; (n = zip.read(buffer)) > 0; ) {
            inflated += n;
            if (inflated > MAX_INFLATED_BYTES) {
              throw bomb();
            }
          }
        }
      }
    } catch (IOException e) {
      throw notXlsx();
    }
  }

  private static ApiError bomb() {
    return tooLarge("xlsx_too_large", "文件解压后过大（疑似压缩炸弹） / The workbook inflates to more than "
        + MAX_INFLATED_BYTES / (1024 * 1024) + " MB (a zip bomb?)");
  }

  private static void countRows(InputStream sheetXml) {
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      XMLStreamReader xml = factory.createXMLStreamReader(sheetXml);
      int rows = 0;
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamReader.START_ELEMENT && "row".equals(xml.getLocalName())
            && ++rows > MAX_ROWS + 2) {
          throw tooLarge("too_many_rows", "行数超过 " + MAX_ROWS + " 行，请分批导入 / More than " + MAX_ROWS
              + " rows: split the file");
        }
      }
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof ApiError api) {
        throw api;
      }
      throw notXlsx();
    }
  }

  private static XSSFWorkbook open(byte[] bytes) {
    try {
      return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    } catch (EncryptedDocumentException e) {
      throw ApiError.badRequest("encrypted_or_xls", "工作簿已加密 / The workbook is encrypted");
    } catch (IOException | RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("Zip bomb")) {
        throw bomb();
      }
      throw notXlsx();
    }
  }

  /** Maps each template column to its index by the header text (Chinese, with or without the star, or key). */
  private static Map<String, Integer> header(Sheet sheet, ImportKind kind, Problems problems) {
    Map<String, Integer> index = new LinkedHashMap<>();
    Row header = sheet.getRow(0);
    if (header != null) {
      for (Cell cell : header) {
        String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
        for (Column c : kind.columns()) {
          if (text.equals(c.header()) || text.equals(c.zh()) || text.equalsIgnoreCase(c.key())
              || text.equalsIgnoreCase(c.en())) {
            index.putIfAbsent(c.key(), cell.getColumnIndex());
          }
        }
      }
    }
    for (Column c : kind.columns()) {
      if (c.required() && !index.containsKey(c.key())) {
        problems.add(sheet.getSheetName(), 1, c, -1, "缺少列「" + c.zh() + "」，请使用导入模板",
            "Column '" + c.en() + "' is missing: use the import template");
      }
    }
    return index;
  }

  private static boolean isBlank(Row row, Map<String, Integer> index) {
    for (int i : index.values()) {
      Cell c = row.getCell(i);
      if (c != null && c.getCellType() != CellType.BLANK
          && !(c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isExample(SheetRow row, ImportKind kind) {
    for (Column c : kind.columns()) {
      Object v = row.values().get(c.key());
      Object example = c.example() instanceof Column.Option o ? o.code() : c.example();
      if (v == null ? example != null : example == null || !same(v, example)) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof Number y) {
      return x.compareTo(new BigDecimal(y.toString())) == 0;
    }
    return a.toString().equals(b.toString());
  }

  private static SheetRow readRow(Sheet sheet, Row row, ImportKind kind, Map<String, Integer> index,
      Problems problems) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Column c : kind.columns()) {
      Integer i = index.get(c.key());
      Cell cell = i == null ? null : row.getCell(i);
      if (cell == null || cell.getCellType() == CellType.BLANK) {
        continue;
      }
      try {
        Object v = value(cell, c);
        if (v != null) {
          values.put(c.key(), v);
        }
      } catch (CellProblem p) {
        problems.add(sheet.getSheetName(), row.getRowNum() + 1, c, i, p.zh, p.getMessage());
      }
    }
    return new SheetRow(row.getRowNum() + 1, values);
  }

  /** A cell that cannot be read as its column's type. */
  private static final class CellProblem extends RuntimeException {
    final String zh;

    CellProblem(String zh, String en) {
      super(en, null, false, false);
      this.zh = zh;
    }
  }

  private static Object value(Cell cell, Column c) {
    if (cell.getCellType() == CellType.FORMULA) {
      throw new CellProblem("不接受公式，请粘贴为数值", "formulas are not accepted: paste the values");
    }
    if (cell.getCellType() == CellType.ERROR) {
      throw new CellProblem("单元格有错误值", "the cell holds an error value");
    }
    boolean numeric = cell.getCellType() == CellType.NUMERIC;
    boolean date = numeric && DateUtil.isCellDateFormatted(cell);
    String text = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : null;
    return switch (c.type()) {
      case DATE -> {
        if (!date) {
          throw new CellProblem("须为日期单元格（不是文本），例如 2026-05-01",
              "must be a date cell (not text), e.g. 2026-05-01");
        }
        yield cell.getLocalDateTimeCellValue().toLocalDate();
      }
      case INTEGER, DECIMAL -> {
        if (numeric && !date) {
          yield new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
        }
        if (text != null && text.replace(",", "").matches("-?[0-9]+(\\.[0-9]+)?")) {
          yield new BigDecimal(text.replace(",", ""));
        }
        throw new CellProblem("须为数字", "must be a number");
      }
      case ENUM, BOOLEAN -> {
        String shown = text != null ? text : cell.getCellType() == CellType.BOOLEAN
            ? Boolean.toString(cell.getBooleanCellValue()) : new DataFormatter().formatCellValue(cell);
        Column.Option o = c.option(shown);
        if (o == null) {
          String allowed = String.join("、", c.options().stream().map(Column.Option::label).toList());
          throw new CellProblem("须为以下之一：" + allowed, "must be one of: " + allowed);
        }
        yield c.type() == Column.Type.BOOLEAN ? Boolean.valueOf(o.code()) : o.code();
      }
      case MULTI -> {
        String shown = text != null ? text : new DataFormatter().formatCellValue(cell).trim();
        List<String> values = new ArrayList<>();
        for (String part : shown.split("[,，、;；]+")) {
          if (part.isBlank()) {
            continue;
          }
          Column.Option o = c.option(part);
          if (o == null) {
            String allowed = String.join("、", c.options().stream().map(Column.Option::label).toList());
            throw new CellProblem("「" + part.trim() + "」不是允许值，须为以下之一：" + allowed,
                "'" + part.trim() + "' is not allowed: each must be one of: " + allowed);
          }
          if (!values.contains(o.code())) {
            values.add(o.code());
          }
        }
        yield values.isEmpty() ? null : values;
      }
      case TEXT -> {
        if (date) {
          throw new CellProblem("须为文本，不是日期", "must be text, not a date");
        }
        String s = text != null ? text : new DataFormatter().formatCellValue(cell).trim();
        yield s.isEmpty() ? null : s;
      }
    };
  }

  /** Stops the row count at the inflated-size limit. */
  private static final class CountingStream extends InputStream {
    private final InputStream in;
    private final long limit;
    long count;

    CountingStream(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0 && ++count > limit) {
        throw bomb();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0 && (count += n) > limit) {
        throw bomb();
      }
      return n;
    }
  }
}
