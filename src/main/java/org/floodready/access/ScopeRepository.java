package org.floodready.access;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;

/** The units a person is assigned to (bases kept, reaches led, checkpoints inspected, own unit) and all below them. */
final class ScopeRepository {
  private final Pool pool;

  ScopeRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Set<Long>> unitsOf(long userId) {
    return pool.preparedQuery("""
            WITH RECURSIVE roots AS (
              SELECT b.unit_id AS id FROM bases b JOIN base_keepers k ON k.base_id = b.id WHERE k.user_id = $1
              UNION SELECT unit_id FROM reaches WHERE chief_user_id = $1
              UNION SELECT c.unit_id FROM checkpoints c
                JOIN checkpoint_inspectors i ON i.checkpoint_id = c.id WHERE i.user_id = $1
              UNION SELECT unit_id FROM users WHERE id = $1 AND unit_id IS NOT NULL),
            sub AS (
              SELECT id FROM roots
              UNION SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id)
            SELECT id FROM sub""")
        .execute(Tuple.of(userId))
        .map(rows -> {
          Set<Long> ids = new HashSet<>();
          rows.forEach(r -> ids.add(r.getLong("id")));
          return ids;
        });
  }
}
