package org.floodready.incidents.summary;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * One item's account at an incident. {@code returned} counts every piece that came back (good or needing
 * repair; {@code needsRepair} is part of it), {@code lost} what will not; equipment still out is the rest.
 * Consumables (not reusable) are used up unless they come back.
 */
public record SupplyLine(long itemId, String itemCode, String itemNameZh, String itemNameEn, String unitOfMeasure,
    boolean reusable, BigDecimal sent, BigDecimal transferred, BigDecimal returned, BigDecimal needsRepair,
    BigDecimal lost, OffsetDateTime firstSentAt, OffsetDateTime lastSentAt, OffsetDateTime lastReturnedAt) {

  public BigDecimal stillOut() {
    return reusable ? sent.subtract(returned).subtract(lost).max(BigDecimal.ZERO) : BigDecimal.ZERO;
  }

  public BigDecimal used() {
    return reusable ? BigDecimal.ZERO : sent.subtract(returned).subtract(lost).max(BigDecimal.ZERO);
  }

  JsonObject toJson(Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("itemId", itemId).put("itemCode", itemCode).put("itemNameZh", itemNameZh)
        .put("itemNameEn", itemNameEn).put("unitOfMeasure", unitOfMeasure).put("reusable", reusable)
        .put("sent", Figures.json(sent)).put("transferred", Figures.json(transferred))
        .put("used", Figures.json(used())).put("returned", Figures.json(returned))
        .put("needsRepair", Figures.json(needsRepair)).put("lost", Figures.json(lost))
        .put("stillOut", Figures.json(stillOut()))
        .put("firstSentAt", iso.apply(firstSentAt)).put("lastSentAt", iso.apply(lastSentAt))
        .put("lastReturnedAt", iso.apply(lastReturnedAt));
  }
}
