package org.floodready.board.charts;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.List;

/**
 * The charts of one node, shared by all its HTTP verticle instances, in three bounded maps:
 * <ul>
 * <li>{@code answers}: chart + parameters + size + data version → ETag and image; a cached GET is one
 *     lookup here, with no data read;</li>
 * <li>{@code data}: chart + parameters + data version → what the chart shows, so another size of the same
 *     chart renders without reading the data again;</li>
 * <li>{@code images}: ETag (which covers the data itself) → PNG, so a new data version whose figures did
 *     not change reuses the image instead of rendering it again.</li>
 * </ul>
 */
public final class ChartCache implements Shareable {
  static final int MAX_ANSWERS = 128;
  static final int MAX_DATA = 64;
  static final int MAX_IMAGES = 128;

  final FlightCache<ChartAnswer> answers = new FlightCache<>(MAX_ANSWERS);
  final FlightCache<ChartData> data = new FlightCache<>(MAX_DATA);
  final FlightCache<RenderedChart> images = new FlightCache<>(MAX_IMAGES);
  /** Bases' coverage by scope and data version: the coverage charts by base and by category share one read. */
  public final FlightCache<List<?>> coverageRows = new FlightCache<>(4);

  public static ChartCache of(Vertx vertx) {
    LocalMap<String, ChartCache> map = vertx.sharedData().getLocalMap("floodready.dashboard");
    ChartCache cache = map.get("charts");
    if (cache == null) {
      ChartCache fresh = new ChartCache();
      ChartCache earlier = map.putIfAbsent("charts", fresh);
      cache = earlier == null ? fresh : earlier;
    }
    return cache;
  }

  /** How many renders were started on this node (a test checks concurrent requests render once). */
  public long renders() {
    return images.loads();
  }

  /** How many times this node read a chart's data (a cached GET must not). */
  long dataReads() {
    return data.loads();
  }
}
