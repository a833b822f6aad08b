package org.floodready.incidents;

/** A checked incident report; {@code unitId} only when the reporter named one (duty room, admin). */
record IncidentInput(String kind, String title, String description, String severity, double lat, double lon,
    Long reachId, Long checkpointId, Long unitId) {
}
