package org.floodready.requests;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.floodready.print.CjkFonts;
import org.floodready.field.LotLabelSheet;

/**
 * The paper that travels with the truck (出库单 for an issue to an incident or place, 调拨单 for a transfer to
 * a base): lines, lots, quantities, signature boxes and a QR code that opens the dispatch in the field app,
 * where scanning it at arrival confirms receipt. A4, or 80 mm wide for a receipt printer. Blocking.
 */
final class DispatchNote {
  /** The two paper sizes. */
  enum Size { A4, RECEIPT }

  /** 80 mm in points. */
  private static final float RECEIPT_WIDTH = 80 / 25.4f * 72;

  private DispatchNote() {
  }

  static String code(long dispatchId) {
    return String.format("DN-%06d", dispatchId);
  }

  static String title(JsonObject dispatch) {
    return dispatch.getString("kind").equals("transfer") ? "物资调拨单 Transfer note" : "物资出库单 Dispatch note";
  }

  /** {@code link} is what the QR code holds: the dispatch in the field app. */
  static byte[] render(JsonObject d, JsonObject request, String link, Size size) throws Exception {
    BaseFont base = CjkFonts.pdfFontFile().map(LotLabelSheet::font).orElseGet(() -> LotLabelSheet.font(BaseFont.HELVETICA));
    boolean narrow = size == Size.RECEIPT;
    JsonArray lines = d.getJsonArray("lines");
    Font heading = new Font(base, narrow ? 11 : 16, Font.BOLD);
    Font bold = new Font(base, narrow ? 8 : 10, Font.BOLD);
    Font text = new Font(base, narrow ? 7.5f : 9.5f);
    Font small = new Font(base, narrow ? 6.5f : 8, Font.NORMAL, Color.DARK_GRAY);
    Rectangle page = narrow ? new Rectangle(RECEIPT_WIDTH, 330 + 58 * lines.size()) : PageSize.A4;
    Document doc = narrow ? new Document(page, 8, 8, 10, 10) : new Document(page, 40, 40, 36, 36);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfWriter.getInstance(doc, out);
    doc.addTitle(title(d) + " " + d.getString("code"));
    doc.addCreator("FloodReady");
    doc.open();

    Image qr = Image.getInstance(LotLabelSheet.image(LotLabelSheet.qr(link)), null);
    qr.scaleAbsolute(narrow ? 96 : 110, narrow ? 96 : 110);
    List<String[]> facts = List.of(
        new String[] {"单号 No.", d.getString("code")},
        new String[] {"申请单 Request", "#" + d.getLong("requestId") + " · " + d.getString("unitNameZh")},
        new String[] {"发货基地 From", d.getString("fromBaseNameZh")},
        new String[] {"发往 To", d.getString("destination")},
        new String[] {"需用时间 Needed by", hm(request.getString("neededBy"))},
        new String[] {"出库时间 Dispatched", hm(d.getString("dispatchedAt"))},
        new String[] {"经办 By", d.getString("dispatchedBy")});
    if (narrow) {
      doc.add(centered(title(d), heading));
      qr.setAlignment(Element.ALIGN_CENTER);
      doc.add(qr);
      for (String[] f : facts) {
        doc.add(new Paragraph(f[0] + "：" + f[1], text));
      }
      doc.add(new Paragraph(" ", small));
      for (int i = 0; i < lines.size(); i++) {
        JsonObject l = lines.getJsonObject(i);
        doc.add(new Paragraph((i + 1) + ". " + l.getString("itemNameZh") + " " + l.getString("itemNameEn"), bold));
        doc.add(new Paragraph("   批次 Lot " + l.getString("lotCode") + expiry(l) + "\n   数量 Qty " + qty(l) + "   实收 Received ______",
            text));
      }
      doc.add(new Paragraph(" ", small));
      for (String who : List.of("发货人 Sender", "承运人 Carrier", "收货人 Receiver")) {
        doc.add(new Paragraph(who + "：________________", text));
        doc.add(new Paragraph("日期 Date：______________", small));
      }
    } else {
      PdfPTable top = new PdfPTable(new float[] {4, 1.3f});
      top.setWidthPercentage(100);
      PdfPCell left = new PdfPCell();
      left.setBorder(Rectangle.NO_BORDER);
      left.addElement(new Paragraph(title(d), heading));
      for (String[] f : facts) {
        Paragraph p = new Paragraph();
        p.add(new Phrase(f[0] + "：", bold));
        p.add(new Phrase(f[1], text));
        left.addElement(p);
      }
      top.addCell(left);
      PdfPCell right = new PdfPCell(qr, false);
      right.setBorder(Rectangle.NO_BORDER);
      right.setHorizontalAlignment(Element.ALIGN_RIGHT);
      top.addCell(right);
      doc.add(top);

      PdfPTable table = new PdfPTable(new float[] {0.5f, 3.2f, 2.2f, 1.6f, 1.4f, 1.4f});
      table.setWidthPercentage(100);
      table.setSpacingBefore(12);
      for (String h : List.of("#", "物资 Item", "批次 Lot", "有效期 Expires", "数量 Qty", "实收 Received")) {
        PdfPCell c = new PdfPCell(new Phrase(h, bold));
        c.setBackgroundColor(new Color(0xE8, 0xEE, 0xF4));
        c.setPadding(5);
        table.addCell(c);
      }
      for (int i = 0; i < lines.size(); i++) {
        JsonObject l = lines.getJsonObject(i);
        for (String v : List.of(String.valueOf(i + 1), l.getString("itemNameZh") + " " + l.getString("itemNameEn"),
            l.getString("lotCode"), l.getString("expiresOn") == null ? "—" : l.getString("expiresOn"), qty(l), "")) {
          PdfPCell c = new PdfPCell(new Phrase(v, text));
          c.setPadding(5);
          c.setMinimumHeight(22);
          table.addCell(c);
        }
      }
      doc.add(table);

      PdfPTable signs = new PdfPTable(3);
      signs.setWidthPercentage(100);
      signs.setSpacingBefore(20);
      for (String who : List.of("发货人 Sender", "承运人 Carrier", "收货人 Receiver")) {
        PdfPCell c = new PdfPCell();
        c.setMinimumHeight(70);
        c.setPadding(6);
        c.addElement(new Paragraph(who + "（签字 signature）", bold));
        c.addElement(new Paragraph("\n\n日期 Date：", small));
        signs.addCell(c);
      }
      doc.add(signs);
    }
    Paragraph hint = new Paragraph("到达后用防汛外勤扫描二维码确认收货（实收数量、短少） · Scan the QR code in the field app"
        + " at arrival to confirm receipt with the quantities received.", small);
    hint.setSpacingBefore(10);
    doc.add(hint);
    doc.add(new Paragraph(link, small));
    doc.close();
    return out.toByteArray();
  }

  private static String qty(JsonObject l) {
    return l.getValue("quantity") + " " + l.getString("unitOfMeasure");
  }

  private static String expiry(JsonObject l) {
    return l.getString("expiresOn") == null ? "" : " · 有效期至 exp. " + l.getString("expiresOn");
  }

  /** An ISO time as "2026-07-20 14:05" (the district's offset is already applied). */
  private static String hm(String iso) {
    return iso == null ? "—" : iso.substring(0, Math.min(16, iso.length())).replace('T', ' ');
  }

  private static Paragraph centered(String s, Font font) {
    Paragraph p = new Paragraph(s, font);
    p.setAlignment(Element.ALIGN_CENTER);
    return p;
  }
}
