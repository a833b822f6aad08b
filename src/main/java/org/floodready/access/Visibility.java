package org.floodready.access;

import org.floodready.db.Where;

/**
 * Who sees and acts on what, the one home of the rule. Admin, duty room and viewers see every unit, base,
 * checkpoint and reach; admin and the duty room also act on all of them. A base keeper sees and keeps the
 * bases assigned to him, an inspector his checkpoints, a river chief the reaches he leads, a gauge the
 * checkpoints its key posts to. The SQL here binds the user through {@link Where} ({@code $n}) or takes the
 * placeholder of a fixed statement; the in-memory checks answer for one row already read.
 */
public final class Visibility {
  private Visibility() {
  }

  /** Admin, duty room and viewers read everything. */
  public static boolean seesEverything(CurrentUser user) {
    return user.role().seesEverything();
  }

  /** Admin and the duty room act on every base, checkpoint and reach. */
  public static boolean actsOnEverything(CurrentUser user) {
    return user.is(Role.ADMIN) || user.is(Role.DUTY_OFFICER);
  }

  /** The ids of the bases kept by the user bound to {@code user} (a placeholder such as {@code $1}). */
  public static String keptBases(String user) {
    return "(SELECT base_id FROM base_keepers WHERE user_id = " + user + ")";
  }

  public static String keptBases(Where where, long userId) {
    return keptBases(where.bind(userId));
  }

  /** The ids of the checkpoints inspected by the user bound to {@code user}. */
  public static String inspectedCheckpoints(String user) {
    return "(SELECT checkpoint_id FROM checkpoint_inspectors WHERE user_id = " + user + ")";
  }

  public static String inspectedCheckpoints(Where where, long userId) {
    return inspectedCheckpoints(where.bind(userId));
  }

  /** The ids of the checkpoints a gauge's API key (bound to {@code key}) posts to. */
  public static String gaugeCheckpoints(String key) {
    return "(SELECT checkpoint_id FROM api_key_checkpoints WHERE api_key_id = " + key + ")";
  }

  /** The ids of the reaches led by the user bound to {@code user}. */
  public static String ledReaches(String user) {
    return "(SELECT id FROM reaches WHERE chief_user_id = " + user + ")";
  }

  public static String ledReaches(Where where, long userId) {
    return ledReaches(where.bind(userId));
  }

  /** A gauge's API key id ({@link CurrentUser} carries it negated). */
  public static long gaugeKey(CurrentUser user) {
    return -user.id();
  }

  /** A keeper reads only rows whose {@code baseColumn} is a base he keeps; every other role all of them. */
  public static Where bases(Where where, CurrentUser user, String baseColumn) {
    if (user.is(Role.BASE_KEEPER)) {
      where.and(baseColumn + " IN " + keptBases(where, user.id()));
    }
    return where;
  }

  /** An inspector reads only his checkpoints, a gauge its key's; every other role all of them. */
  public static Where checkpoints(Where where, CurrentUser user, String checkpointColumn) {
    if (user.is(Role.INSPECTOR)) {
      where.and(checkpointColumn + " IN " + inspectedCheckpoints(where, user.id()));
    } else if (user.isGauge()) {
      where.and(checkpointColumn + " IN " + gaugeCheckpoints(where.bind(gaugeKey(user))));
    }
    return where;
  }

  /** A river chief reads only rows whose {@code chiefColumn} (a reach's chief) is himself; others all. */
  public static Where reaches(Where where, CurrentUser user, String chiefColumn) {
    return where.and(chiefColumn + " = ?", chief(user));
  }

  /** The chief whose reaches bound a read, or null for every other role. */
  public static Long chief(CurrentUser user) {
    return user.is(Role.RIVER_CHIEF) ? user.id() : null;
  }

  /** Whether the user sees a reach led by {@code reachChiefId}: everything-readers, and its own chief. */
  public static boolean seesReach(CurrentUser user, Long reachChiefId) {
    return seesEverything(user) || isChief(user, reachChiefId);
  }

  /** Whether the user acts on a reach led by {@code reachChiefId}: the duty room, and its own chief. */
  public static boolean actsOnReach(CurrentUser user, Long reachChiefId) {
    return actsOnEverything(user) || isChief(user, reachChiefId);
  }

  /** A river chief reads the hazards on his reaches and those he reported; every other role all of them. */
  public static Where hazards(Where where, CurrentUser user, String chiefColumn, String reporterColumn) {
    return hazardsOf(where, chief(user), chiefColumn, reporterColumn);
  }

  /** Like {@link #hazards} for the chief of {@link #chief} (null: no limit). */
  public static Where hazardsOf(Where where, Long chief, String chiefColumn, String reporterColumn) {
    if (chief != null) {
      String p = where.bind(chief);
      where.and("(" + chiefColumn + " = " + p + " OR " + reporterColumn + " = " + p + ")");
    }
    return where;
  }

  /** Whether the user sees a hazard on a reach led by {@code reachChiefId}, reported by {@code reportedBy}. */
  public static boolean seesHazard(CurrentUser user, Long reachChiefId, Long reportedBy) {
    return seesEverything(user) || isChief(user, reachChiefId) || isChief(user, reportedBy);
  }

  private static boolean isChief(CurrentUser user, Long reachChiefId) {
    return user.is(Role.RIVER_CHIEF) && reachChiefId != null && reachChiefId == user.id();
  }

  /**
   * The units a person is assigned to through his bases, reaches, checkpoints and own unit, each with every
   * unit below: a recursive query over the user bound to {@code user}.
   */
  public static String assignedUnits(String user) {
    return """
        WITH RECURSIVE roots AS (
          SELECT b.unit_id AS id FROM bases b WHERE b.id IN %1$s
          UNION SELECT unit_id FROM reaches WHERE id IN %2$s
          UNION SELECT c.unit_id FROM checkpoints c WHERE c.id IN %3$s
          UNION SELECT unit_id FROM users WHERE id = %4$s AND unit_id IS NOT NULL),
        sub AS (
          SELECT id FROM roots
          UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)
        SELECT id FROM sub""".formatted(keptBases(user), ledReaches(user), inspectedCheckpoints(user), user);
  }
}
