package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.floodready.app.AppContext;

/**
 * Usable stock against reserve quotas at the current response level, for readiness scoring and
 * the duty-room board. Usable = condition usable, not expired, and for equipment a passed test run
 * that is not overdue. Only (base, item) pairs with a quota have a row.
 */
public final class CoverageService {
  private final CoverageRepository coverage;
  private final ResponseLevelRepository levels;
  private final ZoneId zone;

  public CoverageService(AppContext app) {
    this(app.pool(), app.config().zone());
  }

  public CoverageService(Pool pool, ZoneId zone) {
    this.coverage = new CoverageRepository(pool);
    this.levels = new ResponseLevelRepository(pool);
    this.zone = zone;
  }

  /** Coverage at the district's current response level. */
  public Future<List<CoverageRow>> coverage(OffsetDateTime now) {
    return levels.current().compose(level -> lines(now, level))
        .map(lines -> lines.stream().map(CoverageLine::row).toList());
  }

  /**
   * Coverage at the current level in base order, {@code chunk} rows at a time, for a reader that folds every row
   * into less (the board's per-base figures) without holding all of them.
   */
  public Future<Void> coverageInChunks(OffsetDateTime now, int chunk, Consumer<List<CoverageRow>> each) {
    return levels.current().compose(level -> coverage.linesInChunks(today(now), zone.getId(), level, chunk,
        lines -> each.accept(lines.stream().map(CoverageLine::row).toList())));
  }

  /**
   * Coverage of the bases belonging directly to the given units (not below them) and of the given bases,
   * at the current level.
   */
  public Future<List<CoverageRow>> coverageOf(OffsetDateTime now, Collection<Long> unitIds, Collection<Long> baseIds) {
    Long[] units = unitIds.toArray(new Long[0]);
    Long[] bases = baseIds.toArray(new Long[0]);
    return levels.current().compose(level -> coverage.linesOf(today(now), zone.getId(), level, units, bases))
        .map(lines -> lines.stream().map(CoverageLine::row).toList());
  }

  /**
   * The coverage lines added up per base, category and kind of item at the current level: of every base
   * (units null), or of the bases belonging directly to {@code unitIds} and of {@code baseIds}.
   * {@code kindOf} tells an item's kind (null: none).
   */
  public Future<List<CoverageSum>> sums(OffsetDateTime now, java.util.function.Function<ItemName, String> kindOf,
      Collection<Long> unitIds, Collection<Long> baseIds) {
    Long[] units = unitIds == null ? null : unitIds.toArray(new Long[0]);
    Long[] bases = baseIds == null ? new Long[0] : baseIds.toArray(new Long[0]);
    return coverage.itemNames().compose(items -> {
      List<Long> ids = new java.util.ArrayList<>();
      List<String> kinds = new java.util.ArrayList<>();
      for (ItemName item : items) {
        String kind = kindOf.apply(item);
        if (kind != null) {
          ids.add(item.id());
          kinds.add(kind);
        }
      }
      return levels.current().compose(level -> coverage.sums(today(now), zone.getId(), level,
          ids.toArray(new Long[0]), kinds.toArray(new String[0]), units, bases));
    });
  }

  /**
   * The bases holding a lot whose usability changed with the district's date alone between {@code from} and
   * {@code to}: it expired, or its test run fell overdue. Nothing changes within one day, so the database is asked
   * only when the date moved on. Every other change of a lot is a stock event of its own.
   */
  public Future<List<BaseOfUnit>> basesWithUsabilityCrossed(OffsetDateTime from, OffsetDateTime to) {
    LocalDate before = today(from);
    LocalDate after = today(to);
    return after.isAfter(before) ? coverage.basesCrossed(before, after, zone.getId())
        : Future.succeededFuture(List.of());
  }

  /** Coverage as it would be at {@code level} (what-if), with the detail the API shows. */
  Future<List<CoverageLine>> lines(OffsetDateTime now, ResponseLevel level) {
    return coverage.lines(today(now), zone.getId(), level);
  }

  Future<java.util.Map<Long, List<Sourcing.Stock>>> stockAtEveryBase(Collection<Long> itemIds, OffsetDateTime now,
      ResponseLevel level) {
    return coverage.stockAtEveryBase(itemIds.toArray(new Long[0]), today(now), zone.getId(), level);
  }

  /** Like {@link #stockAtEveryBase(Collection, OffsetDateTime, ResponseLevel)} at the current level. */
  Future<java.util.Map<Long, List<Sourcing.Stock>>> stockAtEveryBase(Collection<Long> itemIds, OffsetDateTime now) {
    return levels.current().compose(level -> stockAtEveryBase(itemIds, now, level));
  }

  /** The district's current response level. */
  Future<ResponseLevel> level() {
    return levels.current();
  }

  /** The usable stock and own quota of the pairs (baseIds[i], itemIds[i]) at {@code level}. */
  Future<java.util.Map<CoverageRepository.Pair, CoverageRepository.PairStock>> stockOf(List<Long> baseIds,
      List<Long> itemIds, OffsetDateTime now, ResponseLevel level) {
    return coverage.stockOf(baseIds.toArray(new Long[0]), itemIds.toArray(new Long[0]), today(now), zone.getId(),
        level);
  }

  LocalDate today(OffsetDateTime now) {
    return now.atZoneSameInstant(zone).toLocalDate();
  }
}
