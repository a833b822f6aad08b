package org.floodready.patrols;

import java.time.OffsetDateTime;

/**
 * What a hazard's effective deadline depends on besides its own row: the time, the units under a
 * red or orange warning, and the factor by which their high-severity deadlines shrink.
 */
record HazardClock(OffsetDateTime now, Long[] warnedUnitIds, double factor) {
}
