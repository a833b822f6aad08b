package org.floodready.incidents;

import java.util.List;
import java.util.Map;

/**
 * Rescue teams (抢险队伍): what they can do and how their status moves. A team on standby may be dispatched
 * (deployed); standing it down sends it to rest or straight back to standby; a resting team returns to
 * standby. Only standby teams count for readiness.
 */
public final class TeamRules {
  public static final String STANDBY = "standby";
  public static final String DEPLOYED = "deployed";
  public static final String RESTING = "resting";
  public static final List<String> STATUSES = List.of(STANDBY, DEPLOYED, RESTING);
  /** After a stand-down: rest first, or at once ready again. */
  public static final List<String> AFTER_STAND_DOWN = List.of(RESTING, STANDBY);
  public static final List<String> SPECIALITIES = List.of("boats", "pumps", "sandbagging", "divers", "electrical",
      "medical", "rescue", "machinery", "communications");
  public static final Map<String, String> SPECIALITY_ZH = Map.of("boats", "舟艇", "pumps", "排涝泵",
      "sandbagging", "装袋堵口", "divers", "潜水", "electrical", "电力抢修", "medical", "医疗救护",
      "rescue", "搜救", "machinery", "机械", "communications", "通信保障");

  private TeamRules() {
  }

  /** The status a stand-down to {@code target} leads to from {@code status}, or null when not allowed. */
  public static String standDown(String status, String target) {
    if (DEPLOYED.equals(status) && AFTER_STAND_DOWN.contains(target)) {
      return target;
    }
    if (RESTING.equals(status) && STANDBY.equals(target)) {
      return STANDBY;
    }
    return null;
  }
}
