package org.floodready.web;

import org.floodready.errors.ApiError;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/** Typed reading of query-string and path parameters; a wrong value is a 400 naming the parameter. */
public final class QueryParams {
  private final RoutingContext ctx;

  public QueryParams(RoutingContext ctx) {
    this.ctx = ctx;
  }

  public static long pathId(RoutingContext ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw ApiError.invalid(name, "must be a positive whole number");
  }

  public String text(String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  public String oneOf(String name, Collection<String> allowed) {
    String v = text(name);
    if (v != null && !allowed.contains(v)) {
      throw ApiError.invalid(name, "must be one of " + String.join(", ", allowed));
    }
    return v;
  }

  public Long id(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      long id = Long.parseLong(v);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw ApiError.invalid(name, "must be a positive whole number");
  }

  public int integer(String name, int defaultValue, int min, int max) {
    String v = text(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      int i = Integer.parseInt(v);
      if (i >= min && i <= max) {
        return i;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw ApiError.invalid(name, "must be a whole number between " + min + " and " + max);
  }

  public Boolean bool(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    return switch (v) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw ApiError.invalid(name, "must be true or false");
    };
  }

  public OffsetDateTime time(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.replace(' ', '+'));
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(name, "must be an ISO-8601 timestamp with offset, e.g. 2026-07-20T08:30:00+08:00");
    }
  }

  public LocalDate date(String name) {
    String v = text(name);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(name, "must be a date like 2026-07-20");
    }
  }
}
