package org.floodready.incidents.summary;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.floodready.requests.IncidentRequests;

/**
 * What was requested and approved for incidents (物资申请), with the times request → approve → dispatch →
 * arrive and what arrived; read from the request workflow ({@link IncidentRequests}).
 */
public interface RequestedLines {
  /** One requested line and what became of it; null figures and times are steps not reached. */
  record Line(long incidentId, long requestId, String requestStatus, long itemId, String itemNameZh,
      String itemNameEn, String unitOfMeasure, BigDecimal requested, BigDecimal approved, BigDecimal sent,
      BigDecimal received, BigDecimal shortage, OffsetDateTime requestedAt, OffsetDateTime approvedAt,
      OffsetDateTime dispatchedAt, OffsetDateTime arrivedAt) {

    static Line of(IncidentRequests.Line l) {
      return new Line(l.incidentId(), l.requestId(), l.requestStatus(), l.itemId(), l.itemNameZh(), l.itemNameEn(),
          l.unitOfMeasure(), l.requested(), l.approved(), l.sent(), l.received(), l.shortage(), l.requestedAt(),
          l.decidedAt(), l.dispatchedAt(), l.arrivedAt());
    }

    JsonObject toJson(Function<OffsetDateTime, String> iso) {
      return new JsonObject().put("requestId", requestId).put("requestStatus", requestStatus)
          .put("requestStatusZh", Figures.requestStatusZh(requestStatus)).put("itemId", itemId)
          .put("itemNameZh", itemNameZh).put("itemNameEn", itemNameEn).put("unitOfMeasure", unitOfMeasure)
          .put("requested", Figures.json(requested)).put("approved", Figures.json(approved))
          .put("sent", Figures.json(sent)).put("received", Figures.json(received))
          .put("shortage", Figures.json(shortage)).put("requestedAt", iso.apply(requestedAt))
          .put("approvedAt", iso.apply(approvedAt)).put("dispatchedAt", iso.apply(dispatchedAt))
          .put("arrivedAt", iso.apply(arrivedAt));
    }
  }

  /** The lines of these incidents, by incident, then request, then line. */
  Future<List<Line>> forIncidents(List<Long> incidentIds);

  default Future<List<Line>> forIncident(long incidentId) {
    return forIncidents(List.of(incidentId));
  }

  /** The request workflow's tables. */
  static RequestedLines fromRequests(Pool pool) {
    IncidentRequests requests = new IncidentRequests(pool);
    return ids -> requests.lines(ids).map(lines -> lines.stream().map(Line::of).toList());
  }
}
