package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.input.Checked;
import org.floodready.input.Fields;
import java.util.LinkedHashMap;
import java.util.Map;
import org.floodready.errors.ApiError;

/**
 * Reads inventory input the contract has checked (requests by {@link org.floodready.contract.ContractValidation}, sheet
 * rows against the same schemas by the import): types, required fields, enums, ranges, lengths and patterns hold.
 * What stays here is what a schema cannot say: rules across fields and on the clock. A problem is a 400 naming
 * the field.
 */
public final class InventoryValidation {
  public static final List<String> RECIPIENT_TYPES = List.of("checkpoint", "incident", "person");
  public static final List<String> CONDITIONS = List.of("usable", "needs_repair", "expired", "scrapped");
  static final BigDecimal MAX_MULTIPLIER = new BigDecimal("100");
  static final int NOTE_LENGTH = 500;

  public record ItemInput(String code, String nameZh, String nameEn, String category, String unitOfMeasure,
      Integer shelfLifeMonths, boolean needsTestRun, Integer testIntervalDays, BigDecimal criticality,
      Boolean reusable) {
  }

  public record BaseInput(String code, String nameZh, String nameEn, Long unitId, String address, Double lat,
      Double lon, String phone) {
  }

  public record ReceiptInput(long itemId, String lotCode, BigDecimal quantity, LocalDate receivedOn,
      LocalDate expiresOn, String condition, String note) {
  }

  /** An issue; with an incidentId the recipient is that incident (type and name may then be left out). */
  public record IssueInput(BigDecimal quantity, String recipientType, String recipient, String note,
      Long incidentId) {
  }

  public record ItemIssueInput(long itemId, IssueInput issue) {
  }

  /** Equipment back from an incident: which issued lot, how many, in what condition, into which base. */
  public record ReturnInput(long lotId, BigDecimal quantity, String condition, Long baseId, String note) {
  }

  public static final List<String> RETURN_CONDITIONS = List.of("good", "needs_repair", "lost");

  public record WriteOffInput(BigDecimal quantity, String reason, String note) {
  }

  public record ConditionInput(String condition, String note) {
  }

  public record TestRunInput(String result, OffsetDateTime testedAt, String note) {
  }

  public record TransferInput(long fromLotId, long toBaseId, BigDecimal quantity, boolean tracked, String note) {
  }

  /** Multipliers for Ⅳ, Ⅲ, Ⅱ, Ⅰ in that order. */
  public record QuotaInput(BigDecimal required, List<BigDecimal> multipliers, String note) {
  }

  public record CountInput(BigDecimal countedQuantity, String note) {
  }

  private InventoryValidation() {
  }

  /** An item the contract has checked ({@code Item}); equipment tested regularly needs its interval. */
  public static ItemInput item(JsonObject json) {
    Boolean needsTest = json.getValue("needsTestRun") instanceof Boolean b ? b : null;
    Integer interval = Checked.integer(json, "testIntervalDays");
    if (Boolean.TRUE.equals(needsTest) && interval == null) {
      throw ApiError.invalid("testIntervalDays", "is required when needsTestRun is true");
    }
    BigDecimal criticality = Checked.decimal(json, "criticality", 2);
    return new ItemInput(Checked.requiredText(json, "code"), Checked.requiredText(json, "nameZh"),
        Checked.requiredText(json, "nameEn"), Checked.text(json, "category"),
        Checked.requiredText(json, "unitOfMeasure"), Checked.integer(json, "shelfLifeMonths"),
        Boolean.TRUE.equals(needsTest), interval, criticality == null ? BigDecimal.ONE : criticality,
        json.getValue("reusable") instanceof Boolean b ? b : null);
  }

