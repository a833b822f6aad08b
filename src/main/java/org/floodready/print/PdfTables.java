package org.floodready.print;

import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;
import java.util.List;

/** What every PDF report shares: the embedded CJK font and a full-width table with a shaded header row. */
public final class PdfTables {
  private PdfTables() {
  }

  /** The CJK font embedded (Identity-H), or Helvetica when the machine has none. */
  public static BaseFont baseFont() throws Exception {
    String file = CjkFonts.pdfFontFile().orElse(null);
    if (file == null) {
      return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    }
    return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
  }

  /** A header row repeated on each page, then the rows; cells as people read them (see ReportTable.text). */
  public static PdfPTable table(BaseFont base, List<String> columns, List<? extends List<?>> rows) {
    Font text = new Font(base, 9);
    PdfPTable table = new PdfPTable(columns.size());
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String c : columns) {
      table.addCell(header(c, new Font(base, 9, Font.BOLD)));
    }
    for (List<?> row : rows) {
      for (Object c : row) {
        table.addCell(new PdfPCell(new Phrase(ReportTable.text(c), text)));
      }
    }
    return table;
  }

  /** A label cell on the shaded background of header rows. */
  public static PdfPCell header(String label, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(label, font));
    cell.setBackgroundColor(new Color(0xE3, 0xEA, 0xF2));
    return cell;
  }
}
