package org.floodready.board.charts;

/**
 * What a chart request for one data version is answered with, and how it was made: {@code dataMs} is the
 * data read (null when the figures of that version were already in memory), {@code rendered} whether this
 * answer rendered the image (false when an identical image was cached).
 */
public record ChartAnswer(String etag, RenderedChart image, Double dataMs, boolean rendered) {

  /** The W3C Server-Timing value of a request that had to make (or wait for) this answer. */
  String missTiming() {
    StringBuilder t = new StringBuilder("cache;desc=miss");
    if (dataMs != null) {
      t.append(", data;dur=").append(ms(dataMs));
    }
    if (rendered) {
      t.append(", render;dur=").append(ms(image.renderMs()));
    }
    return t.toString();
  }

  static String hitTiming() {
    return "cache;desc=hit";
  }

  private static String ms(double d) {
    return String.format(java.util.Locale.ROOT, "%.1f", d);
  }
}
