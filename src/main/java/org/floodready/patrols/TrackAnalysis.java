package org.floodready.patrols;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.floodready.geo.Geo;

/**
 * What the server concludes from a track: distance (haversine), duration, whether it counts toward
 * compliance, and the flags for a duty officer to look at (fake patrols are a known problem).
 */
public final class TrackAnalysis {
  public static final String FLAG_FAST = "fast_segment";
  public static final String FLAG_JUMP = "jump";
  public static final String FLAG_FAR = "far_from_reach";

  public record Result(double distanceM, long durationS, double maxSpeedKmh, Double nearestToReachM,
      List<String> flags, boolean counted, String notCountedReason) {
  }

  private TrackAnalysis() {
  }

  /** Analyses a validated track (at least two points, times strictly increasing). */
  public static Result analyse(List<TrackPoint> points, List<double[]> reachLine, PatrolRules rules) {
    double distance = 0;
    double maxSpeed = 0;
    boolean fast = false;
    boolean jump = false;
    for (int i = 1; i < points.size(); i++) {
      TrackPoint a = points.get(i - 1);
      TrackPoint b = points.get(i);
      double d = Geo.haversineM(a.lat(), a.lon(), b.lat(), b.lon());
      double seconds = Duration.between(a.t(), b.t()).toMillis() / 1000.0;
      double kmh = seconds > 0 ? d / seconds * 3.6 : Double.POSITIVE_INFINITY;
      distance += d;
      maxSpeed = Math.max(maxSpeed, kmh);
      fast |= kmh > rules.maxSpeedKmh();
      // A leap too long and too fast to walk: a spoofed or teleported position, not sparse sampling.
      jump |= d > rules.maxJumpM() && kmh > rules.maxSpeedKmh();
    }
    long duration = Duration.between(points.get(0).t(), points.get(points.size() - 1).t()).toSeconds();
    Double nearest = null;
    if (reachLine != null && !reachLine.isEmpty()) {
      double best = Double.MAX_VALUE;
      for (TrackPoint p : points) {
        best = Math.min(best, Geo.distanceToLineM(p.lat(), p.lon(), reachLine));
      }
      nearest = best;
    }
    List<String> flags = new ArrayList<>();
    if (fast) {
      flags.add(FLAG_FAST);
    }
    if (jump) {
      flags.add(FLAG_JUMP);
    }
    if (nearest != null && nearest > rules.maxDistanceFromReachM()) {
      flags.add(FLAG_FAR);
    }
    String reason = notCountedReason(duration, distance, rules);
    return new Result(round1(distance), duration, Double.isInfinite(maxSpeed) ? 9999 : round1(maxSpeed),
        nearest == null ? null : round1(nearest), flags, reason == null, reason);
  }

  static String notCountedReason(long durationS, double distanceM, PatrolRules rules) {
    List<String> problems = new ArrayList<>();
    if (durationS < rules.minDurationS()) {
      problems.add(String.format("lasted %d min, the minimum is %d min", durationS / 60, rules.minDurationS() / 60));
    }
    if (distanceM < rules.minDistanceM()) {
      problems.add(String.format("covered %.2f km, the minimum is %.2f km", distanceM / 1000, rules.minDistanceM() / 1000));
    }
    return problems.isEmpty() ? null : "too short: " + String.join("; ", problems);
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
