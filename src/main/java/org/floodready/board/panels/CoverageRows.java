package org.floodready.board.panels;

import org.floodready.board.charts.ChartVersions;

import io.vertx.core.Future;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.floodready.app.AppContext;
import org.floodready.inventory.CoverageRow;
import org.floodready.inventory.CoverageService;

/**
 * Every base's coverage for the charts, the shortfall panel and the map, kept per node as one
 * {@link BaseCoverage} per base (category sums, line count, the lines below quota: not every (base, item)
 * row, so the node's memory does not grow with the lots) and brought up to date by what changed: after
 * stock or quota events only the named bases are read again (a cold chart after a write then reads a few
 * dozen rows, not thousands); after anything else, in a new clock period of {@link ChartVersions}, or
 * after a failed read, everything. Reads run one after another, so a slow full read can never overwrite a
 * newer patch.
 */
public final class CoverageRows implements Shareable {
  private final CoverageService coverage;
  private final ChartVersions versions;
  private final AtomicLong fullReads = new AtomicLong();
  private final AtomicLong patchReads = new AtomicLong();
  private Future<List<BaseCoverage>> tail = Future.succeededFuture(List.of());
  private Map<Long, BaseCoverage> byBase;
  private long period = -1;

  private CoverageRows(CoverageService coverage, ChartVersions versions) {
    this.coverage = coverage;
    this.versions = versions;
  }

  public static CoverageRows of(AppContext app) {
    LocalMap<String, CoverageRows> map = app.vertx().sharedData().getLocalMap("floodready.dashboard.coverage");
    CoverageRows fresh = new CoverageRows(new CoverageService(app), ChartVersions.of(app));
    CoverageRows earlier = map.putIfAbsent("rows", fresh);
    return earlier != null ? earlier : fresh;
  }

  /** Every base's coverage, in base order, as of now. */
  public synchronized Future<List<BaseCoverage>> all(OffsetDateTime now) {
    Future<List<BaseCoverage>> next = tail.transform(previous -> read(now));
    tail = next;
    return next;
  }

  private Future<List<BaseCoverage>> read(OffsetDateTime now) {
    ChartVersions.CoverageChanges changes = versions.takeCoverageChanges();
    long currentPeriod = versions.period();
    Map<Long, BaseCoverage> known;
    synchronized (this) {
      known = changes.everything() || currentPeriod != period ? null : byBase;
    }
    Future<Map<Long, BaseCoverage>> updated;
    if (known == null) {
      fullReads.incrementAndGet();
      updated = coverage.coverage(now).map(CoverageRows::byBase);
    } else if (changes.bases().isEmpty()) {
      updated = Future.succeededFuture(known);
    } else {
      patchReads.incrementAndGet();
      updated = coverage.coverageOf(now, Set.of(), changes.bases()).map(rows -> patched(known, changes.bases(), rows));
    }
    return updated.map(rows -> {
      synchronized (this) {
        byBase = rows;
        period = currentPeriod;
      }
      return flat(rows);
    }).onFailure(e -> versions.coverageUnknown());
  }

  private static Map<Long, BaseCoverage> byBase(List<CoverageRow> rows) {
    Map<Long, BaseCoverage> map = new TreeMap<>();
    BaseCoverage.of(rows).forEach(b -> map.put(b.baseId(), b));
    return map;
  }

  private static Map<Long, BaseCoverage> patched(Map<Long, BaseCoverage> known, Set<Long> reread,
      List<CoverageRow> rows) {
    Map<Long, BaseCoverage> map = new TreeMap<>(known);
    reread.forEach(map::remove);
    map.putAll(byBase(rows));
    return map;
  }

  private static List<BaseCoverage> flat(Map<Long, BaseCoverage> byBase) {
    return List.copyOf(byBase.values());
  }

  /** Full reads and partial reads so far (tests check that a write leads to a partial one). */
  public long[] reads() {
    return new long[] {fullReads.get(), patchReads.get()};
  }
}
