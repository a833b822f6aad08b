package org.floodready.excel;

import org.floodready.sheets.XlsxWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The import template of a kind: Chinese headers with the English name and rules in each header's note, an
 * example row, a frozen header, and drop-down lists on enumeration columns fed from a hidden sheet.
 */
final class TemplateWriter {
  static final String OPTIONS_SHEET = "允许值";
  static final String EXAMPLE_NOTE = "示例行：原样保留时导入会跳过，可直接改写或删除\n"
      + "Example row: skipped on import while left unchanged; overwrite or delete it";

  private TemplateWriter() {
  }

  static byte[] write(ImportKind kind) {
    return write(kind, null);
  }

  /** With {@code rows} (keyed by column), a filled template: those rows instead of the example. */
  static byte[] write(ImportKind kind, List<Map<String, Object>> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XlsxWriter.Styles styles = new XlsxWriter.Styles(wb);
      XSSFSheet sheet = wb.createSheet(kind.sheetName());
      XSSFSheet options = wb.createSheet(OPTIONS_SHEET);
      Drawing<?> drawing = sheet.createDrawingPatriarch();
      Row header = sheet.createRow(0);
      Row example = rows == null ? sheet.createRow(1) : null;
      CellStyle exampleStyle = exampleStyle(wb);
      List<Column> columns = kind.columns();
      int optionColumn = 0;
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        XSSFCell h = (XSSFCell) header.createCell(c);
        h.setCellValue(column.header());
        h.setCellStyle(styles.header);
        h.setCellComment(comment(wb, drawing, c, 0, column.note()));
        if (rows == null) {
          XSSFCell e = (XSSFCell) example.createCell(c);
          put(e, column, column.example() instanceof Column.Option o ? o.code() : column.example(), styles);
          CellStyle merged = wb.createCellStyle();
          merged.cloneStyleFrom(e.getCellStyle());
          merged.setFont(wb.getFontAt(exampleStyle.getFontIndex()));
          e.setCellStyle(merged);
        } else {
          for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.getRow(r + 1) == null ? sheet.createRow(r + 1) : sheet.getRow(r + 1);
            put((XSSFCell) row.createCell(c), column, rows.get(r).get(column.key()), styles);
          }
        }
        if (column.type() == Column.Type.DATE) {
          sheet.setDefaultColumnStyle(c, styles.day);
        }
        sheet.setColumnWidth(c, Math.max(12, Math.min(40, XlsxWriter.displayWidth(column.header()) + 4)) * 256);
        if (!column.options().isEmpty()) {
          dropDown(sheet, options, column, c, optionColumn++);
        }
      }
      if (rows == null) {
        example.getCell(0).setCellComment(comment(wb, drawing, 0, 1, EXAMPLE_NOTE));
      }
      sheet.createFreezePane(0, 1);
      wb.setSheetHidden(wb.getSheetIndex(options), true);
      wb.setActiveSheet(0);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A value as the import reads it back: enumerations by their label, text always as text. */
  private static void put(XSSFCell cell, Column column, Object value, XlsxWriter.Styles styles) {
    if (value == null) {
      return;
    }
    if (column.type() == Column.Type.MULTI) {
      List<?> values = value instanceof List<?> l ? l : List.of(value);
      cell.setCellValue(String.join("、", values.stream().map(v -> {
        Column.Option o = column.option(v.toString());
        return o == null ? v.toString() : o.label();
      }).toList()));
    } else if (!column.options().isEmpty()) {
      Column.Option o = column.option(value.toString());
      cell.setCellValue(o == null ? value.toString() : o.label());
    } else if (column.type() == Column.Type.TEXT) {
      String text = value.toString();
      cell.setCellValue(text);
      if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
        cell.setCellStyle(styles.quoted);
      }
    } else {
      XlsxWriter.fill(cell, value, styles);
    }
  }

  private static CellStyle exampleStyle(XSSFWorkbook wb) {
    Font font = wb.createFont();
    font.setItalic(true);
    font.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
    CellStyle style = wb.createCellStyle();
    style.setFont(font);
    return style;
  }

  static Comment comment(XSSFWorkbook wb, Drawing<?> drawing, int column, int row, String text) {
    ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
    anchor.setCol1(column);
    anchor.setCol2(column + 3);
    anchor.setRow1(row);
    anchor.setRow2(row + 5);
    Comment comment = drawing.createCellComment(anchor);
    comment.setString(wb.getCreationHelper().createRichTextString(text));
    comment.setAuthor("FloodReady");
    return comment;
  }

  /** The column's allowed values go to the hidden sheet; the column gets a list validation pointing there. */
  private static void dropDown(XSSFSheet sheet, XSSFSheet options, Column column, int c, int optionColumn) {
    Row head = options.getRow(0) == null ? options.createRow(0) : options.getRow(0);
    head.createCell(optionColumn).setCellValue(column.key());
    for (int i = 0; i < column.options().size(); i++) {
      Row r = options.getRow(i + 1) == null ? options.createRow(i + 1) : options.getRow(i + 1);
      r.createCell(optionColumn).setCellValue(column.options().get(i).label());
    }
    String letter = CellReference.convertNumToColString(optionColumn);
    String range = "'" + OPTIONS_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (column.options().size() + 1);
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
        new CellRangeAddressList(1, SpreadsheetVersion.EXCEL2007.getLastRowIndex(), c, c));
    if (column.type() == Column.Type.MULTI) {
      validation.setShowErrorBox(false); // a cell of several values is not one of the list's entries
      validation.setShowPromptBox(true);
      validation.createPromptBox("可填多个 Several allowed", "用、或逗号分隔 separate them with 、 or commas");
    } else {
      validation.setShowErrorBox(true);
      validation.createErrorBox("不在允许值内 Not allowed", "请从下拉列表选择 Pick a value from the list");
    }
    validation.setSuppressDropDownArrow(true);
    sheet.addValidationData(validation);
  }
}
