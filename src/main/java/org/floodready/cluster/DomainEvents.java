package org.floodready.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Small facts published on the (clustered) event bus after a write has committed, e.g.
 * {@code {"type":"stock.changed","unitId":7,"baseId":3}}. Listeners derive state from them;
 * PostgreSQL stays the truth, so a lost event is repaired by the next rebuild.
 */
public final class DomainEvents {
  public static final String ADDRESS = "floodready.events";

  private final Vertx vertx;

  public DomainEvents(Vertx vertx) {
    this.vertx = vertx;
  }

  public void publish(String type, JsonObject payload) {
    vertx.eventBus().publish(ADDRESS, payload.copy().put("type", type));
  }
}
