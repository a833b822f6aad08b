package org.floodready.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Answers kept gzipped by the route itself (the server's own compression skips a response already encoded). */
public final class Gzip {
  private Gzip() {
  }

  /** Whether the request's Accept-Encoding takes gzip (not with {@code q=0}), as Vert.x web parses it. */
  public static boolean accepted(RoutingContext ctx) {
    return ctx.parsedHeaders().acceptEncoding().stream()
        .anyMatch(coding -> "gzip".equalsIgnoreCase(coding.value()) && coding.weight() > 0);
  }

  /** Sends gzipped bytes as the body of {@code contentType}. */
  public static void send(RoutingContext ctx, String contentType, Buffer gzipped) {
    ctx.response().putHeader("Content-Type", contentType).putHeader("Content-Encoding", "gzip")
        .putHeader("Vary", "Accept-Encoding").putHeader("Content-Length", Integer.toString(gzipped.length()))
        .end(gzipped);
  }
}
