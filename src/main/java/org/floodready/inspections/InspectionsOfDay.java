package org.floodready.inspections;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The rounds closed in a period with their problems, for the daily report. */
public final class InspectionsOfDay {
  /** One problem of a round, or the round itself (position null) when it found none. */
  public record Line(long roundId, String siteKind, String siteNameZh, OffsetDateTime closedAt, String inspector,
      long items, Integer position, String itemZh, String severity, String note, Long hazardId,
      OffsetDateTime deadline) {
  }

  private final Pool pool;

  public InspectionsOfDay(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Line>> lines(OffsetDateTime from, OffsetDateTime to, int limit) {
    return InspectionRepository.closedBetween(pool, from, to, limit).map(rows -> {
      List<Line> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Line(r.getLong("id"), r.getString("site_kind"), r.getString("site_name_zh"),
            r.getOffsetDateTime("closed_at"), r.getString("opener_name"), r.getLong("items"),
            r.getInteger("position"), r.getString("text_zh"), r.getString("severity"), r.getString("note"),
            r.getLong("hazard_id"), r.getOffsetDateTime("deadline_at")));
      }
      return out;
    });
  }
}
