package org.floodready.board.charts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jfree.chart.JFreeChart;

/**
 * Everything a chart shows, loaded from the database, before rendering. Specs are records, so their
 * text form covers every figure and label: its digest is the chart's data version.
 */
public sealed interface ChartSpec permits BarChartSpec, LevelChartSpec {

  /** Builds the JFreeChart; runs on a worker thread. */
  JFreeChart build();

  default String digest() {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
