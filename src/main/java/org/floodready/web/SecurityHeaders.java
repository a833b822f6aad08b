package org.floodready.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every answer (board, field pages, /api): a Content-Security-Policy that lets the pages load
 * nothing from outside this server and run no inline script, frame nobody, and no content-type sniffing.
 * Inline style attributes stay allowed (the board's SVG map and legends set colours that way; a style runs
 * no code); {@code data:} and {@code blob:} images for the favicon and client-made pictures.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
  public static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
      + " img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
      + " form-action 'self'; frame-ancestors 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    ctx.response().headers()
        .set("Content-Security-Policy", POLICY)
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer");
    ctx.next();
  }
}
