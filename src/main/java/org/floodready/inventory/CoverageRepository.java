package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Usable stock per base and item: condition usable, not expired, test run passed and not overdue. */
final class CoverageRepository {
  private static final String USABLE = InventorySql.notUsableReason("$1::date", "$2::text") + " IS NULL";

  private final Pool pool;

  CoverageRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<CoverageLine>> lines(LocalDate today, String zone, ResponseLevel level) {
    return lines(level, "", Tuple.of(today, zone));
  }

  /**
   * The lines of the bases belonging directly to the given units and of the given bases, in the same
   * order as {@link #lines}.
   */
  Future<List<CoverageLine>> linesOf(LocalDate today, String zone, ResponseLevel level, Long[] unitIds,
      Long[] baseIds) {
    return lines(level, " WHERE (b.unit_id = ANY($3::bigint[]) OR b.id = ANY($4::bigint[]))",
        Tuple.of(today, zone, unitIds, baseIds));
  }

  private Future<List<CoverageLine>> lines(ResponseLevel level, String where, Tuple args) {
    return pool.preparedQuery(linesSql(level, where)).execute(args).map(CoverageRepository::lines);
  }

  /**
   * Every line in the order of {@link #lines}, {@code chunk} rows at a time through a cursor, so that reading all
   * of them never holds more than a chunk of rows (at 200,000 lots the whole result was over 100 MB of heap).
   */
  Future<Void> linesInChunks(LocalDate today, String zone, ResponseLevel level, int chunk,
      Consumer<List<CoverageLine>> each) {
    return pool.withTransaction(conn -> conn.prepare(linesSql(level, "")).compose(ps -> {
      Cursor cursor = ps.cursor(Tuple.of(today, zone));
      return readChunks(cursor, chunk, each).eventually(cursor::close);
    }));
  }

  private static Future<Void> readChunks(Cursor cursor, int chunk, Consumer<List<CoverageLine>> each) {
    return cursor.read(chunk).compose(rows -> {
      each.accept(lines(rows));
      return cursor.hasMore() ? readChunks(cursor, chunk, each) : Future.succeededFuture();
    });
  }

  private static String linesSql(ResponseLevel level, String where) {
    String m = level.multiplierSql("q");
    return "SELECT q.base_id, b.code AS base_code, b.name_zh AS base_name_zh, b.unit_id,"
        + " q.item_id, i.code AS item_code, i.name_zh AS item_name_zh, i.name_en AS item_name_en, i.category,"
        + " i.unit_of_measure, i.criticality, q.required AS quota, " + m + " AS multiplier,"
        + " " + level.requiredSql("q", "i") + " AS required,"
        + " COALESCE(sum(l.quantity) FILTER (WHERE " + USABLE + "), 0) AS usable,"
        + " COALESCE(sum(l.quantity), 0) AS on_hand"
        + " FROM quotas q JOIN bases b ON b.id = q.base_id JOIN items i ON i.id = q.item_id"
        + " LEFT JOIN lots l ON l.base_id = q.base_id AND l.item_id = q.item_id" + where
        + " GROUP BY q.id, b.id, i.id ORDER BY b.id, i.code";
  }

  private static List<CoverageLine> lines(RowSet<Row> rows) {
    List<CoverageLine> lines = new ArrayList<>(rows.size());
    for (Row r : rows) {
      CoverageRow row = new CoverageRow(r.getLong("base_id"), r.getString("base_name_zh"), r.getLong("unit_id"),
          r.getLong("item_id"), r.getString("item_code"), r.getString("item_name_zh"),
          r.getString("item_name_en"), r.getString("category"), r.getString("category").equals("equipment"),
          r.getBigDecimal("criticality").doubleValue(), r.getBigDecimal("required"), r.getBigDecimal("usable"));
      lines.add(new CoverageLine(row, r.getString("base_code"), r.getString("unit_of_measure"),
          r.getBigDecimal("quota"), new BigDecimal(r.getValue("multiplier").toString()),
          r.getBigDecimal("on_hand")));
    }
    return lines;
  }

