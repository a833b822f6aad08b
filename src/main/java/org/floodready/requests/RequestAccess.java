package org.floodready.requests;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.access.Assignments;
import org.floodready.access.Visibility;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;

/**
 * Who sees which requests: the duty room, admins and viewers all of them; a street or community account
 * those of its unit; a keeper those that take from or go to his bases; anyone else the ones he filed.
 */
final class RequestAccess {
  private final Pool pool;
  private final Assignments assignments;

  RequestAccess(Pool pool) {
    this.pool = pool;
    this.assignments = new Assignments(pool);
  }

  static Where scope(CurrentUser user, Where where) {
    if (Visibility.seesEverything(user)) {
      return where;
    }
    if (user.is(Role.REQUESTER)) {
      String p = where.bind(user.unitId() == null ? -1L : user.unitId());
      return where.and("(r.unit_id = " + p + " OR r.requested_by = " + where.bind(user.id()) + ")");
    }
    if (user.is(Role.BASE_KEEPER)) {
      String kept = Visibility.keptBases(where, user.id());
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
    return assignments.isKeeper(user, dispatch.getLong("from_base_id")).compose(keeper -> keeper ? Future.succeededFuture()
        : requireRead(user, dispatch.getLong("request_id")));
  }

  /**
   * Confirming receipt: the duty room, admins; for a transfer the keepers of the receiving base; for an issue
   * the requesting unit's accounts and whoever filed the request (an incident's commander).
   */
  Future<Void> requireReceiver(CurrentUser user, Row dispatch) {
    if (Visibility.actsOnEverything(user)) {
      return Future.succeededFuture();
    }
    Long toBase = dispatch.getLong("to_base_id");
    if (toBase != null) {
      return assignments.isKeeper(user, toBase).map(ok -> {
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
}
