package org.floodready.board.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The daily report's own queries (what the foundation tables hold about a day). */
public final class ReportRepository {
  private final Pool pool;

  public ReportRepository(Pool pool) {
    this.pool = pool;
  }

  public record Change(OffsetDateTime at, String actor, String action, String entityType, String entityId) {
  }

  /** Every audited change in [from, to), oldest first; bounded so a busy day cannot swamp the report. */
  public Future<List<Change>> changes(OffsetDateTime from, OffsetDateTime to, int limit) {
    return pool.preparedQuery("""
            SELECT at, actor_name, action, entity_type, entity_id FROM audit_log
            WHERE at >= $1 AND at < $2 ORDER BY at, id LIMIT $3""")
        .execute(Tuple.of(from, to, limit))
        .map(rows -> {
          List<Change> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new Change(r.getOffsetDateTime("at"), r.getString("actor_name"), r.getString("action"),
                r.getString("entity_type"), r.getString("entity_id")));
          }
          return out;
        });
  }
}
