package org.floodready.board.charts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import org.floodready.app.AppContext;
import org.floodready.web.QueryParams;

/**
 * Serves a chart as PNG. A request is looked up by chart, parameters, size and the data version of its
 * source ({@link ChartVersions}): a hit answers from memory without reading any data. On a miss the data
 * is read (the version was taken before), the ETag is made from chart, parameters, size and a digest of
 * the figures, and the image is rendered once on a worker thread unless that ETag's image is cached. 304
 * when the client has it. {@code Server-Timing} tells a hit from a miss and gives the miss's data read and
 * JFreeChart time.
 */
public final class ChartResponder {
  static final int MIN_WIDTH = 200;
  static final int MIN_HEIGHT = 150;
  static final int MAX_WIDTH = 2000;
  static final int MAX_HEIGHT = 1200;

  /**
   * Rendering is CPU-bound and an image of the largest size takes ~10 MB while drawn: more renders at once
   * than cores would only hold more of them in the heap, so they queue on a pool of that size.
   */
  static final int RENDER_THREADS = Runtime.getRuntime().availableProcessors();

  private final ChartCache cache;
  private final ChartVersions versions;
  private final WorkerExecutor renderers;

  public ChartResponder(AppContext app) {
    this.cache = ChartCache.of(app.vertx());
    this.versions = ChartVersions.of(app);
    this.renderers = app.vertx().createSharedWorkerExecutor("floodready-chart-render", RENDER_THREADS);
  }

  /** The requested size; outside the limits is a 400 naming width or height. */
  public static int[] size(RoutingContext ctx, int defaultWidth, int defaultHeight) {
    QueryParams q = new QueryParams(ctx);
    int width = q.integer("width", defaultWidth, MIN_WIDTH, MAX_WIDTH);
    int height = q.integer("height", defaultHeight, MIN_HEIGHT, MAX_HEIGHT);
    return new int[] {width, height};
  }

  /**
   * Answers with the chart once {@code allowed} succeeded (the caller's access check, which must not
   * depend on the data version). {@code figures} reads the data; it runs only on a miss.
   */
  public void serve(RoutingContext ctx, ChartKey key, Future<?> allowed, Supplier<Future<ChartSpec>> figures) {
    serve(ctx, key, allowed, version -> figures.get());
  }

  /** As above, for figures derived from data shared by several charts, cached under the data version given. */
  public void serve(RoutingContext ctx, ChartKey key, Future<?> allowed, Function<String, Future<ChartSpec>> figures) {
    allowed.compose(ok -> {
      String version = versions.version(key.source());
      Future<ChartAnswer> answer = cache.answers.get(key.text() + "|" + version, () -> answer(key, version, figures));
      if (answer.succeeded()) {
        return respond(ctx, answer.result(), ChartAnswer.hitTiming());
      }
      return onThisContext(answer).compose(a -> respond(ctx, a, a.missTiming()));
    }).onFailure(ctx::fail);
  }

  private Future<ChartAnswer> answer(ChartKey key, String version, Function<String, Future<ChartSpec>> figures) {
    Future<ChartData> data = cache.data.get(key.dataText() + "|" + version, () -> read(figures, version));
    boolean readNow = !data.isComplete();
    return data.compose(d -> {
      String etag = etag(key, d.digest());
      boolean[] rendered = {false};
      Future<RenderedChart> image = cache.images.get(etag, () -> {
        rendered[0] = true;
        return renderers.executeBlocking(() -> render(d.spec(), key.width(), key.height()), false);
      });
      return image.map(img -> new ChartAnswer(etag, img, readNow ? d.readMs() : null, rendered[0]));
    });
  }

  private static Future<ChartData> read(Function<String, Future<ChartSpec>> figures, String version) {
    long start = System.nanoTime();
    return figures.apply(version).map(spec -> new ChartData(spec, spec.digest(), (System.nanoTime() - start) / 1e6));
  }

  private static Future<Void> respond(RoutingContext ctx, ChartAnswer a, String timing) {
    var response = ctx.response().putHeader("ETag", a.etag()).putHeader("Cache-Control", "private, no-cache")
        .putHeader("Server-Timing", timing);
    String ifNoneMatch = ctx.request().getHeader("If-None-Match");
    if (ifNoneMatch != null && (ifNoneMatch.contains(a.etag()) || ifNoneMatch.trim().equals("*"))) {
      return response.setStatusCode(304).end();
    }
    // A PNG is compressed already: identity keeps the server's gzip from compressing it again per request.
    return response.putHeader("Content-Type", "image/png")
        .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY)
        .end(a.image().png());
  }

  /** Builds, draws and encodes the chart: JFreeChart's own time, reported as {@code render}. */
  static RenderedChart render(ChartSpec spec, int width, int height) throws java.io.IOException {
    long start = System.nanoTime();
    byte[] png = png(spec, width, height);
    double ms = (System.nanoTime() - start) / 1e6;
    return new RenderedChart(Buffer.buffer(png), ms);
  }

  public static byte[] png(ChartSpec spec, int width, int height) throws java.io.IOException {
    return PngEncoder.png(spec.build(), width, height);
  }

  private static String etag(ChartKey key, String digest) {
    String text = key.text() + "|" + digest;
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "\"" + key.chart() + "-" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A shared answer may complete on another verticle's context; answer on ours. */
  private static <T> Future<T> onThisContext(Future<T> f) {
    var context = Vertx.currentContext();
    return context == null ? f : Future.fromCompletionStage(f.toCompletionStage(), context);
  }
}
