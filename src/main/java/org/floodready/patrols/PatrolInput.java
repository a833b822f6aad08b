package org.floodready.patrols;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A checked patrol upload. */
public record PatrolInput(UUID id, long reachId, OffsetDateTime startedAt, OffsetDateTime endedAt,
    List<TrackPoint> points, String notes, String findings) {
}
