package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** A lot of one item at one base, with why it is not usable (null when it is). */
public record Lot(long id, long baseId, String baseNameZh, long unitId, long itemId, String itemCode,
    String itemNameZh, String itemNameEn, String category, String unitOfMeasure, boolean needsTestRun,
    String lotCode, BigDecimal quantity, LocalDate receivedOn, LocalDate expiresOn, String condition,
    OffsetDateTime lastTestAt, String lastTestResult, Long lastTestBy, String lastTestByName, LocalDate testDueOn,
    String notUsableReason) {

  static Lot from(Row r) {
    return new Lot(r.getLong("id"), r.getLong("base_id"), r.getString("base_name_zh"), r.getLong("unit_id"),
        r.getLong("item_id"), r.getString("item_code"), r.getString("item_name_zh"), r.getString("item_name_en"),
        r.getString("category"), r.getString("unit_of_measure"), r.getBoolean("needs_test_run"),
        r.getString("lot_code"), r.getBigDecimal("quantity"), r.getLocalDate("received_on"),
        r.getLocalDate("expires_on"), r.getString("condition"), r.getOffsetDateTime("last_test_at"),
        r.getString("last_test_result"), r.getLong("last_test_by"), r.getString("last_test_by_name"),
        r.getLocalDate("test_due_on"), r.getString("not_usable_reason"));
  }

  public boolean usable() {
    return notUsableReason == null;
  }

  public JsonObject toJson(Function<OffsetDateTime, String> iso) {
    JsonObject json = new JsonObject().put("id", id).put("baseId", baseId).put("baseNameZh", baseNameZh)
        .put("unitId", unitId).put("itemId", itemId).put("itemCode", itemCode).put("itemNameZh", itemNameZh)
        .put("itemNameEn", itemNameEn).put("category", category).put("unitOfMeasure", unitOfMeasure)
        .put("lotCode", lotCode).put("quantity", Quantities.json(quantity))
        .put("receivedOn", receivedOn.toString()).put("expiresOn", expiresOn == null ? null : expiresOn.toString())
        .put("condition", condition).put("usable", usable()).put("notUsableReason", notUsableReason)
        .put("usableQuantity", Quantities.json(usable() ? quantity : BigDecimal.ZERO));
    if (needsTestRun) {
      json.put("lastTest", lastTestAt == null ? null : new JsonObject().put("at", iso.apply(lastTestAt))
              .put("result", lastTestResult).put("byId", lastTestBy).put("by", lastTestByName))
          .put("testDueOn", testDueOn == null ? null : testDueOn.toString());
    }
    return json;
  }
}
