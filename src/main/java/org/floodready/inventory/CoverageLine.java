package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/** A coverage row with what the API shows besides it: the quota before the multiplier and the on-hand. */
record CoverageLine(CoverageRow row, String baseCode, String unitOfMeasure, BigDecimal quota, BigDecimal multiplier,
    BigDecimal onHand) {

  JsonObject toJson() {
    BigDecimal ratio = row.ratio();
    return new JsonObject().put("baseId", row.baseId()).put("baseCode", baseCode)
        .put("baseNameZh", row.baseNameZh()).put("unitId", row.unitId()).put("itemId", row.itemId())
        .put("itemCode", row.itemCode()).put("itemNameZh", row.itemNameZh()).put("itemNameEn", row.itemNameEn())
        .put("category", row.category()).put("unitOfMeasure", unitOfMeasure).put("criticality", row.criticality())
        .put("quota", Quantities.json(quota)).put("multiplier", Quantities.json(multiplier))
        .put("required", Quantities.json(row.required())).put("usable", Quantities.json(row.usable()))
        .put("onHand", Quantities.json(onHand))
        .put("notUsable", Quantities.json(onHand.subtract(row.usable())))
        .put("coverage", ratio == null ? null : ratio.doubleValue())
        .put("shortfall", Quantities.json(row.shortfall()));
  }
}
