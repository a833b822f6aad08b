package org.floodready.inventory;

import io.vertx.core.Future;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The k first sources of many needs without reading every base's stock of every item (at 5,000 bases that
 * was 5,000 rows per short item, then a ranking of all of them per short line). The bases are put in
 * {@link Sourcing#rank}'s order once per base in need (positions only, the nearest 64 kept), then walked in windows: the stock of
 * the next few bases of every unfinished need is read in one query (by the lots' and quotas' (base, item)
 * keys), and a need is finished when it has k givers or no base is left. A need still unfinished after the
 * last window (its item has few givers, all far away) is ranked from every base's stock of its item, as
 * before, so the answer is always what {@link Sourcing#rank} gives.
 */
final class NearestSources {
  /** The ends of the windows walked before falling back to every base's stock of the item. */
  static final int[] WINDOWS = {8, 64};

  private final CoverageService coverage;
  private final BaseRepository bases;

  NearestSources(CoverageService coverage, BaseRepository bases) {
    this.coverage = coverage;
    this.bases = bases;
  }

  /** A need's walk along the bases nearest it. */
  private static final class Walk {
    final Sourcing.Need need;
    final Sourcing.Position origin;
    final List<Sourcing.Position> order;
    final int others;
    final List<Sourcing.Stock> givers = new ArrayList<>();
    int next;
    boolean done;

    Walk(Sourcing.Need need, Sourcing.Position origin, List<Sourcing.Position> order, int others) {
      this.need = need;
      this.origin = origin;
      this.order = order;
      this.others = others;
    }

    double lat() {
      return origin == null || origin.lat() == null ? Double.NaN : origin.lat();
    }

    double lon() {
      return origin == null || origin.lon() == null ? Double.NaN : origin.lon();
    }
  }

  Future<List<Sourcing.Plan>> find(List<Sourcing.Need> needs, int k, OffsetDateTime now) {
    int last = WINDOWS[WINDOWS.length - 1];
    return coverage.level().compose(level -> bases.positions().compose(all -> {
      Map<Long, Sourcing.Position> byId = new HashMap<>();
      all.forEach(b -> byId.put(b.baseId(), b));
      Map<Long, List<Sourcing.Position>> orders = new HashMap<>();
      List<Walk> walks = new ArrayList<>(needs.size());
      for (Sourcing.Need n : needs) {
        Sourcing.Position origin = byId.getOrDefault(n.baseId(), new Sourcing.Position(n.baseId(), null, null));
        List<Sourcing.Position> order = orders.computeIfAbsent(n.baseId(),
            id -> Sourcing.nearestFirst(all, origin, last));
        walks.add(new Walk(n, origin, order, all.size() - (byId.containsKey(n.baseId()) ? 1 : 0)));
      }
      Future<Void> chain = Future.succeededFuture();
      for (int end : WINDOWS) {
        chain = chain.compose(v -> window(walks, end, k, now, level));
      }
      return chain.compose(v -> rest(walks, k, now, level)).map(v -> plans(walks));
    }));
  }

  /** Reads the stock of the bases up to {@code end} of every unfinished walk and takes their givers. */
  private Future<Void> window(List<Walk> walks, int end, int k, OffsetDateTime now, ResponseLevel level) {
    List<Long> baseIds = new ArrayList<>();
    List<Long> itemIds = new ArrayList<>();
    for (Walk w : walks) {
      if (!w.done) {
        for (int i = w.next; i < Math.min(end, w.order.size()); i++) {
          baseIds.add(w.order.get(i).baseId());
          itemIds.add(w.need.itemId());
        }
      }
    }
    if (baseIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return coverage.stockOf(baseIds, itemIds, now, level).map(stock -> {
      for (Walk w : walks) {
        if (w.done) {
          continue;
        }
        int stop = Math.min(end, w.order.size());
        for (; w.next < stop && w.givers.size() < k; w.next++) {
          CoverageRepository.PairStock s = stock.get(new CoverageRepository.Pair(w.order.get(w.next).baseId(),
              w.need.itemId()));
          Sourcing.Stock at = s == null ? null : new Sourcing.Stock(s.base(), s.usable(), s.required());
          if (at != null && at.spare().signum() > 0) {
            w.givers.add(at);
          }
        }
        w.done = w.givers.size() >= k || w.next >= w.others;
      }
      return null;
    });
  }

  /** The walks still unfinished: every base's stock of their items, ranked in full. */
  private Future<Void> rest(List<Walk> walks, int k, OffsetDateTime now, ResponseLevel level) {
    List<Walk> open = walks.stream().filter(w -> !w.done).toList();
    if (open.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Long> items = open.stream().map(w -> w.need.itemId()).distinct().toList();
    return coverage.stockAtEveryBase(items, now, level).map(stock -> {
      for (Walk w : open) {
        w.givers.clear();
        Sourcing.rank(stock.getOrDefault(w.need.itemId(), List.of()), w.need.baseId(), w.lat(), w.lon(),
            w.need.quantity()).sources().stream().limit(k).forEach(s -> w.givers.add(s.stock()));
        w.done = true;
      }
      return null;
    });
  }

  private static List<Sourcing.Plan> plans(List<Walk> walks) {
    return walks.stream()
        .map(w -> Sourcing.rank(w.givers, w.need.baseId(), w.lat(), w.lon(), w.need.quantity())).toList();
  }
}
