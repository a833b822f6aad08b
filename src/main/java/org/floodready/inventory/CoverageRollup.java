package org.floodready.inventory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage of a group of (base, item) rows. Quantities of different items do not add up, so a
 * group's coverage is the criticality-weighted mean of each row's coverage capped at 100%, and its
 * shortfalls are listed per item (a surplus at one base does not fill a gap at another).
 */
final class CoverageRollup {
  private CoverageRollup() {
  }

  static JsonObject of(String key, String name, List<CoverageLine> lines) {
    Coverage.Mean coverage = new Coverage.Mean();
    int short_ = 0;
    Map<Long, JsonObject> byItem = new LinkedHashMap<>();
    Map<Long, BigDecimal[]> sums = new LinkedHashMap<>();
    Set<Long> bases = new HashSet<>();
    for (CoverageLine line : lines) {
      CoverageRow row = line.row();
      bases.add(row.baseId());
      coverage.add(Coverage.capped(row.ratio().doubleValue()), row.criticality());
      if (row.shortfall().signum() > 0) {
        short_++;
      }
      byItem.computeIfAbsent(row.itemId(), id -> new JsonObject().put("itemId", id).put("itemCode", row.itemCode())
          .put("itemNameZh", row.itemNameZh()).put("itemNameEn", row.itemNameEn())
          .put("unitOfMeasure", line.unitOfMeasure()));
      BigDecimal[] s = sums.computeIfAbsent(row.itemId(),
          id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(row.required());
      s[1] = s[1].add(row.usable());
      s[2] = s[2].add(row.shortfall());
    }
    JsonArray shortfalls = new JsonArray();
    byItem.forEach((id, json) -> {
      BigDecimal[] s = sums.get(id);
      if (s[2].signum() > 0) {
        shortfalls.add(json.put("required", Quantities.json(s[0])).put("usable", Quantities.json(s[1]))
            .put("shortfall", Quantities.json(s[2])));
      }
    });
    return new JsonObject().put("key", key).put("name", name).put("bases", bases.size())
        .put("quotaLines", lines.size()).put("shortLines", short_)
        .put("coverage", coverage.isEmpty() ? null : Math.round(coverage.value() * 10000) / 10000.0)
        .put("shortfalls", shortfalls);
  }
}