  /**
   * {@link CoverageSum}s of every base (units and bases null) or of the bases belonging directly to
   * {@code unitIds} and of {@code baseIds}; {@code kindItems}/{@code kinds} name each item's kind.
   */
  Future<List<CoverageSum>> sums(LocalDate today, String zone, ResponseLevel level, Long[] kindItems, String[] kinds,
      Long[] unitIds, Long[] baseIds) {
    String where = unitIds == null ? "" : " WHERE (b.unit_id = ANY($5::bigint[]) OR b.id = ANY($6::bigint[]))";
    Tuple args = Tuple.of(today, zone, kindItems, kinds);
    if (unitIds != null) {
      args.addValue(unitIds).addValue(baseIds);
    }
    return pool.preparedQuery("WITH line AS (SELECT b.unit_id, q.base_id, i.id AS item_id, i.category,"
            + " CASE WHEN i.criticality > 0 THEN i.criticality ELSE 1 END AS w,"
            + " " + level.requiredSql("q", "i") + " AS required,"
            + " COALESCE(sum(l.quantity) FILTER (WHERE " + USABLE + "), 0) AS usable"
            + " FROM quotas q JOIN bases b ON b.id = q.base_id JOIN items i ON i.id = q.item_id"
            + " LEFT JOIN lots l ON l.base_id = q.base_id AND l.item_id = q.item_id" + where
            + " GROUP BY q.id, b.id, i.id)"
            + " SELECT line.unit_id, line.base_id, line.category, k.kind, sum(w)::float8 AS weight,"
            + " sum(w * CASE WHEN required > 0 THEN least(greatest(usable / required, 0), 1) ELSE 1 END)::float8"
            + " AS weighted, count(*) FILTER (WHERE usable < required) AS short_lines,"
            + " sum(greatest(usable, 0))::float8 AS usable, sum(required)::float8 AS required,"
            + " sum(least(greatest(usable, 0), required))::float8 AS usable_capped"
            + " FROM line LEFT JOIN unnest($3::bigint[], $4::text[]) AS k(item_id, kind) ON k.item_id = line.item_id"
            + " GROUP BY line.unit_id, line.base_id, line.category, k.kind"
            + " ORDER BY line.base_id, line.category, k.kind NULLS FIRST")
        .execute(args)
        .map(rows -> {
          List<CoverageSum> sums = new ArrayList<>(rows.size());
          for (Row r : rows) {
            sums.add(new CoverageSum(r.getLong("unit_id"), r.getLong("base_id"), r.getString("category"),
                r.getString("kind"), r.getDouble("weight"), r.getDouble("weighted"), r.getInteger("short_lines"),
                r.getDouble("usable"), r.getDouble("required"), r.getDouble("usable_capped")));
          }
          return sums;
        });
  }

  /**
   * Bases with a lot that turned unusable by date on a day in ({@code before}, {@code after}]: expired
   * ({@code expires_on <= today}) or test run overdue ({@code due < today}) on {@code after} but not on
   * {@code before}. Each half follows its own index (expiry; the lots of items that need test runs).
   */
  Future<List<BaseOfUnit>> basesCrossed(LocalDate before, LocalDate after, String zone) {
    String due = InventorySql.testDueOn("$3::text");
    return pool.preparedQuery("SELECT b.unit_id, l.base_id FROM lots l JOIN bases b ON b.id = l.base_id"
            + " WHERE l.expires_on > $1::date AND l.expires_on <= $2::date"
            + " UNION SELECT b.unit_id, l.base_id FROM lots l JOIN items i ON i.id = l.item_id"
            + " JOIN bases b ON b.id = l.base_id"
            + " WHERE i.needs_test_run AND " + due + " >= $1::date AND " + due + " < $2::date")
        .execute(Tuple.of(before, after, zone))
        .map(rows -> {
          List<BaseOfUnit> bases = new ArrayList<>(rows.size());
          rows.forEach(r -> bases.add(new BaseOfUnit(r.getLong("unit_id"), r.getLong("base_id"))));
          return bases;
        });
  }

