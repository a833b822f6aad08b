package org.floodready.field;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.floodready.print.CjkFonts;

/**
 * A printable A4 sheet of lot labels, three across: each a QR code that opens the lot in the field app, with
 * the lot code, the item in Chinese and English and the expiry printed beside it. Blocking: render off the
 * event loop.
 */
public final class LotLabelSheet {
  private static final int COLUMNS = 3;
  private static final int QR_PIXELS = 240;

  /** One label: {@code link} is what the QR code holds. */
  public record Label(String link, String lotCode, String itemZh, String itemEn, String quantity, String expires) {
  }

  private LotLabelSheet() {
  }

  public static byte[] render(String title, List<Label> labels) throws Exception {
    BaseFont base = CjkFonts.pdfFontFile()
        .map(file -> font(file))
        .orElseGet(() -> font(BaseFont.HELVETICA));
    Font heading = new Font(base, 12, Font.BOLD);
    Font code = new Font(base, 10, Font.BOLD);
    Font text = new Font(base, 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document(PageSize.A4, 24, 24, 28, 28);
    PdfWriter.getInstance(doc, out);
    doc.addTitle(title);
    doc.addCreator("FloodReady");
    doc.open();
    doc.add(new Paragraph(title, heading));
    PdfPTable table = new PdfPTable(COLUMNS);
    table.setWidthPercentage(100);
    table.setSpacingBefore(8);
    for (Label label : labels) {
      PdfPCell cell = new PdfPCell();
      cell.setBorderColor(Color.LIGHT_GRAY);
      cell.setPadding(6);
      Image qr = Image.getInstance(image(qr(label.link())), null);
      qr.scaleAbsolute(110, 110);
      qr.setAlignment(Element.ALIGN_CENTER);
      cell.addElement(qr);
      cell.addElement(centered(label.lotCode(), code));
      cell.addElement(centered(label.itemZh() + " " + label.itemEn(), text));
      cell.addElement(centered(label.quantity() + (label.expires() == null ? "" : "  有效期至 exp. " + label.expires()), text));
      table.addCell(cell);
    }
    int rest = (COLUMNS - labels.size() % COLUMNS) % COLUMNS;
    for (int i = 0; i < rest; i++) {
      PdfPCell empty = new PdfPCell();
      empty.setBorder(Rectangle.NO_BORDER);
      table.addCell(empty);
    }
    if (labels.isEmpty()) {
      doc.add(new Paragraph("本仓库没有在库批次 No lots in stock at this base", text));
    } else {
      doc.add(table);
    }
    doc.close();
    return out.toByteArray();
  }

  public static BitMatrix qr(String content) throws WriterException {
    return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, QR_PIXELS, QR_PIXELS,
        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1,
            EncodeHintType.CHARACTER_SET, "UTF-8"));
  }

  /** Black modules on white, one pixel each (the PDF scales it without smoothing). */
  public static java.awt.image.BufferedImage image(BitMatrix m) {
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(m.getWidth(), m.getHeight(),
        java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        img.setRGB(x, y, m.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    return img;
  }

  private static Paragraph centered(String s, Font font) {
    Paragraph p = new Paragraph(s, font);
    p.setAlignment(Element.ALIGN_CENTER);
    return p;
  }

  public static BaseFont font(String file) {
    try {
      return file.equals(BaseFont.HELVETICA) ? BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED)
          : BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    } catch (Exception e) {
      throw new IllegalStateException("font " + file, e);
    }
  }
}
