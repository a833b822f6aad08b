package org.floodready.inventory;

/** A base and the unit it belongs to. */
public record BaseOfUnit(long unitId, long baseId) {
}
