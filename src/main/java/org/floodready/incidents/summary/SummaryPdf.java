package org.floodready.incidents.summary;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.floodready.dashboard.CjkFonts;

/** The incident summary as PDF (OpenPDF, landscape A4) with the same embedded CJK font as the daily report. */
final class SummaryPdf {
  private SummaryPdf() {
  }

  /** Blocking: run via app.blocking. */
  static byte[] render(IncidentSummary s) throws Exception {
    String file = CjkFonts.pdfFontFile().orElse(null);
    BaseFont base = file == null ? BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED)
        : BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    Font text = new Font(base, 8);
    Font bold = new Font(base, 8, Font.BOLD);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
    PdfWriter.getInstance(doc, out);
    doc.addTitle("险情物资小结 " + s.incident().label());
    doc.addCreator("FloodReady");
    doc.open();
    Paragraph title = new Paragraph(24, "险情物资小结 Incident supply summary", new Font(base, 16, Font.BOLD));
    title.setSpacingAfter(6);
    doc.add(title);
    PdfPTable facts = new PdfPTable(4);
    facts.setWidthPercentage(100);
    for (List<String> fact : s.facts()) {
      facts.addCell(cell(fact.get(0), bold, new Color(0xE3, 0xEA, 0xF2)));
      facts.addCell(cell(fact.get(1), text, null));
    }
    doc.add(facts);
    for (SummaryTable t : s.tables()) {
      Paragraph h = new Paragraph(16, t.title(), new Font(base, 12, Font.BOLD));
      h.setSpacingBefore(10);
      h.setSpacingAfter(4);
      doc.add(h);
      if (t.rows().isEmpty()) {
        doc.add(new Paragraph("无记录 None", text));
        continue;
      }
      PdfPTable table = new PdfPTable(t.columns().size());
      table.setWidthPercentage(100);
      table.setHeaderRows(1);
      t.columns().forEach(c -> table.addCell(cell(c, bold, new Color(0xE3, 0xEA, 0xF2))));
      t.rows().forEach(row -> row.forEach(c -> table.addCell(cell(c, text, null))));
      doc.add(table);
    }
    doc.close();
    return out.toByteArray();
  }

  private static PdfPCell cell(String value, Font font, Color background) {
    PdfPCell cell = new PdfPCell(new Phrase(value, font));
    if (background != null) {
      cell.setBackgroundColor(background);
    }
    return cell;
  }
}