  /** Every item's id, category, code and names (to tell their kinds). */
  Future<List<ItemName>> itemNames() {
    return pool.query("SELECT id, category, code, name_zh, name_en FROM items ORDER BY id").execute()
        .map(rows -> {
          List<ItemName> items = new ArrayList<>();
          rows.forEach(r -> items.add(new ItemName(r.getLong("id"), r.getString("category"), r.getString("code"),
              r.getString("name_zh"), r.getString("name_en"))));
          return items;
        });
  }

  /**
   * Every base's usable stock of each given item and its own quota at the level (null without one), for
   * "where to get it from" ({@link Sourcing}); keyed by item id, bases in id order.
   */
  Future<java.util.Map<Long, List<Sourcing.Stock>>> stockAtEveryBase(Long[] itemIds, LocalDate today, String zone,
      ResponseLevel level) {
    return pool.preparedQuery(stockColumns(level)
            + " FROM bases b JOIN units un ON un.id = b.unit_id CROSS JOIN items i"
            + " LEFT JOIN lots l ON l.base_id = b.id AND l.item_id = i.id"
            + " LEFT JOIN quotas q ON q.base_id = b.id AND q.item_id = i.id"
            + " WHERE i.id = ANY($3::bigint[]) GROUP BY b.id, un.id, i.id, q.id ORDER BY i.id, b.id")
        .execute(Tuple.of(today, zone, itemIds))
        .map(rows -> {
          java.util.Map<Long, List<Sourcing.Stock>> out = new java.util.HashMap<>();
          rows.forEach(r -> out.computeIfAbsent(r.getLong("item_id"), k -> new ArrayList<>())
              .add(new Sourcing.Stock(Base.from(r), r.getBigDecimal("usable"), r.getBigDecimal("required"))));
          return out;
        });
  }

  /** A base's usable stock of an item and its own requirement at the level, as both stock reads select them. */
  private static String stockColumns(ResponseLevel level) {
    return "SELECT " + Base.COLUMNS + ", i.id AS item_id,"
        + " COALESCE(sum(l.quantity) FILTER (WHERE l.id IS NOT NULL AND " + USABLE + "), 0) AS usable,"
        + " " + level.requiredSql("q", "i") + " AS required";
  }

  /** A base and an item. */
  record Pair(long baseId, long itemId) {
  }

  /** One base's usable stock of an item and its own requirement at the level (null without a quota). */
  record PairStock(Base base, long itemId, BigDecimal usable, BigDecimal required) {
  }

  /**
   * The usable stock and own requirement of the given (base, item) pairs ({@code baseIds[i]}, {@code itemIds[i]}),
   * each read by the lots' and quotas' (base, item) keys, as {@link #stockAtEveryBase} counts them.
   */
  Future<java.util.Map<Pair, PairStock>> stockOf(Long[] baseIds, Long[] itemIds, LocalDate today, String zone,
      ResponseLevel level) {
    return pool.preparedQuery(stockColumns(level)
            + " FROM (SELECT DISTINCT * FROM unnest($3::bigint[], $4::bigint[]) AS x(base_id, item_id)) p"
            + " JOIN bases b ON b.id = p.base_id JOIN units un ON un.id = b.unit_id JOIN items i ON i.id = p.item_id"
            + " LEFT JOIN lots l ON l.base_id = p.base_id AND l.item_id = p.item_id"
            + " LEFT JOIN quotas q ON q.base_id = p.base_id AND q.item_id = p.item_id"
            + " GROUP BY b.id, un.id, i.id, q.id")
        .execute(Tuple.of(today, zone, baseIds, itemIds))
        .map(rows -> {
          java.util.Map<Pair, PairStock> out = new java.util.HashMap<>();
          rows.forEach(r -> out.put(new Pair(r.getLong("id"), r.getLong("item_id")), new PairStock(Base.from(r),
              r.getLong("item_id"), r.getBigDecimal("usable"), r.getBigDecimal("required"))));
          return out;
        });
  }
}
