package org.floodready.input;

import org.floodready.errors.ApiError;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a JSON body that {@link ContractValidation} has already checked against its operation's schema:
 * types, required fields, enums, ranges and lengths hold, so these only convert. What a schema cannot say
 * exactly stays here: a number's decimals (JSON Schema's multipleOf works in floating point) and a
 * timestamp's calendar (the schema checks its shape).
 */
public final class Checked {
  private Checked() {
  }

  /** Trimmed text; absent, null or blank is null. */
  public static String text(JsonObject json, String name) {
    String s = json.getValue(name) instanceof String v ? v.trim() : null;
    return s == null || s.isEmpty() ? null : s;
  }

  /**
   * Text the contract requires: the schema's {@code minLength}/{@code pattern} cannot say "not blank once trimmed"
   * the way {@link String#trim()} does (it also strips control characters such as NUL).
   */
  public static String requiredText(JsonObject json, String name) {
    String s = text(json, name);
    if (s == null) {
      throw ApiError.invalid(name, "must not be empty");
    }
    return s;
  }

  public static Long id(JsonObject json, String name) {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || !Fields.isWhole(n)) {
      throw ApiError.invalid(name, "must be a positive whole number");
    }
    return n.longValue();
  }

  public static boolean flag(JsonObject json, String name) {
    return Boolean.TRUE.equals(json.getValue(name));
  }

  /** A decimal with at most {@code scale} decimals, as the ledger stores it. */
  public static BigDecimal decimal(JsonObject json, String name, int scale) {
    Object v = json.getValue(name);
    if (v == null) {
      return null;
    }
    BigDecimal d = new BigDecimal(v.toString()).stripTrailingZeros();
    if (d.scale() > scale) {
      throw ApiError.invalid(name, "must have at most " + scale + " decimals");
    }
    return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : d;
  }

  public static OffsetDateTime time(JsonObject json, String name) {
    return parsed(json, name, OffsetDateTime::parse,
        "must be an ISO-8601 timestamp with offset, e.g. 2026-07-20T08:30:00+08:00");
  }

  /** A whole number the schema has bounded (so it fits an int). */
  public static Integer integer(JsonObject json, String name) {
    return json.getValue(name) instanceof Number n ? n.intValue() : null;
  }

  public static Double number(JsonObject json, String name) {
    return json.getValue(name) instanceof Number n ? n.doubleValue() : null;
  }

  public static LocalDate date(JsonObject json, String name) {
    return parsed(json, name, LocalDate::parse, "must be a date like 2026-07-20");
  }

  /** The schema checks the shape of a date or time; the calendar (no 30 February) is checked by the parse. */
  private static <T> T parsed(JsonObject json, String name, java.util.function.Function<String, T> parse,
      String problem) {
    String s = text(json, name);
    try {
      return s == null ? null : parse.apply(s);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(name, problem);
    }
  }
}
