package org.floodready.checkpoints;

import java.time.Duration;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Defaults of every configurable threshold and timeout; a checkpoint's own column, when set,
 * overrides the default (see README, "Checkpoints: configuration").
 */
public final class CheckpointDefaults {
  /** Hysteresis: a level is left only when the value falls below its threshold minus this margin. */
  public static final double RESERVOIR_MARGIN_M = 0.10;
  public static final double WATERLOGGING_MARGIN_CM = 3;
  /** A jump from the previous reading larger than this is stored but flagged suspect. */
  public static final double RESERVOIR_SUSPECT_STEP_M = 1.0;
  public static final double WATERLOGGING_SUSPECT_STEP_CM = 20;
  /** A reservoir rising faster than this (m/h) is at least yellow. */
  public static final double RISE_RATE_M_PER_HOUR = 0.3;
  /** The rise rate is measured against a reading at least this old and at most {@link #RISE_WINDOW_MAX}. */
  public static final Duration RISE_WINDOW_MIN = Duration.ofMinutes(30);
  public static final Duration RISE_WINDOW_MAX = Duration.ofHours(3);
  /** Blue: a reservoir within this many metres below its flood-limit level. */
  public static final double RESERVOIR_APPROACH_M = 0.5;
  /** Waterlogging thresholds in cm: watch (blue), attention (yellow), close road (orange), severe (red). */
  public static final double[] ROAD_THRESHOLDS_CM = {10, 15, 25, 40};
  /** Underpasses and tunnels are stricter: vehicles stall and people drown in less water there. */
  public static final double[] UNDERPASS_THRESHOLDS_CM = {5, 10, 20, 30};
  /** A gauged checkpoint without a reading for this long is silent (in and out of the flood season). */
  public static final int SILENT_MINUTES_IN_SEASON = 30;
  public static final int SILENT_MINUTES_OFF_SEASON = 180;
  /** The flood season (汛期) in Henan. */
  public static final MonthDay SEASON_START = MonthDay.of(6, 1);
  public static final MonthDay SEASON_END = MonthDay.of(9, 30);
  /** A level alert resolves itself after the level stayed at none this long. */
  public static final int RESOLVE_MINUTES = 30;
  /** Minutes a raised alert may stay unacknowledged before it is escalated, per level. */
  public static final int ESCALATE_BLUE_MINUTES = 60;
  public static final int ESCALATE_YELLOW_MINUTES = 30;
  public static final int ESCALATE_ORANGE_MINUTES = 15;
  public static final int ESCALATE_RED_MINUTES = 10;
  /** The level of the alert a silent checkpoint raises. */
  public static final WarningLevel SILENT_ALERT_LEVEL = WarningLevel.YELLOW;
  /** Physical limits of readings. */
  public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
  public static final double ABOVE_CREST_TOLERANCE_M = 5;
  public static final double MAX_DEPTH_CM = 500;
  public static final int MAX_BATCH = 1000;

  private CheckpointDefaults() {
  }

  public static double[] thresholdsFor(String pointKind) {
    return "underpass".equals(pointKind) || "tunnel".equals(pointKind)
        ? UNDERPASS_THRESHOLDS_CM.clone() : ROAD_THRESHOLDS_CM.clone();
  }

  public static boolean inSeason(OffsetDateTime at, ZoneId zone) {
    MonthDay day = MonthDay.from(at.atZoneSameInstant(zone));
    return !day.isBefore(SEASON_START) && !day.isAfter(SEASON_END);
  }

  public static int silentMinutes(OffsetDateTime at, ZoneId zone) {
    return inSeason(at, zone) ? SILENT_MINUTES_IN_SEASON : SILENT_MINUTES_OFF_SEASON;
  }
}
