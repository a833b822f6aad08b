package org.floodready.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.floodready.errors.ApiError;
import org.floodready.geo.Geo;
import org.floodready.support.Contract;
import org.junit.jupiter.api.Test;

class InventoryValidationTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 7, 20);

  private static ApiError fails(Runnable r) {
    ApiError e = assertThrows(ApiError.class, r::run);
    assertEquals(400, e.status());
    return e;
  }

  @Test
  void quantitiesMustBePositiveFiniteWithAtMostThreeDecimalsAndSane() {
    for (Object bad : new Object[] {0, -2, "x", "NaN", "Infinity", 0.0001, 2_000_000_000L, false, "5", "12.5"}) {
      ApiError e = fails(() -> issue(new JsonObject().put("quantity", bad)
          .put("recipientType", "person").put("recipient", "张三")));
      assertTrue(e.fields().containsKey("quantity"), bad + " -> " + e.fields());
    }
    var ok = issue(new JsonObject().put("quantity", 12.500).put("recipientType", "incident")
        .put("recipient", "常庄水库险情"));
    assertEquals(0, new BigDecimal("12.5").compareTo(ok.quantity()));
  }

  /** As the server reads it: the contract's check, then the handler's reading. */
  private static InventoryValidation.IssueInput issue(JsonObject body) {
    Contract.check("createLotIssue", body);
    return InventoryValidation.issue(body);
  }

  private static InventoryValidation.ReceiptInput receipt(JsonObject body) {
    Contract.check("createBaseReceipt", body);
    return InventoryValidation.receipt(body, TODAY);
  }

  private static InventoryValidation.QuotaInput quota(JsonObject body) {
    Contract.check("updateBaseQuota", body);
    return InventoryValidation.quota(body);
  }

  @Test
  void everyWrongFieldIsNamedAtOnce() {
    ApiError e = fails(() -> issue(new JsonObject().put("recipientType", "truck")));
    assertTrue(e.fields().keySet().containsAll(java.util.List.of("quantity", "recipientType")),
        e.fields().toString());
    // "a recipient unless an incident is named" spans two fields: the code's rule, once the shape passed
    ApiError noRecipient = fails(() -> issue(new JsonObject().put("quantity", 1).put("recipientType", "person")));
    assertTrue(noRecipient.fields().containsKey("recipient"), noRecipient.fields().toString());
  }

  @Test
  void receiptChecksDates() {
    ApiError e = fails(() -> InventoryValidation.receipt(new JsonObject().put("itemId", 1).put("quantity", 1)
        .put("receivedOn", "2026-07-01").put("expiresOn", "2026-06-30"), TODAY));
    assertTrue(e.fields().containsKey("expiresOn"));
    assertTrue(fails(() -> InventoryValidation.receipt(new JsonObject().put("itemId", 1).put("quantity", 1)
        .put("receivedOn", "2026-07-21"), TODAY)).fields().containsKey("receivedOn"));
    assertTrue(fails(() -> receipt(new JsonObject().put("itemId", 1).put("quantity", 1)
        .put("lotCode", "a b"))).fields().containsKey("lotCode"));
    var in = InventoryValidation.receipt(new JsonObject().put("itemId", 3).put("quantity", 5), TODAY);
    assertEquals(TODAY, in.receivedOn());
    assertEquals("usable", in.condition());
  }

  @Test
  void equipmentNeedsATestIntervalAndQuotaMultipliersAreLevels() {
    assertTrue(fails(() -> InventoryValidation.item(new JsonObject().put("code", "E-X").put("nameZh", "泵")
        .put("nameEn", "Pump").put("category", "equipment").put("unitOfMeasure", "台").put("needsTestRun", true)))
        .fields().containsKey("testIntervalDays"));
    var q = InventoryValidation.quota(new JsonObject().put("required", 10)
        .put("multipliers", new JsonObject().put("Ⅱ", 3).put("I", 4)));
    assertEquals(0, new BigDecimal("3").compareTo(q.multipliers().get(2)));
    assertEquals(0, new BigDecimal("1.2").compareTo(q.multipliers().get(1)));
    assertTrue(fails(() -> quota(new JsonObject().put("required", 10)
        .put("multipliers", new JsonObject().put("II", 0.5)))).fields().containsKey("multipliers.II"));
    assertTrue(fails(() -> quota(new JsonObject().put("required", 10)
        .put("multipliers", new JsonObject().put("V", 2)))).fields().containsKey("multipliers.V"));
  }

  @Test
  void responseLevelsAcceptCodesAndRomanNumerals() {
    assertEquals(ResponseLevel.II, InventoryValidation.level(new JsonObject().put("level", "Ⅱ")));
    assertEquals(ResponseLevel.IV, InventoryValidation.level(new JsonObject().put("level", "iv")));
    assertEquals(ResponseLevel.I, InventoryValidation.level(new JsonObject().put("level", "Ⅰ级")));
    assertTrue(fails(() -> InventoryValidation.level(new JsonObject().put("level", "5"))).fields().containsKey("level"));
  }

  @Test
  void transferAndTestRunInputs() {
    assertTrue(fails(() -> {
      JsonObject body = new JsonObject().put("fromLotId", -1).put("toBaseId", 2).put("quantity", 1);
      Contract.check("createTransfer", body);
      InventoryValidation.transfer(body);
    }).fields().containsKey("fromLotId"));
    OffsetDateTime now = OffsetDateTime.parse("2026-07-20T08:00:00+08:00");
    assertTrue(fails(() -> {
      JsonObject body = new JsonObject().put("result", "pass").put("testedAt", "2026-07-21T08:00:00+08:00");
      Contract.check("createLotTestRun", body);
      InventoryValidation.testRun(body, now);
    }).fields().containsKey("testedAt"));
    assertEquals(now, InventoryValidation.testRun(new JsonObject().put("result", "fail"), now).testedAt());
    assertEquals(0, new BigDecimal("0").compareTo(
        InventoryValidation.count(new JsonObject().put("countedQuantity", 0)).countedQuantity()));
  }

  @Test
  void distancesAreGreatCircleKilometres() {
    double km = Geo.kilometres(34.7466, 113.6253, 34.9051, 113.6602);
    assertTrue(km > 17 && km < 18.5, "郑州 centre to 花园口 is about 18 km: " + km);
  }
}
