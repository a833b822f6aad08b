package org.floodready.patrols;

import io.vertx.core.json.JsonObject;

/**
 * A unit's river-chief record: reaches compliant in their current period, open and overdue hazards,
 * and the median days from report to closure (null when none was closed). Contract for other domains.
 */
public record UnitCompliance(long unitId, int reaches, int reachesCompliant, double complianceRate,
    int openHazards, int overdueHazards, Double medianDaysToClose) {

  public JsonObject toJson() {
    return new JsonObject().put("unitId", unitId).put("reaches", reaches).put("reachesCompliant", reachesCompliant)
        .put("complianceRate", complianceRate).put("openHazards", openHazards).put("overdueHazards", overdueHazards)
        .put("medianDaysToClose", medianDaysToClose);
  }
}
