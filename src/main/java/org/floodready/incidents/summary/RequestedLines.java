package org.floodready.incidents.summary;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/**
 * Extension point for the request workflow (物资申请): what was requested and approved for an incident, with
 * the times request → approve → dispatch → arrive. The requests, approvals and dispatches tables are not on
 * this branch, so {@link #NONE} answers nothing; the integrator passes a real source to
 * {@link SummaryRoutes} and {@link IncidentSummaries} after the merge.
 */
public interface RequestedLines {
  /** One requested line and what became of it; null times are steps not reached. */
  record Line(long itemId, String itemNameZh, String unitOfMeasure, BigDecimal requested, BigDecimal approved,
      OffsetDateTime requestedAt, OffsetDateTime approvedAt, OffsetDateTime dispatchedAt, OffsetDateTime arrivedAt) {

    JsonObject toJson(Function<OffsetDateTime, String> iso) {
      return new JsonObject().put("itemId", itemId).put("itemNameZh", itemNameZh)
          .put("unitOfMeasure", unitOfMeasure).put("requested", Figures.json(requested))
          .put("approved", Figures.json(approved)).put("requestedAt", iso.apply(requestedAt))
          .put("approvedAt", iso.apply(approvedAt)).put("dispatchedAt", iso.apply(dispatchedAt))
          .put("arrivedAt", iso.apply(arrivedAt));
    }
  }

  RequestedLines NONE = incidentId -> Future.succeededFuture(List.of());

  Future<List<Line>> forIncident(long incidentId);
}
