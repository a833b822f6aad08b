package org.floodready.geo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** GeoJSON (RFC 7946) features for maps; positions are [longitude, latitude]. */
public final class GeoJson {
  private GeoJson() {
  }

  /** A feature whose id is its properties' {@code id}. */
  public static JsonObject feature(JsonObject geometry, JsonObject properties) {
    return feature(properties.getValue("id"), geometry, properties);
  }

  public static JsonObject feature(Object id, JsonObject geometry, JsonObject properties) {
    return new JsonObject().put("type", "Feature").put("id", id).put("geometry", geometry)
        .put("properties", properties);
  }

  public static JsonObject point(double lon, double lat) {
    return new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(lon).add(lat));
  }

  public static JsonObject collection(JsonArray features) {
    return new JsonObject().put("type", "FeatureCollection").put("features", features);
  }
}
