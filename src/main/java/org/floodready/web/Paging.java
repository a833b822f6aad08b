package org.floodready.web;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.floodready.config.AppConfig;
import org.floodready.db.PageRequest;

/**
 * Reads {@code ?page=1&size=50&sort=name,-created_at} into the repositories' {@link PageRequest}, whose total is
 * counted up to the node's {@code --list-count-cap}.
 */
public final class Paging {
  private Paging() {
  }

  public static PageRequest from(RoutingContext ctx, AppConfig config, Map<String, String> sortable, String defaultSort) {
    QueryParams q = new QueryParams(ctx);
    int page = q.integer("page", 1, 1, 1_000_000);
    int size = q.integer("size", 50, 1, PageRequest.MAX_SIZE);
    String sort = q.text("sort");
    return PageRequest.of(page, size, sort == null ? defaultSort : sort, sortable, config.listCountCap());
  }
}
