package org.floodready.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Rendered charts of one node, shared by all its HTTP verticle instances. Keyed by chart, parameters,
 * size and data digest, so a change of data is a new key and stale images are never served. The entry
 * is the Future itself: identical requests that arrive while a chart renders wait for that one render.
 */
public final class ChartCache implements Shareable {
  static final int MAX_ENTRIES = 256;

  private final Map<String, Future<byte[]>> entries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Future<byte[]>> eldest) {
      return size() > MAX_ENTRIES;
    }
  };
  private final AtomicLong renders = new AtomicLong();

  public static ChartCache of(Vertx vertx) {
    LocalMap<String, ChartCache> map = vertx.sharedData().getLocalMap("floodready.dashboard");
    ChartCache cache = map.get("charts");
    if (cache == null) {
      map.putIfAbsent("charts", new ChartCache());
      cache = map.get("charts");
    }
    return cache;
  }

  /** The cached or in-flight image for the key, else starts {@code render} and remembers its Future. */
  public Future<byte[]> get(String key, Supplier<Future<byte[]>> render) {
    Future<byte[]> image;
    synchronized (entries) {
      image = entries.get(key);
      if (image != null && !image.failed()) {
        return image;
      }
      renders.incrementAndGet();
      image = render.get();
      entries.put(key, image);
    }
    Future<byte[]> started = image;
    started.onFailure(e -> {
      synchronized (entries) {
        entries.remove(key, started);
      }
    });
    return started;
  }

  /** How many renders were started on this node (a test checks concurrent requests render once). */
  public long renders() {
    return renders.get();
  }
}
