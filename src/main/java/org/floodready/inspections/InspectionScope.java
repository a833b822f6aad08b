package org.floodready.inspections;

import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.access.Visibility;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;

/** Which rounds ({@code r}) a user reads: the sites he sees. Gauges read none. */
final class InspectionScope {
  private InspectionScope() {
  }

  static CurrentUser reader(CurrentUser user) {
    if (user.isGauge()) {
      throw ApiError.forbidden("A gauge reads no inspection rounds");
    }
    return user;
  }

  static Where scope(Where where, CurrentUser user) {
    if (user.is(Role.INSPECTOR)) {
      where.and("(r.site_kind = 'base' OR r.site_id IN " + Visibility.inspectedCheckpoints(where, user.id())
          + " AND r.site_kind IN ('reservoir', 'waterlogging'))");
    } else if (user.is(Role.RIVER_CHIEF)) {
      where.and("r.site_kind = 'reach' AND r.site_id IN " + Visibility.ledReaches(where, user.id()));
    } else if (user.is(Role.BASE_KEEPER)) {
      where.and("r.site_kind = 'base' AND r.site_id IN " + Visibility.keptBases(where, user.id()));
    }
    return where;
  }

  /** The opener and the duty room change a round; others only read it. */
  static void requireWriter(CurrentUser user, long openedBy) {
    if (user.id() != openedBy && !Visibility.actsOnEverything(user)) {
      throw ApiError.forbidden("Only the inspector who opened this round or the duty room may change it");
    }
  }
}
