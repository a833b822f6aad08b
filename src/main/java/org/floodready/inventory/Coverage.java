package org.floodready.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one coverage formula: usable stock against the quota at the current response level. A row's coverage
 * is usable / required; a group's (a base, a category, a unit, the district) is the criticality-weighted mean
 * of its rows' coverage, each capped at 100%, so a surplus of one item cannot hide a gap in another and bags
 * are not added to boats. The inventory API, the board and the readiness snapshot all count it here.
 */
public final class Coverage {
  private Coverage() {
  }

  /** A row's coverage as the API shows it: usable / required to 4 decimals; null when nothing is required. */
  public static BigDecimal ratio(BigDecimal usable, BigDecimal required) {
    if (required == null || required.signum() <= 0) {
      return null;
    }
    return Quantities.orZero(usable).divide(required, 4, RoundingMode.HALF_UP);
  }

  /** A row's coverage in a mean, 0..1: usable / required capped at 1; 1 when nothing is required. */
  public static double capped(double usable, double required) {
    return required > 0 ? capped(usable / required) : 1.0;
  }

  /** A coverage ratio capped to 0..1. */
  public static double capped(double ratio) {
    return Math.min(Math.max(ratio, 0), 1.0);
  }

  /**
   * {@link #capped} as a percentage, 0..100. Computed as usable × 100 / required (not the ratio × 100) so
   * that 29 of 100 is 29.0 and not 28.999…, which the board's one-decimal floor would show as 28.9.
   */
  public static double percent(double usable, double required) {
    return required > 0 ? Math.min(Math.max(usable, 0) * 100 / required, 100) : 100;
  }

  public static double percentOf(CoverageRow row) {
    return percent(row.usable().doubleValue(), row.required().doubleValue());
  }

  /** A row's weight in a group's mean: its item's criticality (1 when unset). */
  public static double weight(double criticality) {
    return criticality > 0 ? criticality : 1.0;
  }

  /** The criticality-weighted mean of rows' coverage (capped ratios or percentages). */
  public static final class Mean {
    private double weight;
    private double weighted;

    public Mean add(double coverage, double criticality) {
      double w = weight(criticality);
      weight += w;
      weighted += coverage * w;
      return this;
    }

    /** Adds rows already summed elsewhere: Σ weight·coverage and Σ weight (see {@link #weight}). */
    public Mean addSums(double weightedCoverage, double weights) {
      weight += weights;
      weighted += weightedCoverage;
      return this;
    }

    public boolean isEmpty() {
      return weight == 0;
    }

    public double value() {
      return weighted / weight;
    }
  }
}
