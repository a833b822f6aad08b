package org.floodready.patrols;

import io.vertx.ext.web.RoutingContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.errors.ApiError;
import org.floodready.access.Visibility;

/** Who sees and does what in the river-chief domain. Chiefs are limited to the reaches they own. */
final class RiverAccess {
  private RiverAccess() {
  }

  /** Admin, duty room and viewers read everything; a river chief reads his own reaches. */
  static CurrentUser reader(RoutingContext ctx) {
    return CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER, Role.VIEWER, Role.RIVER_CHIEF);
  }

  static CurrentUser dutyRoom(RoutingContext ctx) {
    return CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
  }

  /** 403 unless the user is the duty room, or the chief of this reach. */
  static void requireReach(CurrentUser user, Long reachChiefId, String doing) {
    if (!Visibility.actsOnReach(user, reachChiefId)) {
      throw ApiError.forbidden("Only the chief of this reach or the duty room may " + doing);
    }
  }
}
