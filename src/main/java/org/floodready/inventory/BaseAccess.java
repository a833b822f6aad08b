package org.floodready.inventory;

import io.vertx.core.Future;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.errors.ApiError;
import org.floodready.access.Assignments;

/**
 * Who may read and change stock at a base: admins everything; keepers only the bases they keep;
 * the duty room reads everything and orders transfers; everyone else reads.
 */
final class BaseAccess {
  private final BaseRepository bases;
  private final Assignments assignments;

  BaseAccess(BaseRepository bases, Assignments assignments) {
    this.bases = bases;
    this.assignments = assignments;
  }

  /** 404 for an unknown base, 403 unless the user is an admin or keeps the base. */
  Future<Base> requireKeeper(CurrentUser user, long baseId) {
    return requireBase(baseId).compose(base -> mayKeep(user, baseId).map(ok -> {
      if (!ok) {
        throw ApiError.forbidden(denial(user, base.nameZh()));
      }
      return base;
    }));
  }

  /**
   * Like {@link #requireKeeper} for a lot already loaded: the lot's row proved its base exists, so only a
   * keeper's assignment needs a query (admins pass at once, other roles are refused at once).
   */
  Future<Lot> requireKeeperOf(CurrentUser user, Lot lot) {
    return mayKeep(user, lot.baseId()).map(ok -> {
      if (!ok) {
        throw ApiError.forbidden(denial(user, lot.baseNameZh()));
      }
      return lot;
    });
  }

  /** Like {@link #requireKeeper} but the duty room may act too (transfers). */
  Future<Base> requireKeeperOrDuty(CurrentUser user, long baseId) {
    if (user.is(Role.DUTY_OFFICER)) {
      return requireBase(baseId);
    }
    return requireKeeper(user, baseId);
  }

  /** Keepers read only their own bases; everyone else reads all. */
  Future<Base> requireRead(CurrentUser user, long baseId) {
    return requireBase(baseId).compose(base -> {
      if (!user.is(Role.BASE_KEEPER)) {
        return Future.succeededFuture(base);
      }
      return assignments.keeps(user.id(), baseId).map(ok -> {
        if (!ok) {
          throw ApiError.forbidden("You keep other bases, not " + base.nameZh());
        }
        return base;
      });
    });
  }

  Future<Base> requireBase(long baseId) {
    return bases.find(baseId).map(b -> b.orElseThrow(() -> ApiError.notFound("Base", baseId)));
  }

  private Future<Boolean> mayKeep(CurrentUser user, long baseId) {
    if (user.is(Role.ADMIN)) {
      return Future.succeededFuture(true);
    }
    if (!user.is(Role.BASE_KEEPER)) {
      return Future.succeededFuture(false);
    }
    return assignments.keeps(user.id(), baseId);
  }

  private static String denial(CurrentUser user, String baseNameZh) {
    if (user.is(Role.BASE_KEEPER)) {
      return "You are not a keeper of " + baseNameZh + "; only its keepers may change its stock";
    }
    return "Role " + user.role().code() + " may not change stock at a base";
  }
}
