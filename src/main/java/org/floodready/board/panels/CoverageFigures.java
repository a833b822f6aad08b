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

  /** The rows below quota, worst first (lowest coverage, then base name): the shortfall panel's lines. */
  static List<CoverageRow> shortRows(List<CoverageRow> rows) {
    return rows.stream().filter(r -> r.usable().compareTo(r.required()) < 0)
        .sorted(Comparator.comparingDouble(Coverage::percentOf).thenComparing(CoverageRow::baseNameZh))
        .toList();
  }

  /** What each short row needs: inventory's {@link Sourcing} finds where to get it from. */
  static List<Sourcing.Need> needs(List<CoverageRow> shortRows) {
    return shortRows.stream().map(r -> new Sourcing.Need(r.baseId(), r.itemId(), r.required().subtract(r.usable())))
        .toList();
  }

  /**
   * The shortfall panel's lines: each short row ({@link #shortRows}) with the bases that can give without
   * falling below their own quota, as inventory's one "where to get it from" ranks them ({@link Sourcing}:
   * nearest first), {@code plans[i]} for {@code shortRows[i]}.
   */
  static JsonArray shortfalls(List<CoverageRow> shortRows, List<Sourcing.Plan> plans) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < shortRows.size(); i++) {
      CoverageRow r = shortRows.get(i);
      BigDecimal shortfall = r.required().subtract(r.usable());
      List<Sourcing.Source> givers = plans.get(i).sources();
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
