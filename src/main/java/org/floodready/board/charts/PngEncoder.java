package org.floodready.board.charts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;

/**
 * Draws a chart into an opaque image and encodes it as PNG. Charts have a white background, so no alpha
 * channel is needed; a lighter deflate level than ImageIO's default made the encoding about 4x faster
 * for ~6 % more bytes (measured on the coverage chart), and the in-memory stream avoids ImageIO's temp
 * file cache.
 */
public final class PngEncoder {
  /** ImageIO's PNG writer maps this to a low deflate level. */
  static final float COMPRESSION_QUALITY = 0.75f;

  private PngEncoder() {
  }

  static byte[] png(JFreeChart chart, int width, int height) throws IOException {
    BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(COMPRESSION_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
