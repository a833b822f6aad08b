package org.floodready.incidents.summary;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** Reusable equipment issued to an incident from one lot and what became of it. */
public record OutLine(long incidentId, String incidentTitle, String incidentStatus, OffsetDateTime closedAt,
    long lotId, String lotCode, long baseId, String baseNameZh, long itemId, String itemNameZh, String itemNameEn,
    String unitOfMeasure, BigDecimal issued, BigDecimal returned, BigDecimal needsRepair, BigDecimal lost,
    OffsetDateTime lastIssuedAt) {

  public BigDecimal out() {
    return issued.subtract(returned).subtract(lost);
  }

  JsonObject toJson(Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("key", incidentId + "-" + lotId).put("incidentId", incidentId)
        .put("incidentTitle", incidentTitle).put("incidentStatus", incidentStatus)
        .put("incidentStatusZh", Figures.statusZh(incidentStatus)).put("closedAt", iso.apply(closedAt))
        .put("lotId", lotId).put("lotCode", lotCode).put("baseId", baseId).put("baseNameZh", baseNameZh)
        .put("itemId", itemId).put("itemNameZh", itemNameZh).put("itemNameEn", itemNameEn)
        .put("unitOfMeasure", unitOfMeasure).put("issued", Figures.json(issued))
        .put("returned", Figures.json(returned)).put("needsRepair", Figures.json(needsRepair))
        .put("lost", Figures.json(lost)).put("out", Figures.json(out()))
        .put("lastIssuedAt", iso.apply(lastIssuedAt));
  }
}
