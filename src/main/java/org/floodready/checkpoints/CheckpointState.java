package org.floodready.checkpoints;

import java.time.OffsetDateTime;

/**
 * One checkpoint's current state, as {@link CheckpointStates#all} gives it to readiness and the
 * board; level is none, blue, yellow, orange or red.
 */
public record CheckpointState(long checkpointId, String code, String nameZh, String nameEn, String kind,
    long unitId, double lat, double lon, String level, Double lastValue, OffsetDateTime lastReadingAt,
    boolean silent, int activeAlerts) {
}
