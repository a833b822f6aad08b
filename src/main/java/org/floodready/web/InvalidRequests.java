package org.floodready.web;

import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests the HTTP codec could not read (a request line or headers above the limits, a broken
 * request line) never reach the router; answer them in the JSON error model all the same.
 */
public final class InvalidRequests implements Handler<HttpServerRequest> {
  @Override
  public void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    int status = 400;
    if (cause instanceof TooLongFrameException && cause.getMessage() != null) {
      if (cause.getMessage().startsWith("An HTTP line is larger than")) {
        status = 414;
      } else if (cause.getMessage().startsWith("HTTP header is larger than")) {
        status = 431;
      }
    }
    request.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Connection", "close")
        .end(FailureHandler.fromStatus(status).toJson().encode());
  }
}
