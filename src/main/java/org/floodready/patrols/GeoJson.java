package org.floodready.patrols;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** GeoJSON (RFC 7946) features for maps. */
final class GeoJson {
  private GeoJson() {
  }

  static JsonObject feature(JsonObject geometry, JsonObject properties) {
    return new JsonObject().put("type", "Feature").put("id", properties.getValue("id"))
        .put("geometry", geometry).put("properties", properties);
  }

  static JsonObject point(double lon, double lat) {
    return new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(lon).add(lat));
  }

  static JsonObject collection(JsonArray features) {
    return new JsonObject().put("type", "FeatureCollection").put("features", features);
  }
}
