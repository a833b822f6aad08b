package org.floodready.geo;

import java.util.List;

/** Distances on the WGS84 sphere: haversine between points, and from a point to a LineString. */
public final class Geo {
  /** Mean earth radius (IUGG), the usual constant for haversine. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private Geo() {
  }

  /** Straight-line (great-circle) distance in kilometres. */
  public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    return haversineM(lat1, lon1, lat2, lon2) / 1000;
  }

  public static double haversineM(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** Length of a line given as [lon, lat] pairs. */
  public static double lengthM(List<double[]> lonLat) {
    double total = 0;
    for (int i = 1; i < lonLat.size(); i++) {
      double[] a = lonLat.get(i - 1);
      double[] b = lonLat.get(i);
      total += haversineM(a[1], a[0], b[1], b[0]);
    }
    return total;
  }

  /**
   * Shortest distance from a point to a line of [lon, lat] pairs. Each segment is projected onto a
   * local plane around the point, which is accurate to well under a metre at reach scale (a few km).
   */
  public static double distanceToLineM(double lat, double lon, List<double[]> lonLat) {
    if (lonLat.size() == 1) {
      return haversineM(lat, lon, lonLat.get(0)[1], lonLat.get(0)[0]);
    }
    double mPerDegLat = Math.toRadians(1) * EARTH_RADIUS_M;
    double mPerDegLon = mPerDegLat * Math.cos(Math.toRadians(lat));
    double best = Double.MAX_VALUE;
    for (int i = 1; i < lonLat.size(); i++) {
      double ax = (lonLat.get(i - 1)[0] - lon) * mPerDegLon;
      double ay = (lonLat.get(i - 1)[1] - lat) * mPerDegLat;
      double bx = (lonLat.get(i)[0] - lon) * mPerDegLon;
      double by = (lonLat.get(i)[1] - lat) * mPerDegLat;
      double dx = bx - ax;
      double dy = by - ay;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      double px = ax + t * dx;
      double py = ay + t * dy;
      best = Math.min(best, Math.sqrt(px * px + py * py));
    }
    return best;
  }
}
