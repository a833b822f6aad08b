package org.floodready.audit;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** The audit trail: who changed what. Write with the transaction's connection so both commit together. */
public final class AuditLog {
  private final Pool pool;

  public AuditLog(Pool pool) {
    this.pool = pool;
  }

  public static Future<Void> record(SqlClient tx, OffsetDateTime at, CurrentUser actor, String action,
      String entityType, Object entityId, JsonObject details) {
    return tx.preparedQuery("""
            INSERT INTO audit_log (at, actor_id, actor_name, action, entity_type, entity_id, details)
            VALUES ($1, $2, $3, $4, $5, $6, $7)""")
        .execute(Tuple.of(at, actor == null ? null : actor.id(), actor == null ? "system" : actor.username(),
            action, entityType, entityId == null ? null : entityId.toString(), details))
        .mapEmpty();
  }

  public Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select("id, at, actor_id, actor_name, action, entity_type, entity_id, details",
            " FROM audit_log", where))
        .execute(where.tuple());
  }
}
