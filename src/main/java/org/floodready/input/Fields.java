package org.floodready.input;

import org.floodready.errors.ApiError;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field-by-field reading of a JSON object that collects every problem, then {@link #validate()}
 * throws one 400 naming all wrong fields. Getters return null for a field that is wrong or absent.
 */
public final class Fields {
  private final JsonObject json;
  private final String prefix;
  private final Map<String, String> errors;

  public Fields(JsonObject json) {
    this(json, "", new LinkedHashMap<>());
  }

  private Fields(JsonObject json, String prefix, Map<String, String> errors) {
    this.json = json;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** Reads an element of a nested array or object, reporting its errors as {@code name[3].field}. */
  public Fields nested(JsonObject child, String path) {
    return new Fields(child, prefix + path + ".", errors);
  }

  public JsonObject json() {
    return json;
  }

  public boolean has(String name) {
    return json.containsKey(name) && json.getValue(name) != null;
  }

  public void error(String name, String problem) {
    errors.putIfAbsent(prefix + name, problem);
  }

  public void check(boolean ok, String name, String problem) {
    if (!ok) {
      error(name, problem);
    }
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public void validate() {
    if (!errors.isEmpty()) {
      throw ApiError.validation(errors);
    }
  }

  public String text(String name, int maxLength, boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      error(name, "must be a string");
      return null;
    }
    String trimmed = s.trim();
    if (required && trimmed.isEmpty()) {
      error(name, "must not be empty");
      return null;
    }
    if (trimmed.length() > maxLength) {
      error(name, "must be at most " + maxLength + " characters");
      return null;
    }
    return trimmed.isEmpty() ? null : trimmed;
  }

  public String requiredText(String name, int maxLength) {
    return text(name, maxLength, true);
  }

  public String optionalText(String name, int maxLength) {
    return text(name, maxLength, false);
  }

  public String oneOf(String name, Collection<String> allowed, boolean required) {
    String v = text(name, 100, required);
    if (v != null && !allowed.contains(v)) {
      error(name, "must be one of " + String.join(", ", allowed));
      return null;
    }
    return v;
  }

  public Long id(String name, boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (v instanceof Number n && isWhole(n) && n.longValue() > 0) {
      return n.longValue();
    }
    error(name, "must be a positive whole number");
    return null;
  }

  public Integer integer(String name, int min, int max, boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (!(v instanceof Number n) || !isWhole(n)) {
      error(name, "must be a whole number");
      return null;
    }
    long l = n.longValue();
    if (l < min || l > max) {
      error(name, "must be between " + min + " and " + max);
      return null;
    }
    return (int) l;
  }

  /**
   * A decimal given as a JSON number with at most {@code scale} decimals. A numeric string ({@code "5"}) is
   * refused like every other non-number: the contract says {@code type: number}, and a client sending strings
   * has a bug that should show, not be booked.
   */
  public BigDecimal decimal(String name, BigDecimal min, boolean minExclusive, BigDecimal max, int scale,
      boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    BigDecimal d;
    try {
      if (v instanceof Number n) {
        if (n instanceof Double dbl && (dbl.isNaN() || dbl.isInfinite())) {
          error(name, "must be a finite number");
          return null;
        }
        d = new BigDecimal(n.toString());
      } else {
        error(name, "must be a number");
        return null;
      }
    } catch (NumberFormatException e) {
      error(name, "must be a number");
      return null;
    }
    d = d.stripTrailingZeros();
    if (d.scale() > scale) {
      error(name, "must have at most " + scale + " decimals");
      return null;
    }
    if (min != null && (minExclusive ? d.compareTo(min) <= 0 : d.compareTo(min) < 0)) {
      error(name, "must be " + (minExclusive ? "> " : ">= ") + min.toPlainString());
      return null;
    }
    if (max != null && d.compareTo(max) > 0) {
      error(name, "must be <= " + max.toPlainString());
      return null;
    }
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /** A quantity of stock: > 0, at most 3 decimals, at most 1e9. */
  public BigDecimal quantity(String name) {
    return decimal(name, BigDecimal.ZERO, true, new BigDecimal("1000000000"), 3, true);
  }

  public Double number(String name, double min, double max, boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (!(v instanceof Number n) || Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
      error(name, "must be a number");
      return null;
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      error(name, "must be between " + min + " and " + max);
      return null;
    }
    return d;
  }

  public Double latitude(String name, boolean required) {
    return number(name, -90, 90, required);
  }

  public Double longitude(String name, boolean required) {
    return number(name, -180, 180, required);
  }

  public Boolean bool(String name, boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (!(v instanceof Boolean b)) {
      error(name, "must be true or false");
      return null;
    }
    return b;
  }

  /** An ISO-8601 timestamp that carries its offset, e.g. 2026-07-20T08:30:00+08:00. */
  public OffsetDateTime time(String name, boolean required) {
    String v = text(name, 64, required);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v);
    } catch (DateTimeParseException e) {
      error(name, "must be an ISO-8601 timestamp with offset, e.g. 2026-07-20T08:30:00+08:00");
      return null;
    }
  }

  public LocalDate date(String name, boolean required) {
    String v = text(name, 32, required);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      error(name, "must be a date like 2026-07-20");
      return null;
    }
  }

  public JsonArray array(String name, int maxSize, boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (!(v instanceof JsonArray a)) {
      error(name, "must be an array");
      return null;
    }
    if (a.size() > maxSize) {
      error(name, "must have at most " + maxSize + " elements");
      return null;
    }
    return a;
  }

  public JsonObject object(String name, boolean required) {
    Object v = json.getValue(name);
    if (v == null) {
      if (required) {
        error(name, "is required");
      }
      return null;
    }
    if (!(v instanceof JsonObject o)) {
      error(name, "must be an object");
      return null;
    }
    return o;
  }

  /**
   * A whole number that fits in a long. JSON integers beyond 2^63 arrive as BigInteger, and their
   * longValue() silently wraps (99999999999999999999999 would become the id 200376420520689663).
   */
  public static boolean isWhole(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return !Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 9e15;
    }
    if (n instanceof BigDecimal bd) {
      BigDecimal whole = bd.stripTrailingZeros();
      return whole.scale() <= 0 && whole.precision() - whole.scale() <= 18;
    }
    if (n instanceof BigInteger bi) {
      return bi.bitLength() <= 63;
    }
    return true;
  }
}
