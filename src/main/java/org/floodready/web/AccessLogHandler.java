package org.floodready.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.floodready.access.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request: method, path, status, milliseconds, user. */
public final class AccessLogHandler implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger("access");

  @Override
  public void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    ctx.addEndHandler(v -> {
      if (!log.isInfoEnabled()) {
        return;
      }
      CurrentUser user = CurrentUser.orNull(ctx);
      log.info("{} {} {} {}ms {}", ctx.request().method(), ctx.request().path(), ctx.response().getStatusCode(),
          (System.nanoTime() - start) / 1_000_000, user == null ? "-" : user.username());
    });
    ctx.next();
  }
}
