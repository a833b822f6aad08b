package org.floodready.checkpoints;

import java.time.Duration;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The warning level of a checkpoint from one reading, its rise rate and the level it had before.
 * Pure: no I/O, so every rule is unit-tested directly.
 */
public final class WarningRules {
  private static final String[] RESERVOIR_LABELS = {"接近汛限水位 approaching flood-limit level",
      "超汛限水位 above flood-limit level", "超防洪高水位 above flood-control high level",
      "超设计洪水位 above design flood level"};
  private static final String[] WATERLOGGING_LABELS = {"积水 watch depth", "积水关注 attention depth",
      "积水封路 close-road depth", "严重积水 severe depth"};

  /** A reading as the rules see it. */
  public record Sample(OffsetDateTime at, double value) {
  }

  public record Evaluation(WarningLevel level, String reason) {
  }

  private WarningRules() {
  }

  /** The flood-limit level on the reading's day in the district, else the normal pool level. */
  public static double floodLimit(Checkpoint c, List<FloodLimitPeriod> periods, OffsetDateTime at, ZoneId zone) {
    MonthDay day = MonthDay.from(at.atZoneSameInstant(zone));
    for (FloodLimitPeriod p : periods) {
      if (p.contains(day)) {
        return p.level();
      }
    }
    return c.reservoir().normalPool();
  }

  /** Thresholds of blue, yellow, orange and red at a time, in the checkpoint's unit. */
  public static double[] thresholds(Checkpoint c, List<FloodLimitPeriod> periods, OffsetDateTime at, ZoneId zone) {
    if (c.isReservoir()) {
      double limit = floodLimit(c, periods, at, zone);
      return new double[] {limit - CheckpointDefaults.RESERVOIR_APPROACH_M, limit, c.reservoir().floodHigh(),
          c.reservoir().design()};
    }
    Checkpoint.Waterlogging w = c.waterlogging();
    return new double[] {w.watch(), w.attention(), w.closeRoad(), w.severe()};
  }

  /**
   * The new level: the highest threshold reached; a level already held is kept until the value
   * falls below its threshold minus the margin (hysteresis); a reservoir rising faster than its
   * rise rate is at least yellow.
   */
  public static Evaluation evaluate(Checkpoint c, List<FloodLimitPeriod> periods, WarningLevel current, Sample s,
      Double risePerHour, ZoneId zone) {
    double[] t = thresholds(c, periods, s.at(), zone);
    String[] labels = c.isReservoir() ? RESERVOIR_LABELS : WATERLOGGING_LABELS;
    int raw = 0;
    for (int i = 0; i < t.length; i++) {
      if (s.value() >= t[i]) {
        raw = i + 1;
      }
    }
    int level = raw;
    String reason = raw == 0 ? "below all thresholds" : describe(labels[raw - 1], s.value(), ">=", t[raw - 1], c);
    for (int held = current.ordinal(); held > raw; held--) {
      if (s.value() >= t[held - 1] - c.margin()) {
        level = held;
        reason = "held by hysteresis: " + describe(labels[held - 1], s.value(), ">=",
            t[held - 1] - c.margin(), c) + " (threshold " + fmt(t[held - 1]) + " minus margin " + fmt(c.margin()) + ")";
        break;
      }
    }
    if (c.isReservoir() && risePerHour != null && risePerHour > c.riseRatePerHour()
        && level < WarningLevel.YELLOW.ordinal()) {
      level = WarningLevel.YELLOW.ordinal();
      reason = String.format(Locale.ROOT, "水位上涨过快 rising %.2f m/h > %.2f m/h", risePerHour, c.riseRatePerHour());
    }
    return new Evaluation(WarningLevel.values()[level], reason);
  }

  /**
   * Metres per hour between {@code now} and the newest earlier sample that is between 30 minutes and
   * 3 hours older; null when there is none. {@code history} is in ascending time order.
   */
  public static Double risePerHour(List<Sample> history, Sample now) {
    Sample base = null;
    for (Sample h : history) {
      Duration age = Duration.between(h.at(), now.at());
      if (age.compareTo(CheckpointDefaults.RISE_WINDOW_MIN) >= 0 && age.compareTo(CheckpointDefaults.RISE_WINDOW_MAX) <= 0) {
        base = h;
      }
    }
    if (base == null) {
      return null;
    }
    double hours = Duration.between(base.at(), now.at()).toSeconds() / 3600.0;
    return (now.value() - base.value()) / hours;
  }

  private static String describe(String label, double value, String op, double threshold, Checkpoint c) {
    return label + ": " + fmt(value) + " " + c.unitOfMeasure() + " " + op + " " + fmt(threshold) + " "
        + c.unitOfMeasure();
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
