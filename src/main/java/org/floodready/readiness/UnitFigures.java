package org.floodready.readiness;

import io.vertx.core.json.JsonObject;
import org.floodready.units.Unit;

/** The computed figures of one unit (its whole subtree), plain values keyed by metric name. */
public record UnitFigures(Unit unit, JsonObject metrics) {
}
