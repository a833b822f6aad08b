package org.floodready.incidents.summary;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.floodready.db.Where;

/** What went to incidents and what came back, read from the stock ledger and the incident returns. */
public final class IncidentSupplies {
  /** Per incident and item: sent (issues), transferred (outgoing transfer halves), and what came back. */
  private static final String LINES = """
      WITH sent AS (
        SELECT m.incident_id, m.item_id,
               COALESCE(-sum(m.quantity) FILTER (WHERE m.kind = 'issue'), 0) AS sent,
               COALESCE(-sum(m.quantity) FILTER (WHERE m.kind = 'transfer' AND m.quantity < 0), 0) AS transferred,
               min(m.at) FILTER (WHERE m.kind IN ('issue', 'transfer')) AS first_sent_at,
               max(m.at) FILTER (WHERE m.kind IN ('issue', 'transfer')) AS last_sent_at
        FROM stock_movements m WHERE m.incident_id = ANY($1) GROUP BY m.incident_id, m.item_id),
      back AS (
        SELECT r.incident_id, r.item_id,
               COALESCE(sum(r.quantity) FILTER (WHERE r.condition <> 'lost'), 0) AS returned,
               COALESCE(sum(r.quantity) FILTER (WHERE r.condition = 'needs_repair'), 0) AS needs_repair,
               COALESCE(sum(r.quantity) FILTER (WHERE r.condition = 'lost'), 0) AS lost,
               max(r.returned_at) AS last_returned_at
        FROM incident_returns r WHERE r.incident_id = ANY($1) GROUP BY r.incident_id, r.item_id)
      SELECT COALESCE(s.incident_id, b.incident_id) AS incident_id, i.id AS item_id, i.code, i.name_zh, i.name_en,
             i.unit_of_measure, i.reusable, COALESCE(s.sent, 0) AS sent, COALESCE(s.transferred, 0) AS transferred,
             COALESCE(b.returned, 0) AS returned, COALESCE(b.needs_repair, 0) AS needs_repair,
             COALESCE(b.lost, 0) AS lost, s.first_sent_at, s.last_sent_at, b.last_returned_at
      FROM sent s FULL JOIN back b ON b.incident_id = s.incident_id AND b.item_id = s.item_id
      JOIN items i ON i.id = COALESCE(s.item_id, b.item_id)
      ORDER BY 1, i.code""";

  /** Per incident and issued lot of a reusable item: issued, and what came back or was lost. */
  private static final String OUT = """
      SELECT n.id AS incident_id, n.title, n.status, n.closed_at, l.id AS lot_id, l.lot_code, b.id AS base_id,
             b.name_zh AS base_name_zh, i.id AS item_id, i.name_zh, i.name_en, i.unit_of_measure,
             o.issued, COALESCE(r.returned, 0) AS returned, COALESCE(r.needs_repair, 0) AS needs_repair,
             COALESCE(r.lost, 0) AS lost, o.last_issued_at
      FROM (SELECT incident_id, lot_id, -sum(quantity) AS issued, max(at) AS last_issued_at FROM stock_movements
            WHERE kind = 'issue' AND incident_id IS NOT NULL GROUP BY incident_id, lot_id) o
      LEFT JOIN (SELECT incident_id, issued_lot_id,
                        sum(quantity) FILTER (WHERE condition <> 'lost') AS returned,
                        sum(quantity) FILTER (WHERE condition = 'needs_repair') AS needs_repair,
                        sum(quantity) FILTER (WHERE condition = 'lost') AS lost
                 FROM incident_returns GROUP BY incident_id, issued_lot_id) r
        ON r.incident_id = o.incident_id AND r.issued_lot_id = o.lot_id
      JOIN incidents n ON n.id = o.incident_id
      JOIN lots l ON l.id = o.lot_id JOIN items i ON i.id = l.item_id JOIN bases b ON b.id = l.base_id""";

  private static final String TIMELINE = """
      SELECT m.id, m.at, m.kind, r.condition, i.name_zh, l.lot_code, b.name_zh AS base_name_zh,
             CASE WHEN m.kind = 'write_off' THEN r.quantity ELSE abs(m.quantity) END AS quantity,
             i.unit_of_measure, m.actor_name
      FROM stock_movements m JOIN items i ON i.id = m.item_id JOIN lots l ON l.id = m.lot_id
      JOIN bases b ON b.id = m.base_id LEFT JOIN incident_returns r ON r.movement_id = m.id
      WHERE m.incident_id = $1 ORDER BY m.at, m.id LIMIT 2000""";

