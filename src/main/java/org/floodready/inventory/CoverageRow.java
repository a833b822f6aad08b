package org.floodready.inventory;

import java.math.BigDecimal;

/**
 * Usable stock against the reserve quota of one item at one base. {@code required} is already
 * multiplied for the current response level; rows exist only where a quota exists.
 */
public record CoverageRow(long baseId, String baseNameZh, long unitId, long itemId, String itemCode,
    String itemNameZh, String itemNameEn, String category, boolean equipment, double criticality,
    BigDecimal required, BigDecimal usable) {

  /** usable / required (4 decimals). */
  public BigDecimal ratio() {
    return Coverage.ratio(usable, required);
  }

  /** How much is missing, 0 when covered. */
  public BigDecimal shortfall() {
    return Quantities.shortfall(usable, required);
  }
}