  /** A base the contract has checked ({@code Base}); a position is both coordinates or none. */
  public static BaseInput base(JsonObject json) {
    Double lat = Checked.number(json, "lat");
    Double lon = Checked.number(json, "lon");
    if ((lat == null) != (lon == null)) {
      throw ApiError.invalid(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
    }
    return new BaseInput(Checked.requiredText(json, "code"), Checked.requiredText(json, "nameZh"),
        Checked.requiredText(json, "nameEn"), Checked.id(json, "unitId"), Checked.text(json, "address"), lat, lon,
        Checked.text(json, "phone"));
  }

  /** The body of PUT /api/bases/{baseId}/keepers, checked by the contract; each user once. */
  public static List<Long> keepers(JsonObject json) {
    List<Long> out = new ArrayList<>();
    for (Object v : json.getJsonArray("userIds")) {
      long id = ((Number) v).longValue();
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * A receipt the contract has checked ({@code ReceiptInput}); what it cannot say: received not in the future (a
   * rule on the clock) and not expiring before it was received (across fields).
   */
  public static ReceiptInput receipt(JsonObject json, LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate receivedOn = Checked.date(json, "receivedOn");
    if (receivedOn != null && receivedOn.isAfter(today)) {
      errors.put("receivedOn", "must not be in the future");
    }
    LocalDate expiresOn = Checked.date(json, "expiresOn");
    LocalDate received = receivedOn == null ? today : receivedOn;
    if (expiresOn != null && expiresOn.isBefore(received)) {
      errors.put("expiresOn", "must not be before the receipt date " + received);
    }
    if (!errors.isEmpty()) {
      throw ApiError.validation(errors);
    }
    String condition = Checked.text(json, "condition");
    return new ReceiptInput(Checked.id(json, "itemId"), Checked.text(json, "lotCode"), quantity(json, "quantity"),
        received, expiresOn, condition == null ? "usable" : condition, Checked.text(json, "note"));
  }

  // The bodies below are checked by the contract (ContractValidation) before the handler reads them.

  public static IssueInput issue(JsonObject json) {
    return issue(json, new LinkedHashMap<>());
  }

  /** An issue of an item from a base: the server picks the lots (FEFO). */
  public static ItemIssueInput itemIssue(JsonObject json) {
    return new ItemIssueInput(Checked.id(json, "itemId"), issue(json));
  }

  /** Whom an issue serves: a recipient type and name, unless an incident is named (a rule across fields). */
  private static IssueInput issue(JsonObject json, Map<String, String> errors) {
    Long incidentId = Checked.id(json, "incidentId");
    String type = Checked.text(json, "recipientType");
    String recipient = Checked.text(json, "recipient");
    if (incidentId == null) {
      if (type == null) {
        errors.put("recipientType", "is required");
      }
      if (recipient == null) {
        errors.put("recipient", json.getValue("recipient") == null ? "is required" : "must not be empty");
      }
    } else if (type != null && !type.equals("incident")) {
      errors.put("recipientType", "must be incident (or left out) when incidentId is given");
    }
    if (!errors.isEmpty()) {
      throw ApiError.validation(errors);
    }
    return new IssueInput(quantity(json, "quantity"), incidentId == null ? type : "incident", recipient,
        Checked.text(json, "note"), incidentId);
  }

  /** A return the contract has checked; lost equipment comes back to no base (a rule across fields). */
  public static ReturnInput returned(JsonObject json) {
    String condition = Checked.text(json, "condition");
    Long baseId = Checked.id(json, "baseId");
    if ("lost".equals(condition) && baseId != null) {
      throw ApiError.invalid("baseId", "must be left out for lost equipment (nothing comes back)");
    }
    return new ReturnInput(Checked.id(json, "lotId"), quantity(json, "quantity"), condition, baseId,
        Checked.text(json, "note"));
  }

  public static WriteOffInput writeOff(JsonObject json) {
    return new WriteOffInput(quantity(json, "quantity"), Checked.text(json, "reason"), Checked.text(json, "note"));
  }

  public static ConditionInput condition(JsonObject json) {
    return new ConditionInput(Checked.text(json, "condition"), Checked.text(json, "note"));
  }

  private static BigDecimal quantity(JsonObject json, String name) {
    return Checked.decimal(json, name, 3);
  }

  /** A phone's clock may run this far ahead of the server's. */
  static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);
  /** A movement queued offline is accepted this long after it happened; older ones go through the duty room. */
  static final java.time.Duration OCCURRED_MAX_AGE = java.time.Duration.ofDays(7);

  /**
   * When a movement happened on the phone that queued it ({@code occurredAt}, optional: null = now):
   * at most {@link #CLOCK_SKEW} ahead of the server and at most {@link #OCCURRED_MAX_AGE} old.
   */
  public static OffsetDateTime occurredAt(JsonObject json, OffsetDateTime now) {
    OffsetDateTime at = Checked.time(json, "occurredAt");
    if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
      throw ApiError.invalid("occurredAt", "must not be in the future");
    }
    if (at != null && at.isBefore(now.minus(OCCURRED_MAX_AGE))) {
      throw ApiError.invalid("occurredAt", "must be within the last " + OCCURRED_MAX_AGE.toDays() + " days");
    }
    return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** A test run may not lie in the future (a rule on the clock, which the contract cannot state). */
  public static TestRunInput testRun(JsonObject json, OffsetDateTime now) {
    OffsetDateTime testedAt = Checked.time(json, "testedAt");
    if (testedAt != null && testedAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw ApiError.invalid("testedAt", "must not be in the future");
    }
    return new TestRunInput(Checked.text(json, "result"), testedAt == null ? now : testedAt,
        Checked.text(json, "note"));
  }

  public static TransferInput transfer(JsonObject json) {
    return new TransferInput(Checked.id(json, "fromLotId"), Checked.id(json, "toBaseId"), quantity(json, "quantity"),
        Checked.flag(json, "tracked"), Checked.text(json, "note"));
  }

  /** A quota the contract has checked ({@code QuotaInput}); multipliers by level, the defaults for those not given. */
  public static QuotaInput quota(JsonObject json) {
    List<BigDecimal> multipliers = new ArrayList<>(ResponseLevel.DEFAULT_MULTIPLIERS);
    JsonObject given = json.getJsonObject("multipliers");
    if (given != null) {
      List<ResponseLevel> order = List.of(ResponseLevel.IV, ResponseLevel.III, ResponseLevel.II, ResponseLevel.I);
      for (String key : given.fieldNames()) {
        BigDecimal v = Checked.decimal(given, key, 3);
        if (v != null) {
          multipliers.set(order.indexOf(ResponseLevel.parse(key)), v);
        }
      }
    }
    return new QuotaInput(quantity(json, "required"), multipliers, Checked.text(json, "note"));
  }

  public static CountInput count(JsonObject json) {
    return new CountInput(quantity(json, "countedQuantity"), Checked.text(json, "note"));
  }

  /** The level as sent: a code (IV), a Roman numeral (Ⅳ) or as people write it (iv, Ⅳ级). */
  public static ResponseLevel level(JsonObject json) {
    ResponseLevel level = ResponseLevel.parse(Checked.requiredText(json, "level"));
    if (level == null) {
      throw ApiError.invalid("level", "must be one of " + String.join(", ", ResponseLevel.codes()));
    }
    return level;
  }

  /** Why the response level changes (optional here; the board asks for it), kept in the audit row. */
  public static String levelReason(JsonObject json) {
    return Checked.text(json, "reason");
  }

  public static String note(JsonObject json) {
    return Checked.text(json, "note");
  }
}
