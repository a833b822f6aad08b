package org.floodready.readiness;

/** One quota line of a base, as readiness needs it: what is required and what is usable now. */
public record StockLine(long unitId, String category, String itemNameZh, String itemNameEn, String itemCode,
    boolean equipment, double criticality, double required, double usable, long baseId) {

  /** A line whose base does not matter (tests, what-ifs): counted as base 0. */
  public StockLine(long unitId, String category, String itemNameZh, String itemNameEn, String itemCode,
      boolean equipment, double criticality, double required, double usable) {
    this(unitId, category, itemNameZh, itemNameEn, itemCode, equipment, criticality, required, usable, 0);
  }
}
