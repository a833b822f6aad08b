package org.floodready.incidents;

import io.vertx.core.Future;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.access.Scope;

/**
 * Who sees which incidents and teams: the readiness scope (admin, duty room and viewers everything; others
 * the units of their bases, reaches, checkpoints and own unit with every unit below), plus the incidents a
 * person reported himself. Gauges see none.
 */
final class IncidentAccess {
  private IncidentAccess() {
  }

  static Future<Scope> scope(AppContext app, CurrentUser user) {
    return app.scopes().of(user);
  }

  /** Limits incidents {@code i} to the scope. */
  static Where incidents(Where where, Scope scope, CurrentUser user) {
    if (!scope.everything()) {
      String units = where.bind(scope.units().toArray(Long[]::new));
      where.and("(i.unit_id = ANY(" + units + ") OR i.reported_by = ?)", user.id());
    }
    return where;
  }

  /** Limits rows with a {@code unit_id} column of {@code alias} to the scope. */
  static Where units(Where where, String alias, Scope scope) {
    if (!scope.everything()) {
      where.and(alias + ".unit_id = ANY(?)", scope.units().toArray(Long[]::new));
    }
    return where;
  }

  /** {@code column} is the unit or a unit below it. */
  static Where subtree(Where where, String column, Long unitId) {
    return where.and(column + " IN (WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = ?"
        + " UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) SELECT id FROM sub)", unitId);
  }
}
