package org.floodready.board.panels;

import org.floodready.board.charts.BarChartSpec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.floodready.inventory.Base;
import org.floodready.inventory.Coverage;
import org.floodready.inventory.CoverageRow;
import org.floodready.inventory.Sourcing;

/** Shortfalls, "where to get it from" and coverage percentages from the inventory's coverage rows. */
public final class CoverageFigures {
  static final List<String> CATEGORY_ORDER = List.of("materials", "life_saving", "equipment");
  static final Map<String, String> CATEGORY_ZH = Map.of(
      "materials", "防御材料", "life_saving", "救生器材", "equipment", "抢险机具");

  private CoverageFigures() {
  }

  /**
   * Rows below quota, worst first, each with the bases that can give without falling below their own quota,
   * ranked by inventory's one "where to get it from" ({@link Sourcing}: nearest first) from every base's
   * stock of the item ({@code stockByItem}, as {@link Sourcing#stockAtEveryBase} reads it).
   */
  static JsonArray shortfalls(List<CoverageRow> rows, Map<Long, List<Sourcing.Stock>> stockByItem, int maxSources) {
    List<CoverageRow> shortRows = rows.stream().filter(r -> r.usable().compareTo(r.required()) < 0)
        .sorted(Comparator.comparingDouble(Coverage::percentOf).thenComparing(CoverageRow::baseNameZh))
        .toList();
    JsonArray out = new JsonArray();
    for (CoverageRow r : shortRows) {
      BigDecimal shortfall = r.required().subtract(r.usable());
      List<Sourcing.Stock> stock = stockByItem.getOrDefault(r.itemId(), List.of());
      Base at = stock.stream().map(Sourcing.Stock::base).filter(b -> b.id() == r.baseId()).findFirst().orElse(null);
      double lat = at == null || at.lat() == null ? Double.NaN : at.lat();
      double lon = at == null || at.lon() == null ? Double.NaN : at.lon();
      List<Sourcing.Source> givers = Sourcing.rank(stock, r.baseId(), lat, lon, shortfall).sources().stream()
          .limit(maxSources).toList();
      List<String> sources = givers.stream().map(o -> o.stock().base().nameZh() + " (+" + plain(o.spare()) + ")")
          .toList();
      JsonArray from = new JsonArray();
      givers.forEach(o -> from.add(new JsonObject().put("baseId", o.stock().base().id())
          .put("baseNameZh", o.stock().base().nameZh()).put("surplus", o.spare().doubleValue())
          .put("distanceKm", o.km() == null ? null : Math.round(o.km() * 10) / 10.0)
          .put("suggested", o.spare().min(shortfall).doubleValue())));
      out.add(new JsonObject()
          .put("key", r.baseId() + "-" + r.itemId())
          .put("baseId", r.baseId()).put("baseNameZh", r.baseNameZh()).put("unitId", r.unitId())
          .put("itemId", r.itemId()).put("itemCode", r.itemCode())
          .put("itemNameZh", r.itemNameZh()).put("itemNameEn", r.itemNameEn()).put("category", r.category())
          .put("required", r.required().doubleValue()).put("usable", r.usable().doubleValue())
          .put("shortfall", shortfall.doubleValue())
          .put("coveragePct", Math.floor(Coverage.percentOf(r) * 10) / 10)
          .put("short", true)
          .put("sources", from)
          .put("getFrom", sources.isEmpty() ? "无富余 no surplus elsewhere" : String.join("、", sources)));
    }
    return out;
  }

  /** The items of the rows below quota: what {@link #shortfalls} needs every base's stock of. */
  static java.util.Set<Long> shortItems(List<CoverageRow> rows) {
    java.util.Set<Long> ids = new java.util.TreeSet<>();
    rows.stream().filter(r -> r.usable().compareTo(r.required()) < 0).forEach(r -> ids.add(r.itemId()));
    return ids;
  }

  /**
   * Coverage % per base or category: the criticality-weighted mean of each quota's coverage, capped at
   * 100%, so a surplus of one item cannot hide a gap in another and bags are not added to boats.
   */
  static List<BarChartSpec.Bar> percentBy(List<CoverageRow> rows, String by) {
    return percentOf(BaseCoverage.of(rows), by);
  }

  /** Like {@link #percentBy} from each base's sums (what a node keeps, see {@link CoverageRows}). */
  static List<BarChartSpec.Bar> percentOf(List<BaseCoverage> bases, String by) {
    boolean byBase = by.equals("base");
    // One pass over the bases' category sums, then the groups ordered by base name or category.
    Map<String, Group> groups = new LinkedHashMap<>();
    for (BaseCoverage b : bases) {
      for (Map.Entry<String, BaseCoverage.Sums> c : b.categories().entrySet()) {
        String category = c.getKey();
        String key = byBase ? b.baseNameZh() : CATEGORY_ZH.getOrDefault(category, category);
        Group g = groups.computeIfAbsent(key, k -> new Group(k,
            byBase ? b.baseNameZh() : String.valueOf(CATEGORY_ORDER.indexOf(category))));
        g.coverage.addSums(c.getValue().weighted(), c.getValue().weights());
      }
    }
    List<Group> ordered = new ArrayList<>(groups.values());
    ordered.sort(Comparator.comparing(Group::order));
    List<BarChartSpec.Bar> bars = new ArrayList<>();
    for (Group g : ordered) {
      bars.add(new BarChartSpec.Bar("满足率 Coverage", g.key,
          g.coverage.isEmpty() ? 100 : Math.floor(g.coverage.value() * 10) / 10));
    }
    return bars;
  }

  private static final class Group {
    final String key;
    final String order;
    final Coverage.Mean coverage = new Coverage.Mean();

    Group(String key, String order) {
      this.key = key;
      this.order = order;
    }

    String order() {
      return order;
    }
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
