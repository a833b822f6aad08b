package org.floodready.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.floodready.inventory.CoverageRow;

/** Shortfalls, "where to get it from" and coverage percentages from the inventory's coverage rows. */
final class CoverageFigures {
  static final List<String> CATEGORY_ORDER = List.of("materials", "life_saving", "equipment");
  static final Map<String, String> CATEGORY_ZH = Map.of(
      "materials", "防御材料", "life_saving", "救生器材", "equipment", "抢险机具");

  private CoverageFigures() {
  }

  /** Rows below quota, worst first, each with the other bases that hold a surplus of the item. */
  static JsonArray shortfalls(List<CoverageRow> rows, int maxSources) {
    List<CoverageRow> shortRows = rows.stream().filter(r -> r.usable().compareTo(r.required()) < 0)
        .sorted(Comparator.comparingDouble(CoverageFigures::percent).thenComparing(CoverageRow::baseNameZh))
        .toList();
    JsonArray out = new JsonArray();
    for (CoverageRow r : shortRows) {
      List<CoverageRow> givers = rows.stream()
          .filter(o -> o.itemId() == r.itemId() && o.baseId() != r.baseId() && surplus(o).signum() > 0)
          .sorted(Comparator.comparing(CoverageFigures::surplus).reversed())
          .limit(maxSources)
          .toList();
      List<String> sources = givers.stream().map(o -> o.baseNameZh() + " (+" + plain(surplus(o)) + ")").toList();
      BigDecimal shortfall = r.required().subtract(r.usable());
      JsonArray from = new JsonArray();
      givers.forEach(o -> from.add(new JsonObject().put("baseId", o.baseId()).put("baseNameZh", o.baseNameZh())
          .put("surplus", surplus(o).doubleValue()).put("suggested", surplus(o).min(shortfall).doubleValue())));
      out.add(new JsonObject()
          .put("key", r.baseId() + "-" + r.itemId())
          .put("baseId", r.baseId()).put("baseNameZh", r.baseNameZh()).put("unitId", r.unitId())
          .put("itemId", r.itemId()).put("itemCode", r.itemCode())
          .put("itemNameZh", r.itemNameZh()).put("itemNameEn", r.itemNameEn()).put("category", r.category())
          .put("required", r.required().doubleValue()).put("usable", r.usable().doubleValue())
          .put("shortfall", r.required().subtract(r.usable()).doubleValue())
          .put("coveragePct", Math.floor(percent(r) * 10) / 10)
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
    boolean byBase = by.equals("base");
    // One pass over the rows (thousands), then the groups (a few hundred at most) ordered by base name or
    // category; rows are summed in their given order.
    Map<String, Group> groups = new LinkedHashMap<>();
    for (CoverageRow r : rows) {
      String key = byBase ? r.baseNameZh() : CATEGORY_ZH.getOrDefault(r.category(), r.category());
      Group g = groups.computeIfAbsent(key, k -> new Group(k,
          byBase ? r.baseNameZh() : String.valueOf(CATEGORY_ORDER.indexOf(r.category()))));
      g.weighted += r.criticality() * Math.min(percent(r), 100);
      g.weights += r.criticality();
    }
    List<Group> ordered = new ArrayList<>(groups.values());
    ordered.sort(Comparator.comparing(Group::order));
    List<BarChartSpec.Bar> bars = new ArrayList<>();
    for (Group g : ordered) {
      bars.add(new BarChartSpec.Bar("满足率 Coverage", g.key,
          g.weights == 0 ? 100 : Math.floor(g.weighted / g.weights * 10) / 10));
    }
    return bars;
  }

  private static final class Group {
    final String key;
    final String order;
    double weighted;
    double weights;

    Group(String key, String order) {
      this.key = key;
      this.order = order;
    }

    String order() {
      return order;
    }
  }

  static double percent(CoverageRow r) {
    return r.required().signum() == 0 ? 100 : r.usable().doubleValue() * 100 / r.required().doubleValue();
  }

  private static BigDecimal surplus(CoverageRow r) {
    return r.usable().subtract(r.required());
  }

  private static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
