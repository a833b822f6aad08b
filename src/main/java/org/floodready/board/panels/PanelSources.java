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
import org.floodready.geo.MapView;

/** The panels this node composes from the domain services, by name (GET /api/dashboard/panels/{panel}). */
public final class PanelSources {
  public interface Source {
    Future<JsonObject> load(CurrentUser user, OffsetDateTime now);
  }

  /** Sites of one kind answered one by one at most; more in the view are counted per grid cell. */
  public static final int MAP_CAP = 500;

  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final List<BoardPart> parts;

  public PanelSources(List<BoardPart> parts) {
    parts.forEach(p -> p.addPanels(sources));
    this.parts = List.copyOf(parts);
    sources.put("map", (user, now) -> map(user, now, MapView.of(null, null, MAP_CAP)));
  }

  public Optional<Source> get(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  public JsonArray names() {
    return new JsonArray(List.copyOf(sources.keySet()));
  }

  /**
   * The site map inside {@code view}: every domain adds its sites (or, when more than the cap fall inside, its grid
   * cells), one after another, all on one JSON object.
   */
  public Future<JsonObject> map(CurrentUser user, OffsetDateTime now, MapView view) {
    JsonObject map = new JsonObject().put("bases", new JsonArray()).put("checkpoints", new JsonArray())
        .put("reaches", new JsonArray())
        .put("cells", new JsonObject().put("bases", new JsonArray()).put("checkpoints", new JsonArray())
            .put("reaches", new JsonArray()))
        .put("layers", new JsonObject()).put("view", view.toJson());
    Future<Void> chain = Future.succeededFuture();
    for (BoardPart part : parts) {
      chain = chain.compose(v -> part.addToMap(user, now, view, map));
    }
    return chain.map(map);
  }
}
