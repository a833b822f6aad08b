package org.floodready.board.panels;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.floodready.access.CurrentUser;

/** The panels this node composes from the domain services, by name (GET /api/dashboard/panels/{panel}). */
public final class PanelSources {
  public interface Source {
    Future<JsonObject> load(CurrentUser user, OffsetDateTime now);
  }

  private final Map<String, Source> sources = new LinkedHashMap<>();

  public PanelSources(List<BoardPart> parts) {
    parts.forEach(p -> p.addPanels(sources));
    sources.put("map", (user, now) -> map(parts, user, now));
  }

  public Optional<Source> get(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  public JsonArray names() {
    return new JsonArray(List.copyOf(sources.keySet()));
  }

  /** The site map: every domain adds its features; one after another, all on one JSON object. */
  private static Future<JsonObject> map(List<BoardPart> parts, CurrentUser user, OffsetDateTime now) {
    JsonObject map = new JsonObject().put("bases", new JsonArray()).put("checkpoints", new JsonArray())
        .put("reaches", new JsonArray());
    Future<Void> chain = Future.succeededFuture();
    for (BoardPart part : parts) {
      chain = chain.compose(v -> part.addToMap(user, now, map));
    }
    return chain.map(map);
  }
}
