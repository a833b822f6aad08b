package org.floodready.incidents;

import java.util.List;
import java.util.Map;

/**
 * What an incident (险情) may be and how it moves: reported → responding → under_control → closed. A move
 * goes forward only (a false alarm may be closed straight away); going back is refused.
 */
public final class IncidentRules {
  public static final String REPORTED = "reported";
  public static final String RESPONDING = "responding";
  public static final String UNDER_CONTROL = "under_control";
  public static final String CLOSED = "closed";
  public static final List<String> STATUSES = List.of(REPORTED, RESPONDING, UNDER_CONTROL, CLOSED);
  public static final List<String> KINDS = List.of("piping", "seepage", "overtopping", "breach", "slope_slide",
      "waterlogging", "structure_damage", "other");
  public static final List<String> SEVERITIES = List.of("low", "medium", "high", "critical");

  /** Chinese names of the kinds, for default titles and exports. */
  public static final Map<String, String> KIND_ZH = Map.of("piping", "管涌", "seepage", "渗水",
      "overtopping", "漫溢", "breach", "决口", "slope_slide", "滑坡", "waterlogging", "内涝积水",
      "structure_damage", "建筑物损坏", "other", "其他险情");

  /** Severity and status in Chinese with English, as the board and the field app show them. */
  public static final Map<String, String> SEVERITY_ZH = Map.of("low", "一般 low", "medium", "较大 medium",
      "high", "重大 high", "critical", "特别重大 critical");
  public static final Map<String, String> STATUS_ZH = Map.of("reported", "已上报 reported", "responding",
      "处置中 responding", "under_control", "已控制 under control", "closed", "已结束 closed");

  private IncidentRules() {
  }

  /** True when {@code to} comes after {@code from} in the life of an incident. */
  public static boolean canMove(String from, String to) {
    return STATUSES.indexOf(to) > STATUSES.indexOf(from);
  }

  public static boolean isOpen(String status) {
    return !CLOSED.equals(status);
  }
}
