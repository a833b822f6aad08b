package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Units under an active red or orange warning, read from the checkpoints domain's view
 * {@code v_active_warnings}. A warning covers the units above and below the checkpoint's unit:
 * a district hazard lies in the warned street's district, a street's hazards in a warned district.
 */
final class ActiveWarnings {
  private static final String UNDEFINED_TABLE = "42P01";

  private ActiveWarnings() {
  }

  static Future<Long[]> coveredUnitIds(SqlClient db) {
    return db.query("""
            WITH RECURSIVE warned AS (
              SELECT DISTINCT unit_id AS id FROM v_active_warnings WHERE level IN ('red', 'orange')),
            down AS (
              SELECT id FROM warned
              UNION SELECT u.id FROM units u JOIN down ON u.parent_id = down.id),
            up AS (
              SELECT id FROM warned
              UNION SELECT u.parent_id FROM units u JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL)
            SELECT id FROM down UNION SELECT id FROM up""")
        .execute()
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getLong("id")));
          return ids.toArray(Long[]::new);
        })
        .recover(failure -> {
          // Without the checkpoints domain there are no warnings, so nothing is shortened.
          if (failure instanceof PgException pg && UNDEFINED_TABLE.equals(pg.getSqlState())) {
            return Future.succeededFuture(new Long[0]);
          }
          return Future.failedFuture(failure);
        });
  }
}
