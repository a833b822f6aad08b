package org.floodready.board.charts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A bounded cache of futures (Caffeine, size-bound). The entry is the Future itself, so callers that ask while
 * a value loads wait for that one load; a failed load is forgotten, so the next caller tries again.
 */
public final class FlightCache<T> {
  private final int maxEntries;
  private final Cache<String, Future<T>> entries;
  private final AtomicLong loads = new AtomicLong();

  public FlightCache(int maxEntries) {
    this.maxEntries = maxEntries;
    // evictions on the calling thread: they only drop references, and no pool thread is woken for it
    this.entries = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
  }

  /** The cached or in-flight value for the key, else starts {@code load} and remembers its Future. */
  public Future<T> get(String key, Supplier<Future<T>> load) {
    Future<T> cached = entries.getIfPresent(key);
    if (cached != null && !cached.failed()) {
      return cached;
    }
    Future<T> value = entries.asMap().compute(key, (k, earlier) -> {
      if (earlier != null && !earlier.failed()) {
        return earlier;
      }
      loads.incrementAndGet();
      return startSafely(load);
    });
    value.onFailure(e -> entries.asMap().remove(key, value));
    return value;
  }

  /** How many loads were started. */
  long loads() {
    return loads.get();
  }

  int maxEntries() {
    return maxEntries;
  }

  /** How many entries are held once pending evictions are done. */
  long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }

  private static <T> Future<T> startSafely(Supplier<Future<T>> load) {
    try {
      return load.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
