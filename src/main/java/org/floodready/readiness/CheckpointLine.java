package org.floodready.readiness;

/** One checkpoint's current state: its warning level (none, blue, yellow, orange, red), silence, open alerts. */
public record CheckpointLine(long unitId, String level, boolean silent, int activeAlerts) {
}
