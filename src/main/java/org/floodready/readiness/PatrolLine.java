package org.floodready.readiness;

/** Patrol compliance and hazards of the reaches belonging directly to one unit. */
public record PatrolLine(long unitId, int reaches, int reachesCompliant, int openHazards, int overdueHazards) {
}
