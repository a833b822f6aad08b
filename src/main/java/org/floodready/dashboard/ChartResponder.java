package org.floodready.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.floodready.AppContext;
import org.floodready.http.QueryParams;
import org.jfree.chart.ChartUtils;

/**
 * Serves a chart as PNG: validated size, ETag from chart + parameters + size + data digest, 304 when
 * the client has it, otherwise the cached image or one render on a worker thread.
 */
final class ChartResponder {
  static final int MIN_WIDTH = 200;
  static final int MIN_HEIGHT = 150;
  static final int MAX_WIDTH = 2000;
  static final int MAX_HEIGHT = 1200;

  private final AppContext app;
  private final ChartCache cache;

  ChartResponder(AppContext app) {
    this.app = app;
    this.cache = ChartCache.of(app.vertx());
  }

  /** The requested size; outside the limits is a 400 naming width or height. */
  static int[] size(RoutingContext ctx, int defaultWidth, int defaultHeight) {
    QueryParams q = new QueryParams(ctx);
    int width = q.integer("width", defaultWidth, MIN_WIDTH, MAX_WIDTH);
    int height = q.integer("height", defaultHeight, MIN_HEIGHT, MAX_HEIGHT);
    return new int[] {width, height};
  }

  void serve(RoutingContext ctx, String chart, Map<String, Object> params, int[] size, Future<ChartSpec> spec) {
    spec.compose(s -> {
      String etag = etag(chart, params, size, s);
      String ifNoneMatch = ctx.request().getHeader("If-None-Match");
      if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
        return ctx.response().setStatusCode(304).putHeader("ETag", etag)
            .putHeader("Cache-Control", "private, no-cache").end();
      }
      Future<byte[]> image = cache.get(etag, () -> app.blocking(() -> png(s, size[0], size[1])));
      return onThisContext(image).compose(bytes -> ctx.response()
          .putHeader("Content-Type", "image/png")
          .putHeader("ETag", etag)
          .putHeader("Cache-Control", "private, no-cache")
          .end(io.vertx.core.buffer.Buffer.buffer(bytes)));
    }).onFailure(ctx::fail);
  }

  static byte[] png(ChartSpec spec, int width, int height) throws java.io.IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    ChartUtils.writeChartAsPNG(out, spec.build(), width, height);
    return out.toByteArray();
  }

  private static String etag(String chart, Map<String, Object> params, int[] size, ChartSpec spec) {
    String text = chart + "|" + new TreeMap<>(params) + "|" + size[0] + "x" + size[1] + "|" + spec.digest();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "\"" + chart + "-" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A shared render may complete on another verticle's context; answer on ours. */
  private static <T> Future<T> onThisContext(Future<T> f) {
    var context = Vertx.currentContext();
    return context == null ? f : Future.fromCompletionStage(f.toCompletionStage(), context);
  }
}
