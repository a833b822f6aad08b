package org.floodready.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Answers kept gzipped by the route itself (the server's own compression skips a response already encoded). */
public final class Gzip {
  private Gzip() {
  }

  /** Whether the request's Accept-Encoding takes gzip (not with {@code q=0}). */
  public static boolean accepted(RoutingContext ctx) {
    String header = ctx.request().getHeader("Accept-Encoding");
    if (header == null) {
      return false;
    }
    for (String part : header.split(",")) {
      String[] coding = part.trim().toLowerCase(Locale.ROOT).split(";");
      if (coding[0].trim().equals("gzip")) {
        for (int i = 1; i < coding.length; i++) {
          String p = coding[i].replace(" ", "");
          if (p.startsWith("q=") && p.substring(2).matches("0(\\.0*)?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  /** Sends gzipped bytes as the body of {@code contentType}. */
  public static void send(RoutingContext ctx, String contentType, Buffer gzipped) {
    ctx.response().putHeader("Content-Type", contentType).putHeader("Content-Encoding", "gzip")
        .putHeader("Vary", "Accept-Encoding").putHeader("Content-Length", Integer.toString(gzipped.length()))
        .end(gzipped);
  }
}
