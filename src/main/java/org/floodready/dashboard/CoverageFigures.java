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
      List<String> sources = rows.stream()
          .filter(o -> o.itemId() == r.itemId() && o.baseId() != r.baseId() && surplus(o).signum() > 0)
          .sorted(Comparator.comparing(CoverageFigures::surplus).reversed())
          .limit(maxSources)
          .map(o -> o.baseNameZh() + " (+" + plain(surplus(o)) + ")")
          .toList();
      out.add(new JsonObject()
          .put("key", r.baseId() + "-" + r.itemId())
          .put("baseId", r.baseId()).put("baseNameZh", r.baseNameZh()).put("unitId", r.unitId())
          .put("itemId", r.itemId()).put("itemCode", r.itemCode())
          .put("itemNameZh", r.itemNameZh()).put("itemNameEn", r.itemNameEn()).put("category", r.category())
          .put("required", r.required().doubleValue()).put("usable", r.usable().doubleValue())
          .put("shortfall", r.required().subtract(r.usable()).doubleValue())
          .put("coveragePct", Math.floor(percent(r) * 10) / 10)
          .put("short", true)
          .put("getFrom", sources.isEmpty() ? "无富余 no surplus elsewhere" : String.join("、", sources)));
    }
    return out;
  }

  /**
   * Coverage % per base or category: the criticality-weighted mean of each quota's coverage, capped at
   * 100%, so a surplus of one item cannot hide a gap in another and bags are not added to boats.
   */
  static List<BarChartSpec.Bar> percentBy(List<CoverageRow> rows, String by) {
    Map<String, double[]> groups = new LinkedHashMap<>();
    rows.stream()
        .sorted(Comparator.comparing((CoverageRow r) -> by.equals("base") ? r.baseNameZh()
            : String.valueOf(List.of("materials", "life_saving", "equipment").indexOf(r.category()))))
        .forEach(r -> {
          String key = by.equals("base") ? r.baseNameZh() : CATEGORY_ZH.getOrDefault(r.category(), r.category());
          double[] sums = groups.computeIfAbsent(key, k -> new double[2]);
          sums[0] += r.criticality() * Math.min(percent(r), 100);
          sums[1] += r.criticality();
        });
    List<BarChartSpec.Bar> bars = new ArrayList<>();
    groups.forEach((k, sums) -> bars.add(new BarChartSpec.Bar("满足率 Coverage", k,
        sums[1] == 0 ? 100 : Math.floor(sums[0] / sums[1] * 10) / 10)));
    return bars;
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