  private final Pool pool;

  public IncidentSupplies(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<IncidentHeader>> incident(long id) {
    return pool.preparedQuery("SELECT " + IncidentHeader.COLUMNS + IncidentHeader.FROM + " WHERE n.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(IncidentHeader.from(rows.iterator().next())));
  }

  /** Incidents open at some moment of [from, to): reported before its end, not closed before its start. */
  public Future<List<IncidentHeader>> activeBetween(OffsetDateTime from, OffsetDateTime to) {
    return pool.preparedQuery("SELECT " + IncidentHeader.COLUMNS + IncidentHeader.FROM
            + " WHERE n.reported_at < $2 AND (n.closed_at IS NULL OR n.closed_at >= $1) ORDER BY n.reported_at, n.id"
            + " LIMIT 500")
        .execute(Tuple.of(from, to))
        .map(rows -> list(rows, IncidentHeader::from));
  }

  /** Each incident's lines, in the order of {@code incidentIds}' rows (by incident, then item code). */
  public Future<List<IncidentLines>> lines(List<Long> incidentIds) {
    return pool.preparedQuery(LINES).execute(Tuple.of(incidentIds.toArray(new Long[0])))
        .map(rows -> {
          List<IncidentLines> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new IncidentLines(r.getLong("incident_id"), new SupplyLine(r.getLong("item_id"),
                r.getString("code"), r.getString("name_zh"), r.getString("name_en"), r.getString("unit_of_measure"),
                r.getBoolean("reusable"), r.getBigDecimal("sent"), r.getBigDecimal("transferred"),
                r.getBigDecimal("returned"), r.getBigDecimal("needs_repair"), r.getBigDecimal("lost"),
                r.getOffsetDateTime("first_sent_at"), r.getOffsetDateTime("last_sent_at"),
                r.getOffsetDateTime("last_returned_at"))));
          }
          return out;
        });
  }

  /** A supply line with the incident it belongs to. */
  public record IncidentLines(long incidentId, SupplyLine line) {
  }

  /**
   * Reusable equipment per incident and lot; with {@code stillOutOnly} only lines with pieces still out.
   * {@code incidentId} and {@code status} filter when not null.
   */
  public Future<List<OutLine>> outstanding(Long incidentId, String status, boolean stillOutOnly) {
    Where where = new Where().and("i.reusable").and("n.id = ?", incidentId).and("n.status = ?", status);
    if (stillOutOnly) {
      where.and("o.issued - COALESCE(r.returned, 0) - COALESCE(r.lost, 0) > 0");
    }
    return pool.preparedQuery(OUT + where.sql() + " ORDER BY n.closed_at DESC NULLS LAST, n.id DESC, i.name_zh, l.id"
            + " LIMIT 500")
        .execute(where.tuple())
        .map(rows -> list(rows, r -> new OutLine(r.getLong("incident_id"), r.getString("title"),
            r.getString("status"), r.getOffsetDateTime("closed_at"), r.getLong("lot_id"), r.getString("lot_code"),
            r.getLong("base_id"), r.getString("base_name_zh"), r.getLong("item_id"), r.getString("name_zh"),
            r.getString("name_en"), r.getString("unit_of_measure"), r.getBigDecimal("issued"),
            r.getBigDecimal("returned"), r.getBigDecimal("needs_repair"), r.getBigDecimal("lost"),
            r.getOffsetDateTime("last_issued_at"))));
  }

  public Future<List<TimelineEntry>> timeline(long incidentId) {
    return pool.preparedQuery(TIMELINE).execute(Tuple.of(incidentId))
        .map(rows -> list(rows, r -> new TimelineEntry(r.getOffsetDateTime("at"), r.getString("kind"),
            r.getString("condition"), r.getString("name_zh"), r.getString("lot_code"), r.getString("base_name_zh"),
            r.getBigDecimal("quantity"), r.getString("unit_of_measure"), r.getString("actor_name"),
            r.getLong("id"))));
  }

  private static <T> List<T> list(Iterable<Row> rows, Function<Row, T> map) {
    List<T> out = new ArrayList<>();
    rows.forEach(r -> out.add(map.apply(r)));
    return out;
  }

  static BigDecimal sum(List<SupplyLine> lines, Function<SupplyLine, BigDecimal> figure) {
    return lines.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
