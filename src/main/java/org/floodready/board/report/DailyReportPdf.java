package org.floodready.board.report;

import org.floodready.print.ReportTable;

import org.floodready.print.PdfTables;

import org.floodready.board.charts.ChartResponder;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;

/** The daily report as PDF (OpenPDF), with the CJK font embedded so it reads the same everywhere. */
public final class DailyReportPdf {
  private DailyReportPdf() {
  }

  /** Blocking: run via app.blocking. */
  static byte[] render(DailyReport r) throws Exception {
    BaseFont base = PdfTables.baseFont();
    Font title = new Font(base, 18, Font.BOLD);
    Font heading = new Font(base, 13, Font.BOLD);
    Font text = new Font(base, 9);
    Font small = new Font(base, 8, Font.NORMAL, Color.DARK_GRAY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
    PdfWriter.getInstance(doc, out);
    doc.addTitle("防汛值班日报 " + r.date());
    doc.addCreator("FloodReady");
    doc.open();
    // Leading set from each font's own size: with the default the 18 pt title's descenders ran into the
    // subtitle below it, which read as a line struck through the subtitle.
    Paragraph heading1 = new Paragraph(26, "防汛值班日报 Daily duty report " + r.date(), title);
    heading1.setSpacingAfter(4);
    doc.add(heading1);
    Paragraph subtitle = new Paragraph(12, "日期 Date: " + r.date() + "   时区 Time zone " + r.zone() + "   生成于 Generated "
        + r.generatedAt() + "   " + r.generatedBy(), small);
    subtitle.setSpacingAfter(6);
    doc.add(subtitle);
    for (ReportTable t : r.tables()) {
      Paragraph h = new Paragraph(18, t.title(), heading);
      h.setSpacingBefore(12);
      h.setSpacingAfter(6);
      doc.add(h);
      if (t.note() != null) {
        Paragraph note = new Paragraph(11, t.note(), small);
        note.setSpacingAfter(4);
        doc.add(note);
      }
      if (t.rows().isEmpty()) {
        doc.add(new Paragraph("无记录 None", text));
        continue;
      }
      PdfPTable table = PdfTables.table(base, t.columns(), t.rows());
      doc.add(table);
    }
    for (DailyReport.Chart c : r.charts()) {
      // Title and image in one unbreakable block, so a title never ends a page without its chart.
      PdfPTable block = new PdfPTable(1);
      block.setWidthPercentage(100);
      block.setKeepTogether(true);
      block.setSpacingBefore(12);
      PdfPCell caption = new PdfPCell(new Phrase(c.title(), heading));
      caption.setBorder(PdfPCell.NO_BORDER);
      block.addCell(caption);
      Image img = Image.getInstance(ChartResponder.png(c.spec(), 1000, 480));
      img.scaleToFit(doc.getPageSize().getWidth() - 72, 300);
      PdfPCell picture = new PdfPCell(img, false);
      picture.setBorder(PdfPCell.NO_BORDER);
      picture.setHorizontalAlignment(Element.ALIGN_CENTER);
      block.addCell(picture);
      doc.add(block);
    }
    doc.close();
    return out.toByteArray();
  }

}
