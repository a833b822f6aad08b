package org.floodready.checkpoints;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.MonthDay;

/** A reservoir's flood-limit level (汛限水位) from start to end month-day, both inclusive; may wrap the year. */
public record FloodLimitPeriod(String name, MonthDay start, MonthDay end, double level) {

  public boolean contains(MonthDay day) {
    if (!start.isAfter(end)) {
      return !day.isBefore(start) && !day.isAfter(end);
    }
    return !day.isBefore(start) || !day.isAfter(end);
  }

  static FloodLimitPeriod from(Row r) {
    return new FloodLimitPeriod(r.getString("name"), MonthDay.parse("--" + r.getString("start_md")),
        MonthDay.parse("--" + r.getString("end_md")), r.getNumeric("level").doubleValue());
  }

  public static String md(MonthDay d) {
    return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
  }

  public JsonObject toJson() {
    return new JsonObject().put("name", name).put("startMd", md(start)).put("endMd", md(end)).put("level", level);
  }
}
