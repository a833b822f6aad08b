package org.floodready.web;

import org.floodready.contract.ContractValidation;

import org.floodready.errors.ApiError;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads a request body as JSON, answering 415 for another content type and 400 for bad JSON. */
public final class JsonInput {
  private JsonInput() {
  }

  public static JsonObject object(RoutingContext ctx) {
    Object value = parse(ctx);
    if (!(value instanceof JsonObject obj)) {
      throw ApiError.badRequest("malformed_json", "The request body must be a JSON object");
    }
    return obj;
  }

  public static JsonArray array(RoutingContext ctx) {
    Object value = parse(ctx);
    if (!(value instanceof JsonArray arr)) {
      throw ApiError.badRequest("malformed_json", "The request body must be a JSON array");
    }
    return arr;
  }

  /** A JSON object or array, as sent. */
  public static Object parse(RoutingContext ctx) {
    requireJsonContentType(ctx);
    Object parsed = ctx.get(ContractValidation.PARSED_BODY);
    if (parsed != null) {
      return parsed;
    }
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiError.badRequest("malformed_json", "The request body is empty; send a JSON document");
    }
    try {
      Object value = Buffer.buffer(body.getBytes()).toJsonValue();
      if (value instanceof JsonObject || value instanceof JsonArray) {
        return value;
      }
    } catch (DecodeException e) {
      throw ApiError.badRequest("malformed_json", "The request body is not valid JSON: " + shorten(e.getMessage()));
    }
    throw ApiError.badRequest("malformed_json", "The request body must be a JSON object or array");
  }

  public static void requireJsonContentType(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      throw new ApiError(415, "unsupported_media_type",
          "Send the body with Content-Type: application/json", null);
    }
  }

  private static String shorten(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
