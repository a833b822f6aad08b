package org.floodready.patrols;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * A reach's patrols in its current calendar period against the required number. Overdue: the
 * previous period was missed too and the reach existed then.
 */
public record ReachCompliance(long reachId, String code, String nameZh, String nameEn, long unitId,
    String unitNameZh, Long chiefUserId, String chiefName, String chiefLevel, PatrolRules.Frequency frequency,
    PatrolPeriod.Window period, int counted, int previousCounted, OffsetDateTime lastPatrolAt,
    OffsetDateTime lastCountedPatrolAt, boolean overdue) {

  public boolean compliant() {
    return counted >= frequency.times();
  }

  public JsonObject toJson(Function<OffsetDateTime, String> iso) {
    return new JsonObject()
        .put("reachId", reachId).put("code", code).put("nameZh", nameZh).put("nameEn", nameEn)
        .put("unitId", unitId).put("unitNameZh", unitNameZh)
        .put("chiefUserId", chiefUserId).put("chiefName", chiefName).put("chiefLevel", chiefLevel)
        .put("period", frequency.period().code())
        .put("periodStart", iso.apply(period.start())).put("periodEnd", iso.apply(period.end()))
        .put("required", frequency.times()).put("counted", counted).put("compliant", compliant())
        .put("previousPeriodCounted", previousCounted)
        .put("lastPatrolAt", iso.apply(lastPatrolAt)).put("lastCountedPatrolAt", iso.apply(lastCountedPatrolAt))
        .put("overdue", overdue);
  }
}
