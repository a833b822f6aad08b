package org.floodready.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The uploaded workbook with every bad cell filled red and commented with its problems (Chinese and English). */
final class MarkedCopy {
  private MarkedCopy() {
  }

  static byte[] write(XSSFWorkbook wb, Problems problems) {
    Map<Cell, StringBuilder> notes = new LinkedHashMap<>();
    for (Problems.Problem p : problems.list()) {
      Sheet sheet = wb.getSheet(p.sheet());
      Row row = sheet.getRow(p.row() - 1) == null ? sheet.createRow(p.row() - 1) : sheet.getRow(p.row() - 1);
      int col = Math.max(0, p.column());
      Cell cell = row.getCell(col) == null ? row.createCell(col) : row.getCell(col);
      StringBuilder note = notes.computeIfAbsent(cell, c -> new StringBuilder());
      note.append(note.isEmpty() ? "" : "\n").append(p.header() == null ? "" : p.header() + ": ")
          .append(p.messageZh()).append(" / ").append(p.messageEn());
    }
    Map<Short, CellStyle> red = new HashMap<>();
    Map<Sheet, Drawing<?>> drawings = new HashMap<>();
    notes.forEach((cell, note) -> {
      CellStyle style = red.computeIfAbsent(cell.getCellStyle().getIndex(), i -> {
        CellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(cell.getCellStyle());
        s.setFillForegroundColor(IndexedColors.RED.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
      });
      cell.setCellStyle(style);
      cell.removeCellComment();
      Drawing<?> drawing = drawings.computeIfAbsent(cell.getSheet(), Sheet::createDrawingPatriarch);
      cell.setCellComment(TemplateWriter.comment(wb, drawing, cell.getColumnIndex(), cell.getRowIndex(),
          note.toString()));
    });
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
