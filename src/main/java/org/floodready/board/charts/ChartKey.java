package org.floodready.board.charts;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which chart a request asks for: the chart, its parameters (everything that selects its data, including
 * the caller's scope where it limits the data), the size, and the data source whose version it follows.
 */
public record ChartKey(String chart, Map<String, Object> params, int width, int height, String source) {

  public ChartKey(String chart, Map<String, Object> params, int[] size, String source) {
    this(chart, params, size[0], size[1], source);
  }

  /** Chart and parameters, without the size: the same figures serve every size. */
  String dataText() {
    return chart + "|" + new TreeMap<>(params);
  }

  String text() {
    return dataText() + "|" + width + "x" + height;
  }
}
