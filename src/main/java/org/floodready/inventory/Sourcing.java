package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.geo.Geo;

/**
 * "Where to get it from", the one implementation behind {@code GET /api/coverage/sources}, the board's
 * shortfall panel and the allocation of supply requests: bases that can give an item without falling below
 * their own quota, nearest first by straight line (bases without a position last, then by id), each giving
 * at most its spare until the need is covered. Within a base, lots are taken first-expired-first-out, and for
 * equipment the lot whose last test run passed comes first.
 */
public final class Sourcing {
  /** One base's usable stock of an item and its own requirement at the response level (null without a quota). */
  public record Stock(Base base, BigDecimal usable, BigDecimal required) {
    /** What the base can give and stay at its own quota; never negative. */
    public BigDecimal spare() {
      return Quantities.orZero(usable).subtract(Quantities.orZero(required)).max(BigDecimal.ZERO);
    }
  }

  /** A base that can give: its stock, spare, distance (null without positions) and the part of the need it covers. */
  public record Source(Stock stock, BigDecimal spare, Double km, BigDecimal suggested) {
    public JsonObject toJson() {
      return stock.base().toJson().put("distanceKm", km == null ? null : Math.round(km * 100) / 100.0)
          .put("usable", Quantities.json(stock.usable())).put("ownRequired", Quantities.json(stock.required()))
          .put("spare", Quantities.json(spare)).put("suggested", Quantities.json(suggested));
    }
  }

  /** The ranked sources and how much of the need they cover. */
  public record Plan(BigDecimal need, List<Source> sources, BigDecimal uncovered) {
    public BigDecimal coverable() {
      return need.subtract(uncovered);
    }

    public JsonArray sourcesJson() {
      JsonArray out = new JsonArray();
      sources.forEach(s -> out.add(s.toJson()));
      return out;
    }
  }

  /** A base short of an item: what to find givers for. */
  public record Need(long baseId, long itemId, BigDecimal quantity) {
  }

  private final CoverageService coverage;
  private final LotRepository lots;
  private final NearestSources nearest;
  private final String zone;

  public Sourcing(AppContext app) {
    this.coverage = new CoverageService(app);
    this.lots = new LotRepository(app.pool());
    this.nearest = new NearestSources(coverage, new BaseRepository(app.pool()));
    this.zone = app.config().zone().getId();
  }

  /**
   * For each need (in the same order), its {@code k} first sources as {@link #rank} would give them from every
   * base's stock, found without reading every base's stock: the bases nearest the one in need are asked first
   * (see {@link NearestSources}). The plan's {@code uncovered} is what those k sources leave uncovered.
   */
  public Future<List<Plan>> nearest(List<Need> needs, int k, OffsetDateTime now) {
    return needs.isEmpty() ? Future.succeededFuture(List.of()) : nearest.find(needs, k, now);
  }

  /** Every base's usable stock of each item and its own quota at the current response level, by item id. */
  public Future<Map<Long, List<Stock>>> stockAtEveryBase(Collection<Long> itemIds, OffsetDateTime now) {
    return coverage.stockAtEveryBase(itemIds, now);
  }

  Future<Map<Long, List<Stock>>> stockAtEveryBase(Collection<Long> itemIds, OffsetDateTime now, ResponseLevel level) {
    return coverage.stockAtEveryBase(itemIds, now, level);
  }

  /**
   * Ranks the bases holding a spare for a need at (lat, lon), leaving out {@code excludeBaseId} (the base in
   * need); with no position (NaN) every base is equally far and the order is by base id.
   */
  public static Plan rank(List<Stock> stock, Long excludeBaseId, double lat, double lon, BigDecimal need) {
    List<Candidate<Stock>> candidates = new ArrayList<>();
    for (Stock s : stock) {
      if (excludeBaseId != null && s.base().id() == excludeBaseId || s.spare().signum() <= 0) {
        continue;
      }
      candidates.add(new Candidate<>(s, s.base().id(), distanceKm(s.base(), lat, lon)));
    }
    candidates.sort(NEAREST_FIRST);
    List<Source> out = new ArrayList<>();
    BigDecimal remaining = need;
    for (Candidate<Stock> c : candidates) {
      BigDecimal take = remaining.min(c.value().spare()).max(BigDecimal.ZERO);
      remaining = remaining.subtract(take);
      out.add(new Source(c.value(), c.value().spare(), c.km(), take));
    }
    return new Plan(need, out, remaining.max(BigDecimal.ZERO));
  }

  /** A base (or what stands for it) at its distance from a need. */
  private record Candidate<T>(T value, long baseId, Double km) {
  }

  /** The order of "where to get it from": nearest first, bases without a position last, then by base id. */
  private static final Comparator<Candidate<?>> NEAREST_FIRST = Comparator
      .comparing((Candidate<?> c) -> c.km(), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingLong(Candidate::baseId);

  /** Where a base is (null when it has no position). */
  public record Position(long baseId, Double lat, Double lon) {
  }

  /**
   * The first {@code limit} bases but the origin in the order {@link #rank} gives them for a need at the origin's
   * position; a bounded heap, so it costs one distance per base and not a sort of all of them.
   */
  static List<Position> nearestFirst(List<Position> bases, Position origin, int limit) {
    double lat = origin.lat() == null ? Double.NaN : origin.lat();
    double lon = origin.lon() == null ? Double.NaN : origin.lon();
    java.util.PriorityQueue<Candidate<Position>> nearest = new java.util.PriorityQueue<>(limit + 1,
        NEAREST_FIRST.reversed());
    for (Position b : bases) {
      if (b.baseId() == origin.baseId()) {
        continue;
      }
      Candidate<Position> c = new Candidate<>(b, b.baseId(), distanceKm(b.lat(), b.lon(), lat, lon));
      if (nearest.size() < limit) {
        nearest.add(c);
      } else if (NEAREST_FIRST.compare(c, nearest.peek()) < 0) {
        nearest.poll();
        nearest.add(c);
      }
    }
    List<Candidate<Position>> ordered = new ArrayList<>(nearest);
    ordered.sort(NEAREST_FIRST);
    return ordered.stream().map(Candidate::value).toList();
  }

  /** Straight-line kilometres from (lat, lon) to a base; null when either has no position. */
  public static Double distanceKm(Base base, Double lat, Double lon) {
    return distanceKm(base.lat(), base.lon(), lat, lon);
  }

  private static Double distanceKm(Double baseLat, Double baseLon, Double lat, Double lon) {
    return baseLat == null || baseLon == null || lat == null || lon == null || lat.isNaN() || lon.isNaN() ? null
        : Geo.kilometres(lat, lon, baseLat, baseLon);
  }

  /**
   * The usable lots of an item at a base (every base when {@code baseId} is null) in the order they should leave: equipment whose last test run
   * passed first, then earliest expiry (lots that never expire last), then oldest receipt.
   */
  public Future<List<Lot>> usableLots(Long baseId, long itemId, OffsetDateTime now) {
    LocalDate today = coverage.today(now);
    return lots.list(LotRepository.where(today, zone).and("l.base_id = ?", baseId).and("l.item_id = ?", itemId)
            .and("l.quantity > 0").and(InventorySql.notUsableReason("$1::date", "$2::text") + " IS NULL"),
        "(l.last_test_result = 'pass') DESC NULLS LAST, l.expires_on ASC NULLS LAST, l.received_on, l.id");
  }

  /** One lot as it is now, with why it is not usable; null when there is no such lot. */
  public Future<Lot> lot(long lotId, OffsetDateTime now) {
    return lots.find(lotId, coverage.today(now), zone).map(found -> found.orElse(null));
  }
}
