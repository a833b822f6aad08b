package org.floodready.requests;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;

/**
 * Who sees which requests: the duty room, admins and viewers all of them; a street or community account
 * those of its unit; a keeper those that take from or go to his bases; anyone else the ones he filed.
 */
final class RequestAccess {
  private static final String KEPT = "(SELECT base_id FROM base_keepers WHERE user_id = ?)";

  private final Pool pool;

  RequestAccess(Pool pool) {
    this.pool = pool;
  }

  static Where scope(CurrentUser user, Where where) {
    if (user.role().seesEverything()) {
      return where;
    }
    if (user.is(Role.REQUESTER)) {
      String p = where.bind(user.unitId() == null ? -1L : user.unitId());
      return where.and("(r.unit_id = " + p + " OR r.requested_by = " + where.bind(user.id()) + ")");
    }
    if (user.is(Role.BASE_KEEPER)) {
      String p = where.bind(user.id());
      String kept = KEPT.replace("?", p);
      return where.and("(r.to_base_id IN " + kept + " OR EXISTS (SELECT 1 FROM request_allocations a"
          + " WHERE a.request_id = r.id AND a.base_id IN " + kept + "))");
    }
    return where.and("r.requested_by = ?", user.id());
  }

  /** 404 when the request does not exist or the user may not see it (its existence is not told). */
  Future<Void> requireRead(CurrentUser user, long requestId) {
    Where where = scope(user, new Where().and("r.id = ?", requestId));
    return pool.preparedQuery("SELECT r.id FROM supply_requests r" + where.sql()).execute(where.tuple())
        .map(rows -> {
          if (rows.size() == 0) {
            throw ApiError.notFound("Request", requestId);
          }
          return null;
        });
  }

  /** Reading a dispatch: whoever sees its request, and the keepers of the base it leaves from. */
  Future<Void> requireReadDispatch(CurrentUser user, Row dispatch) {
    return isKeeper(user, dispatch.getLong("from_base_id")).compose(keeper -> keeper ? Future.succeededFuture()
        : requireRead(user, dispatch.getLong("request_id")));
  }

  /**
   * Confirming receipt: the duty room, admins; for a transfer the keepers of the receiving base; for an issue
   * the requesting unit's accounts and whoever filed the request (an incident's commander).
   */
  Future<Void> requireReceiver(CurrentUser user, Row dispatch) {
    if (user.is(Role.ADMIN) || user.is(Role.DUTY_OFFICER)) {
      return Future.succeededFuture();
    }
    Long toBase = dispatch.getLong("to_base_id");
    if (toBase != null) {
      return isKeeper(user, toBase).map(ok -> {
        if (!ok) {
          throw ApiError.forbidden("Only a keeper of " + dispatch.getString("to_base_name_zh") + " confirms this transfer");
        }
        return null;
      });
    }
    boolean ofUnit = user.is(Role.REQUESTER) && dispatch.getLong("unit_id").equals(user.unitId());
    if (ofUnit || dispatch.getLong("requested_by") == user.id()) {
      return Future.succeededFuture();
    }
    return Future.failedFuture(ApiError.forbidden("Only the requesting unit or the duty room confirms this receipt"));
  }

  private Future<Boolean> isKeeper(CurrentUser user, long baseId) {
    if (!user.is(Role.BASE_KEEPER)) {
      return Future.succeededFuture(false);
    }
    return pool.preparedQuery("SELECT 1 FROM base_keepers WHERE base_id = $1 AND user_id = $2")
        .execute(Tuple.of(baseId, user.id())).map(rows -> rows.size() > 0);
  }
}
