package org.floodready.web;

import org.floodready.db.DatabaseUnavailable;
import org.floodready.errors.ApiError;
import org.floodready.errors.RateLimited;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where an exception becomes an HTTP answer in the JSON error model. */
public final class FailureHandler implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

  private final int status;

  /** Handles failures of any kind. */
  public FailureHandler() {
    this(-1);
  }

  /** For a router's error handler of one status (no route matched, method not allowed). */
  public FailureHandler(int status) {
    this.status = status;
  }

  /** Installs the JSON error model on a router: failures and unmatched requests. */
  public static void install(io.vertx.ext.web.Router router) {
    router.route().failureHandler(new FailureHandler());
    for (int s : new int[] {404, 405, 413, 415}) {
      router.errorHandler(s, new FailureHandler(s));
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    ApiError error = status > 0 && ctx.failure() == null ? fromStatus(status)
        : toApiError(ctx.failure(), ctx.statusCode());
    if (error.status() >= 500 && error.status() != 503) {
      log.error("Unhandled failure on {} {}", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (error.status() == 503) {
      ctx.response().putHeader("Retry-After", "5");
    }
    if (error.status() == 429 && ctx.failure() instanceof RateLimited limited) {
      ctx.response().putHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
    }
    ctx.response()
        .setStatusCode(error.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(error.toJson().encode());
  }

  static ApiError toApiError(Throwable failure, int status) {
    if (failure instanceof ApiError apiError) {
      return apiError;
    }
    if (failure instanceof DecodeException || failure instanceof IllegalArgumentException && status == 400) {
      return ApiError.badRequest("malformed_json", "The request body is not valid JSON");
    }
    if (failure instanceof PgException pg) {
      return fromPostgres(pg);
    }
    if (DatabaseUnavailable.is(failure)) {
      return HealthRoutes.unavailable();
    }
    if (failure == null || status > 0 && status != 500) {
      return fromStatus(status > 0 ? status : 500);
    }
    return new ApiError(500, "internal_error", "Unexpected server error", null);
  }

  static ApiError fromStatus(int status) {
    return switch (status) {
      case 400 -> ApiError.badRequest("bad_request", "The request could not be read");
      case 401 -> ApiError.unauthorized("Log in first: send Authorization: Bearer <token>");
      case 403 -> ApiError.forbidden("Not allowed");
      case 404 -> new ApiError(404, "not_found", "No such resource", null);
      case 405 -> new ApiError(405, "method_not_allowed", "This method is not allowed here", null);
      case 413 -> new ApiError(413, "body_too_large", "The request body is larger than the server accepts", null);
      case 415 -> new ApiError(415, "unsupported_media_type", "Send the body as application/json", null);
      case 414 -> new ApiError(414, "uri_too_long", "The request line (path and query) is longer than the server accepts",
          null);
      case 431 -> new ApiError(431, "headers_too_large", "The request headers are larger than the server accepts", null);
      default -> new ApiError(status, "http_" + status,
          HttpResponseStatus.valueOf(status).reasonPhrase(), null);
    };
  }

  private static ApiError fromPostgres(PgException pg) {
    String state = pg.getSqlState() == null ? "" : pg.getSqlState();
    if (state.equals("23505")) {
      return ApiError.conflict("duplicate", "Already exists: " + pg.getDetail());
    }
    if (state.equals("23503")) {
      return ApiError.unprocessable("reference_missing", "A referenced record does not exist: " + pg.getDetail());
    }
    if (state.equals("23514") || state.startsWith("22")) {
      return ApiError.badRequest("invalid_value", "A value is out of range: " + pg.getErrorMessage());
    }
    if (state.equals("40001") || state.equals("40P01")) {
      return new ApiError(503, "retry", "Concurrent update; retry the request", null);
    }
    if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")) {
      return HealthRoutes.unavailable();
    }
    return new ApiError(500, "internal_error", "Unexpected database error", null);
  }
}
