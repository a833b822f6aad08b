package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.floodready.geo.Geo;
import org.junit.jupiter.api.Test;

class TrackAnalysisTest {
  private static final Instant T0 = Instant.parse("2027-03-01T01:00:00Z");
  /** A reach along the meridian 113.70 E from 34.70 to 34.73 N. */
  private static final List<double[]> REACH = List.of(new double[] {113.70, 34.70}, new double[] {113.70, 34.73});

  private static List<TrackPoint> meridianTrack(int segments, double stepDeg, long secondsPerSegment, double lon) {
    List<TrackPoint> points = new ArrayList<>();
    for (int i = 0; i <= segments; i++) {
      points.add(new TrackPoint(34.70 + i * stepDeg, lon, T0.plusSeconds(i * secondsPerSegment)));
    }
    return points;
  }

  @Test
  void distanceAndDurationOfAKnownTrackMatchAHandComputedHaversine() {
    // Along a meridian the haversine is R * dLat: 6371008.8 m * 0.02 deg * pi / 180 = 2223.90 m.
    List<TrackPoint> track = meridianTrack(20, 0.001, 60, 113.70);
    TrackAnalysis.Result r = TrackAnalysis.analyse(track, REACH, PatrolRules.defaults());
    assertEquals(2223.9, r.distanceM(), 0.15);
    assertEquals(1200, r.durationS());
    assertTrue(r.counted());
    assertTrue(r.flags().isEmpty(), r.flags().toString());
    assertEquals(0.0, r.nearestToReachM(), 0.01);
  }

  @Test
  void haversineBetweenTwoCitiesIsKnown() {
    // Zhengzhou (34.7466, 113.6253) to Kaifeng (34.7971, 114.3076): about 62.6 km great-circle.
    double d = Geo.haversineM(34.7466, 113.6253, 34.7971, 114.3076);
    assertEquals(62_600, d, 300);
  }

  @Test
  void aPatrolShorterThanTheMinimumIsNotCountedWithTheReason() {
    List<TrackPoint> track = meridianTrack(10, 0.001, 30, 113.70);
    TrackAnalysis.Result r = TrackAnalysis.analyse(track, REACH, PatrolRules.defaults());
    assertFalse(r.counted());
    assertNotNull(r.notCountedReason());
    assertTrue(r.notCountedReason().contains("5 min"), r.notCountedReason());
    assertTrue(r.notCountedReason().contains("1.11 km") || r.notCountedReason().contains("minimum is 10 min"));
  }

  @Test
  void aSegmentFasterThan30KmhIsFlaggedAndALongFastLeapIsAJump() {
    List<TrackPoint> track = new ArrayList<>(meridianTrack(20, 0.001, 60, 113.70));
    TrackPoint last = track.get(track.size() - 1);
    // 1.1 km in 60 s = 66.7 km/h: a car, or a spoofed position.
    track.add(new TrackPoint(last.lat() + 0.01, last.lon(), last.t().plusSeconds(60)));
    TrackAnalysis.Result r = TrackAnalysis.analyse(track, REACH, PatrolRules.defaults());
    assertTrue(r.flags().contains(TrackAnalysis.FLAG_FAST), r.flags().toString());
    assertTrue(r.flags().contains(TrackAnalysis.FLAG_JUMP), r.flags().toString());
    assertEquals(66.7, r.maxSpeedKmh(), 0.2);
  }

  @Test
  void sparseWalkingFixesAreNotAJump() {
    // 1.1 km segments at 6.7 km/h: a phone saving battery, not a leap.
    TrackAnalysis.Result r = TrackAnalysis.analyse(meridianTrack(2, 0.01, 600, 113.70), REACH, PatrolRules.defaults());
    assertTrue(r.flags().isEmpty(), r.flags().toString());
  }

  @Test
  void aTrackThatNeverComesWithin200mOfItsReachIsFlagged() {
    // 0.003 deg of longitude at 34.7 N is about 275 m east of the reach.
    TrackAnalysis.Result far = TrackAnalysis.analyse(meridianTrack(20, 0.001, 60, 113.703), REACH, PatrolRules.defaults());
    assertTrue(far.flags().contains(TrackAnalysis.FLAG_FAR), far.flags().toString());
    assertEquals(274.6, far.nearestToReachM(), 2);
    TrackAnalysis.Result near = TrackAnalysis.analyse(meridianTrack(20, 0.001, 60, 113.701), REACH, PatrolRules.defaults());
    assertFalse(near.flags().contains(TrackAnalysis.FLAG_FAR), near.flags().toString());
  }

  @Test
  void distanceToALineIsMeasuredToTheNearestSegmentNotVertex() {
    // A point level with the middle of the reach, 0.001 deg east: about 91.5 m.
    assertEquals(91.5, Geo.distanceToLineM(34.715, 113.701, REACH), 0.5);
  }
}
