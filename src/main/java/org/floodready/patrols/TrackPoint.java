package org.floodready.patrols;

import java.time.Instant;

/** One GPS fix of a patrol track. */
public record TrackPoint(double lat, double lon, Instant t) {
}
