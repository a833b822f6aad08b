package org.floodready.web;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writing JSON answers. */
public final class Respond {
  private Respond() {
  }

  public static Future<Void> json(RoutingContext ctx, int status, Object body) {
    String encoded = body instanceof JsonObject o ? o.encode()
        : body instanceof JsonArray a ? a.encode() : String.valueOf(body);
    return ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(encoded);
  }

  public static Future<Void> ok(RoutingContext ctx, Object body) {
    return json(ctx, 200, body);
  }

  /** A GeoJSON FeatureCollection, with the media type of RFC 7946. */
  public static Future<Void> geoJson(RoutingContext ctx, JsonObject collection) {
    return ctx.response()
        .putHeader("Content-Type", "application/geo+json; charset=utf-8")
        .end(collection.encode());
  }

  /**
   * Sends the future's value as 200, or fails the request with its error. Throw in map/compose,
   * never inside onSuccess: an exception there would be lost and the request would hang.
   */
  public static void ok(RoutingContext ctx, Future<?> body) {
    body.onSuccess(b -> ok(ctx, b)).onFailure(ctx::fail);
  }

  public static void created(RoutingContext ctx, Future<?> body) {
    body.onSuccess(b -> created(ctx, b)).onFailure(ctx::fail);
  }

  public static Future<Void> created(RoutingContext ctx, Object body) {
    return json(ctx, 201, body);
  }

  /** Sends a CSV download; the UTF-8 BOM makes Excel read Chinese text correctly. */
  public static Future<Void> csv(RoutingContext ctx, String filename, String csv) {
    return ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .end("\uFEFF" + csv);
  }

  /** A stored photo, for the caller only (an hour in the browser's cache), never sniffed as another type. */
  public static Future<Void> photo(RoutingContext ctx, String contentType, Buffer data) {
    return ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Cache-Control", "private, max-age=3600")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(data);
  }
}
