package org.floodready.requests;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.floodready.inventory.Quantities;

/**
 * What was asked for incidents (险情) and what became of it: the requests filed for an incident with their
 * status, and per request line requested → approved → sent → received (the shortage), with the times. Read by
 * the incident detail and the incident supply summary; this package does not call back into incidents.
 */
public final class IncidentRequests {
  /** One request line for an incident; null figures and times are steps not reached. */
  public record Line(long incidentId, long requestId, String requestStatus, long itemId, String itemCode,
      String itemNameZh, String itemNameEn, String unitOfMeasure, BigDecimal requested, BigDecimal approved,
      BigDecimal sent, BigDecimal received, BigDecimal shortage, OffsetDateTime requestedAt,
      OffsetDateTime decidedAt, OffsetDateTime dispatchedAt, OffsetDateTime arrivedAt) {
  }

  private static final String LINES = """
      SELECT r.incident_id, r.id AS request_id, r.status, i.id AS item_id, i.code, i.name_zh, i.name_en,
             i.unit_of_measure, l.quantity, l.approved_quantity,
             sum(a.quantity) FILTER (WHERE a.dispatch_id IS NOT NULL) AS sent,
             sum(a.received_quantity) AS received,
             sum(a.quantity - a.received_quantity) FILTER (WHERE a.received_quantity IS NOT NULL) AS shortage,
             r.requested_at, r.decided_at, min(d.dispatched_at) AS dispatched_at, max(d.received_at) AS arrived_at
      FROM supply_requests r JOIN supply_request_lines l ON l.request_id = r.id JOIN items i ON i.id = l.item_id
      LEFT JOIN request_allocations a ON a.line_id = l.id LEFT JOIN dispatches d ON d.id = a.dispatch_id
      WHERE r.incident_id = ANY($1)
      GROUP BY r.id, l.id, i.id
      ORDER BY r.incident_id, r.requested_at, r.id, l.line_no
      LIMIT 2000""";

  private final Pool pool;

  public IncidentRequests(Pool pool) {
    this.pool = pool;
  }

  /** Every request line of these incidents, by incident, then request, then line. */
  public Future<List<Line>> lines(List<Long> incidentIds) {
    return pool.preparedQuery(LINES).execute(Tuple.of(incidentIds.toArray(new Long[0]))).map(rows -> {
      List<Line> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new Line(r.getLong("incident_id"), r.getLong("request_id"), r.getString("status"),
            r.getLong("item_id"), r.getString("code"), r.getString("name_zh"), r.getString("name_en"),
            r.getString("unit_of_measure"), r.getBigDecimal("quantity"), r.getBigDecimal("approved_quantity"),
            r.getBigDecimal("sent"), r.getBigDecimal("received"), r.getBigDecimal("shortage"),
            r.getOffsetDateTime("requested_at"), r.getOffsetDateTime("decided_at"),
            r.getOffsetDateTime("dispatched_at"), r.getOffsetDateTime("arrived_at")));
      }
      return out;
    });
  }

  /**
   * The requests filed for an incident, newest first, each with its status and lines (asked, approved,
   * received), for the incident's detail: whoever sees the incident sees what was asked for it.
   */
  public Future<JsonArray> filedFor(long incidentId, Function<OffsetDateTime, String> iso) {
    return pool.preparedQuery("SELECT " + RequestRepository.COLUMNS + RequestRepository.FROM
            + " WHERE r.incident_id = $1 ORDER BY r.requested_at DESC, r.id DESC LIMIT 200")
        .execute(Tuple.of(incidentId))
        .compose(requests -> lines(List.of(incidentId)).map(lines -> {
          JsonArray out = new JsonArray();
          for (Row r : requests) {
            long id = r.getLong("id");
            JsonArray own = new JsonArray();
            lines.stream().filter(l -> l.requestId() == id).forEach(l -> own.add(new JsonObject()
                .put("itemId", l.itemId()).put("itemNameZh", l.itemNameZh()).put("unitOfMeasure", l.unitOfMeasure())
                .put("quantity", Quantities.json(l.requested())).put("approvedQuantity", Quantities.json(l.approved()))
                .put("sent", Quantities.json(l.sent())).put("received", Quantities.json(l.received()))
                .put("shortage", Quantities.json(l.shortage()))));
            out.add(RequestRepository.toJson(r, iso).put("lines", own));
          }
          return out;
        }));
  }
}
