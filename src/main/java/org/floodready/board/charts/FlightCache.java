package org.floodready.board.charts;

import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded map of futures, least recently used out first. The entry is the Future itself, so callers
 * that ask while a value loads wait for that one load; a failed load is forgotten, so the next caller
 * tries again.
 */
public final class FlightCache<T> {
  private final int maxEntries;
  private final Map<String, Future<T>> entries;
  private final AtomicLong loads = new AtomicLong();

  FlightCache(int maxEntries) {
    this.maxEntries = maxEntries;
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Future<T>> eldest) {
        return size() > FlightCache.this.maxEntries;
      }
    };
  }

  /** The cached or in-flight value for the key, else starts {@code load} and remembers its Future. */
  public Future<T> get(String key, Supplier<Future<T>> load) {
    Future<T> value;
    synchronized (entries) {
      value = entries.get(key);
      if (value != null && !value.failed()) {
        return value;
      }
      loads.incrementAndGet();
      value = startSafely(load);
      entries.put(key, value);
    }
    Future<T> started = value;
    started.onFailure(e -> {
      synchronized (entries) {
        entries.remove(key, started);
      }
    });
    return started;
  }

  /** How many loads were started. */
  long loads() {
    return loads.get();
  }

  int maxEntries() {
    return maxEntries;
  }

  private static <T> Future<T> startSafely(Supplier<Future<T>> load) {
    try {
      return load.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
