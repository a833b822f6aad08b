package org.floodready.readiness;

/** The rescue teams of one unit: its own teams on standby and the number it must keep on standby. */
public record TeamLine(long unitId, int standby, int required) {
}
