package org.floodready.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.floodready.AppContext;
import org.floodready.auth.CurrentUser;

/** The panels this node composes from the domain services, by name (GET /api/dashboard/panels/{panel}). */
final class PanelSources {
  interface Source {
    Future<JsonObject> load(CurrentUser user, OffsetDateTime now);
  }

  private final Map<String, Source> sources = new LinkedHashMap<>();

  PanelSources(AppContext app) {
  }

  Optional<Source> get(String name) {
    return Optional.ofNullable(sources.get(name));
  }

  JsonArray names() {
    return new JsonArray(java.util.List.copyOf(sources.keySet()));
  }
}
