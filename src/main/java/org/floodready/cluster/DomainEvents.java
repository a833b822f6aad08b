package org.floodready.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small facts published on the (clustered) event bus after a write has committed, e.g.
 * {@code {"type":"stock.changed","unitId":7,"baseId":3}}. Listeners derive state from them;
 * PostgreSQL stays the truth, so a lost event is repaired by the next rebuild.
 *
 * <p>Every event carries the {@code node} that published it. Listeners registered with
 * {@link #onPublished} run only on the publishing node, once per event (the live log and the
 * readiness recompute hang off this, so a write is handled once in the cluster, not once per member).
 */
public final class DomainEvents {
  public static final String ADDRESS = "floodready.events";
  private static final Logger log = LoggerFactory.getLogger(DomainEvents.class);

  private final Vertx vertx;
  private final String node;
  private final List<Consumer<JsonObject>> localListeners = new CopyOnWriteArrayList<>();

  public DomainEvents(Vertx vertx) {
    this(vertx, "local");
  }

  public DomainEvents(Vertx vertx, String node) {
    this.vertx = vertx;
    this.node = node;
  }

  public void publish(String type, JsonObject payload) {
    JsonObject event = payload.copy().put("type", type).put("node", node);
    vertx.eventBus().publish(ADDRESS, event);
    for (Consumer<JsonObject> listener : localListeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        log.warn("Listener failed on {}: {}", type, e.toString());
      }
    }
  }

  /** Runs on this node for each event this node publishes. */
  public void onPublished(Consumer<JsonObject> listener) {
    localListeners.add(listener);
  }

  public String node() {
    return node;
  }
}
