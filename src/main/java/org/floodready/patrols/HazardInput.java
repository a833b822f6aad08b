package org.floodready.patrols;

import java.util.UUID;

/** A checked hazard report. */
public record HazardInput(Long reachId, Long unitId, UUID patrolId, String type, String severity, double lat,
    double lon, String description) {
}
