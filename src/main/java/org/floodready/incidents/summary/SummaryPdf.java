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
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.floodready.print.PdfTables;

/** The incident summary as PDF (OpenPDF, landscape A4) with the same embedded CJK font as the daily report. */
final class SummaryPdf {
  private SummaryPdf() {
  }

  /** Blocking: run via app.blocking. */
  static byte[] render(IncidentSummary s) throws Exception {
    BaseFont base = PdfTables.baseFont();
    Font text = new Font(base, 9);
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
      facts.addCell(PdfTables.header(fact.get(0), new Font(base, 9, Font.BOLD)));
      facts.addCell(new PdfPCell(new Phrase(fact.get(1), text)));
    }
    doc.add(facts);
    for (SummaryTable t : s.tables()) {
      Paragraph h = new Paragraph(16, t.title(), new Font(base, 12, Font.BOLD));
      h.setSpacingBefore(10);
      h.setSpacingAfter(4);
      doc.add(h);
      doc.add(t.rows().isEmpty() ? new Paragraph("无记录 None", text) : PdfTables.table(base, t.columns(), t.rows()));
    }
    doc.close();
    return out.toByteArray();
  }
}
