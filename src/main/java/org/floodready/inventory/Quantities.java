package org.floodready.inventory;

import java.math.BigDecimal;

/** Quantities are NUMERIC(14,3); in JSON they are plain numbers without trailing zeros. */
public final class Quantities {
  private Quantities() {
  }

  public static BigDecimal json(BigDecimal q) {
    if (q == null) {
      return null;
    }
    BigDecimal s = q.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  static BigDecimal orZero(BigDecimal q) {
    return q == null ? BigDecimal.ZERO : q;
  }

  static BigDecimal shortfall(BigDecimal usable, BigDecimal required) {
    if (required == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal gap = required.subtract(orZero(usable));
    return gap.signum() > 0 ? gap : BigDecimal.ZERO;
  }
}
