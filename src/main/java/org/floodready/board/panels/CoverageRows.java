package org.floodready.board.panels;

import org.floodready.board.charts.ChartVersions;

import io.vertx.core.Future;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * dozen rows, not thousands); after anything else, on a new day, or after a failed read, everything, before
 * answering; in a new clock period of {@link ChartVersions} everything again, but beside the requests (see
 * {@link #refreshInBackground}). Reads run one after another, and a full read never overwrites a newer patch.
 */
public final class CoverageRows implements Shareable {
  /** Rows per cursor read of a full read. */
  static final int CHUNK = 2_000;

  private final CoverageService coverage;
  private final ChartVersions versions;
  private final AtomicLong fullReads = new AtomicLong();
  private final AtomicLong patchReads = new AtomicLong();
  private Future<List<BaseCoverage>> tail = Future.succeededFuture(List.of());
  private final ZoneId zone;
  private Map<Long, BaseCoverage> byBase;
  private long period = -1;
  private LocalDate day;
  private Set<Long> patchedDuringRefresh;
  private long fullReadSequence;
  private long landedFullRead;

  private CoverageRows(CoverageService coverage, ChartVersions versions, ZoneId zone) {
    this.coverage = coverage;
    this.versions = versions;
    this.zone = zone;
  }

  public static CoverageRows of(AppContext app) {
    LocalMap<String, CoverageRows> map = app.vertx().sharedData().getLocalMap("floodready.dashboard.coverage");
    CoverageRows fresh = new CoverageRows(new CoverageService(app), ChartVersions.of(app), app.config().zone());
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
    LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
    boolean full;
    boolean newPeriod;
    synchronized (this) {
      full = changes.everything() || byBase == null || !today.equals(day);
      newPeriod = !full && currentPeriod != period;
      if (newPeriod) {
        period = currentPeriod;
      }
    }
    if (newPeriod) {
      refreshInBackground(now);
    }
    Future<List<BaseCoverage>> updated;
    if (full) {
      long started = fullReadStarted();
      updated = readAll(now).map(rows -> {
        synchronized (this) {
          landFullRead(started, rows);
          period = currentPeriod;
          day = today;
          return flat(byBase);
        }
      });
    } else if (changes.bases().isEmpty()) {
      synchronized (this) {
        updated = Future.succeededFuture(flat(byBase));
      }
    } else {
      patchReads.incrementAndGet();
      updated = coverage.coverageOf(now, Set.of(), changes.bases()).map(rows -> {
        synchronized (this) {
          byBase = patched(byBase, changes.bases(), rows);
          if (patchedDuringRefresh != null) {
            patchedDuringRefresh.addAll(changes.bases());
          }
          return flat(byBase);
        }
      });
    }
    return updated.onFailure(e -> versions.coverageUnknown());
  }

  /**
   * A new clock period within the same day changes no usable stock (expiry and test dates move by the day), only
   * what no event reports (catalogue and base names): so the full read of a new period runs beside the requests,
   * which meanwhile get the figures they had. Bases patched while it runs keep their newer patch.
   */
  private void refreshInBackground(OffsetDateTime now) {
    long started;
    synchronized (this) {
      if (patchedDuringRefresh != null) {
        return;
      }
      patchedDuringRefresh = new java.util.HashSet<>();
      started = fullReadStarted();
    }
    readAll(now).onComplete(ar -> {
      synchronized (this) {
        Set<Long> patchedMeanwhile = patchedDuringRefresh;
        patchedDuringRefresh = null;
        if (ar.failed()) {
          versions.coverageUnknown();
          return;
        }
        Map<Long, BaseCoverage> fresh = ar.result();
        for (Long id : patchedMeanwhile) {
          BaseCoverage patch = byBase == null ? null : byBase.get(id);
          if (patch == null) {
            fresh.remove(id);
          } else {
            fresh.put(id, patch);
          }
        }
        landFullRead(started, fresh);
      }
    });
  }

  private synchronized long fullReadStarted() {
    fullReads.incrementAndGet();
    return ++fullReadSequence;
  }

  /** Keeps a full read unless one started after it has landed already. */
  private synchronized void landFullRead(long started, Map<Long, BaseCoverage> rows) {
    if (started > landedFullRead) {
      landedFullRead = started;
      byBase = rows;
    }
  }

  /** Every base's figures, folded base by base from the rows as they come (never all rows at once). */
  private Future<Map<Long, BaseCoverage>> readAll(OffsetDateTime now) {
    Map<Long, BaseCoverage> out = new TreeMap<>();
    List<CoverageRow> base = new ArrayList<>();
    return coverage.coverageInChunks(now, CHUNK, rows -> {
      for (CoverageRow r : rows) {
        if (!base.isEmpty() && base.get(0).baseId() != r.baseId()) {
          out.putAll(byBase(base));
          base.clear();
        }
        base.add(r);
      }
    }).map(v -> {
      out.putAll(byBase(base));
      return out;
    });
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
