package org.floodready.inventory;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.input.Checked;
import org.floodready.input.Fields;

/**
 * Reads every inventory input before anything is written. Bodies of requests the contract describes fully
 * (issue, write-off, condition, test run, transfer, count, keepers) are checked by it; the rest, also read
 * from import sheets that do not pass the contract, are still checked here. A problem is a 400 naming the field.
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

  public static ItemInput item(JsonObject json) {
    Fields in = new Fields(json);
    String code = code(in, "code");
    String nameZh = in.requiredText("nameZh", 100);
    String nameEn = in.requiredText("nameEn", 100);
    String category = in.oneOf("category", Item.CATEGORIES, true);
    String uom = in.requiredText("unitOfMeasure", 20);
    Integer shelfLife = in.integer("shelfLifeMonths", 1, 600, false);
    Boolean needsTest = in.bool("needsTestRun", false);
    Integer interval = in.integer("testIntervalDays", 1, 3650, false);
    if (Boolean.TRUE.equals(needsTest) && interval == null && in.valid()) {
      in.error("testIntervalDays", "is required when needsTestRun is true");
    }
    BigDecimal criticality = in.decimal("criticality", BigDecimal.ZERO, true, new BigDecimal("100"), 2, false);
    Boolean reusable = in.bool("reusable", false);
    in.validate();
    return new ItemInput(code, nameZh, nameEn, category, uom, shelfLife, Boolean.TRUE.equals(needsTest),
        interval, criticality == null ? BigDecimal.ONE : criticality, reusable);
  }

  public static BaseInput base(JsonObject json) {
    Fields in = new Fields(json);
    String code = code(in, "code");
    String nameZh = in.requiredText("nameZh", 100);
    String nameEn = in.requiredText("nameEn", 100);
    Long unitId = in.id("unitId", true);
    String address = in.optionalText("address", 200);
    Double lat = in.latitude("lat", false);
    Double lon = in.longitude("lon", false);
    if ((lat == null) != (lon == null) && in.valid()) {
      in.error(lat == null ? "lat" : "lon", "give both lat and lon, or neither");
    }
    String phone = in.optionalText("phone", 32);
    in.validate();
    return new BaseInput(code, nameZh, nameEn, unitId, address, lat, lon, phone);
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

  public static ReceiptInput receipt(JsonObject json, LocalDate today) {
    Fields in = new Fields(json);
    Long itemId = in.id("itemId", true);
    String lotCode = in.optionalText("lotCode", 64);
    if (lotCode != null) {
      in.check(lotCode.matches("[A-Za-z0-9_./-]+"), "lotCode", "use letters, digits and . _ / -");
    }
    BigDecimal quantity = in.quantity("quantity");
    LocalDate receivedOn = in.date("receivedOn", false);
    if (receivedOn != null) {
      in.check(!receivedOn.isAfter(today), "receivedOn", "must not be in the future");
    }
    LocalDate expiresOn = in.date("expiresOn", false);
    LocalDate received = receivedOn == null ? today : receivedOn;
    if (expiresOn != null && expiresOn.isBefore(received)) {
      in.error("expiresOn", "must not be before the receipt date " + received);
    }
    String condition = in.oneOf("condition", List.of("usable", "needs_repair"), false);
    String note = in.optionalText("note", NOTE_LENGTH);
    in.validate();
    return new ReceiptInput(itemId, lotCode, quantity, received, expiresOn,
        condition == null ? "usable" : condition, note);
  }

  // The bodies below are checked by the contract (ContractValidation) before the handler reads them.

  public static IssueInput issue(JsonObject json) {
    Fields in = new Fields(json);
    IssueInput issue = issue(in);
    in.validate();
    return issue;
  }

  /** An issue of an item from a base: the server picks the lots (FEFO). */
  public static ItemIssueInput itemIssue(JsonObject json) {
    Fields in = new Fields(json);
    Long itemId = in.id("itemId", true);
    IssueInput issue = issue(in);
    in.validate();
    return new ItemIssueInput(itemId == null ? 0 : itemId, issue);
  }

  private static IssueInput issue(Fields in) {
    BigDecimal quantity = in.quantity("quantity");
    Long incidentId = in.id("incidentId", false);
    String type = in.oneOf("recipientType", RECIPIENT_TYPES, incidentId == null);
    if (incidentId != null && type != null) {
      in.check(type.equals("incident"), "recipientType", "must be incident (or left out) when incidentId is given");
    }
    String recipient = incidentId == null ? in.requiredText("recipient", 200) : in.optionalText("recipient", 200);
    String note = in.optionalText("note", NOTE_LENGTH);
    return new IssueInput(quantity, incidentId == null ? type : "incident", recipient, note, incidentId);
  }

  public static ReturnInput returned(JsonObject json) {
    Fields in = new Fields(json);
    Long lotId = in.id("lotId", true);
    BigDecimal quantity = in.quantity("quantity");
    String condition = in.oneOf("condition", RETURN_CONDITIONS, true);
    Long baseId = in.id("baseId", false);
    if ("lost".equals(condition)) {
      in.check(baseId == null, "baseId", "must be left out for lost equipment (nothing comes back)");
    }
    String note = in.optionalText("note", NOTE_LENGTH);
    in.validate();
    return new ReturnInput(lotId, quantity, condition, baseId, note);
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
    Fields in = new Fields(json);
    OffsetDateTime at = in.time("occurredAt", false);
    if (at != null) {
      in.check(!at.isAfter(now.plus(CLOCK_SKEW)), "occurredAt", "must not be in the future");
      in.check(!at.isBefore(now.minus(OCCURRED_MAX_AGE)), "occurredAt",
          "must be within the last " + OCCURRED_MAX_AGE.toDays() + " days");
    }
    in.validate();
    return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /** A test run may not lie in the future (a rule on the clock, which the contract cannot state). */
  public static TestRunInput testRun(JsonObject json, OffsetDateTime now) {
    OffsetDateTime testedAt = Checked.time(json, "testedAt");
    if (testedAt != null && testedAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw org.floodready.errors.ApiError.invalid("testedAt", "must not be in the future");
    }
    return new TestRunInput(Checked.text(json, "result"), testedAt == null ? now : testedAt,
        Checked.text(json, "note"));
  }

  public static TransferInput transfer(JsonObject json) {
    return new TransferInput(Checked.id(json, "fromLotId"), Checked.id(json, "toBaseId"), quantity(json, "quantity"),
        Checked.flag(json, "tracked"), Checked.text(json, "note"));
  }

  public static QuotaInput quota(JsonObject json) {
    Fields in = new Fields(json);
    BigDecimal required = in.quantity("required");
    List<BigDecimal> multipliers = new ArrayList<>(ResponseLevel.DEFAULT_MULTIPLIERS);
    JsonObject given = in.object("multipliers", false);
    if (given != null) {
      Fields m = in.nested(given, "multipliers");
      List<ResponseLevel> order = List.of(ResponseLevel.IV, ResponseLevel.III, ResponseLevel.II, ResponseLevel.I);
      for (String key : given.fieldNames()) {
        ResponseLevel level = ResponseLevel.parse(key);
        int index = level == null ? -1 : order.indexOf(level);
        if (index < 0) {
          m.error(key, "is not a response level; use IV, III, II, I");
          continue;
        }
        BigDecimal v = m.decimal(key, BigDecimal.ONE, false, MAX_MULTIPLIER, 3, true);
        if (v != null) {
          multipliers.set(index, v);
        }
      }
    }
    String note = in.optionalText("note", NOTE_LENGTH);
    in.validate();
    return new QuotaInput(required, multipliers, note);
  }

  public static CountInput count(JsonObject json) {
    return new CountInput(quantity(json, "countedQuantity"), Checked.text(json, "note"));
  }

  public static ResponseLevel level(JsonObject json) {
    Fields in = new Fields(json);
    String text = in.requiredText("level", 10);
    ResponseLevel level = ResponseLevel.parse(text);
    if (text != null && level == null) {
      in.error("level", "must be one of " + String.join(", ", ResponseLevel.codes()));
    }
    in.validate();
    return level;
  }

  /** Why the response level changes (optional here; the board asks for it), kept in the audit row. */
  public static String levelReason(JsonObject json) {
    Fields in = new Fields(json);
    String reason = in.optionalText("reason", NOTE_LENGTH);
    in.validate();
    return reason;
  }

  public static String note(JsonObject json) {
    Fields in = new Fields(json);
    String note = in.optionalText("note", NOTE_LENGTH);
    in.validate();
    return note;
  }

  private static String code(Fields in, String name) {
    String code = in.requiredText(name, 40);
    if (code != null) {
      in.check(code.matches("[A-Za-z0-9_.-]+"), name, "use letters, digits and . _ -");
    }
    return code;
  }
}
