package org.floodready.geo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What part of the map a client shows: its view box ({@code bbox=minLon,minLat,maxLon,maxLat}, WGS84) and zoom
 * (web-map levels: 0 is the whole world 256 px wide). A map answers individual sites when at most {@code cap}
 * fall inside, else counts per grid cell; a cell is 1/{@link #CELLS_PER_TILE} of a zoom level's tile, on one
 * world grid so that cells stay put while the view pans, and never smaller than 1/{@link #MAX_CELLS_PER_SIDE}
 * of the box (a high zoom sent with a wide box still gives a bounded answer).
 */
public record MapView(double minLon, double minLat, double maxLon, double maxLat, int zoom, int cap) {
  public static final int CELLS_PER_TILE = 8;
  public static final int MAX_CELLS_PER_SIDE = 48;
  public static final int MAX_ZOOM = 22;

  /**
   * Parses {@code minLon,minLat,maxLon,maxLat}; null when {@code bbox} is null (the whole map). A bad box throws
   * {@link IllegalArgumentException} with the reason.
   */
  public static MapView of(String bbox, Integer zoom, int cap) {
    if (bbox == null) {
      return new MapView(-180, -90, 180, 90, zoom == null ? 0 : zoom, cap);
    }
    String[] parts = bbox.split(",");
    if (parts.length != 4) {
      throw new IllegalArgumentException("must be minLon,minLat,maxLon,maxLat (four numbers)");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be minLon,minLat,maxLon,maxLat (four numbers)");
      }
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException("must be four finite numbers");
      }
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
      throw new IllegalArgumentException("longitudes must lie in -180..180 and latitudes in -90..90");
    }
    if (v[0] >= v[2] || v[1] >= v[3]) {
      throw new IllegalArgumentException("minLon must be below maxLon and minLat below maxLat");
    }
    return new MapView(v[0], v[1], v[2], v[3], zoom == null ? zoomFor(v[2] - v[0]) : zoom, cap);
  }

  /** The zoom at which {@code spanLon} degrees fill about one 256-px tile. */
  static int zoomFor(double spanLon) {
    return (int) Math.max(0, Math.min(MAX_ZOOM, Math.floor(Math.log(360 / spanLon) / Math.log(2))));
  }

  /** Side of a grid cell in degrees. */
  public double cellDegrees() {
    double byZoom = 360 / Math.pow(2, zoom) / CELLS_PER_TILE;
    double byBox = Math.max(maxLon - minLon, maxLat - minLat) / MAX_CELLS_PER_SIDE;
    return Math.max(byZoom, byBox);
  }

  /** The grid cell {@code (gx, gy)} as [minLon, minLat, maxLon, maxLat]. */
  public JsonArray cellBox(long gx, long gy) {
    double c = cellDegrees();
    return new JsonArray().add(gx * c).add(gy * c).add((gx + 1) * c).add((gy + 1) * c);
  }

  public JsonObject toJson() {
    return new JsonObject().put("bbox", new JsonArray().add(minLon).add(minLat).add(maxLon).add(maxLat))
        .put("zoom", zoom).put("cellDegrees", cellDegrees()).put("cap", cap);
  }
}
