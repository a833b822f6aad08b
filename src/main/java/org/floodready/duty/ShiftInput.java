package org.floodready.duty;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.floodready.input.Fields;

/** A shift as a client sends it: {@code {unitId, date, start: "08:00", end: "08:00", officerIds, leaderUserId}}. */
record ShiftInput(long unitId, LocalDate date, LocalTime start, LocalTime end, Long leaderUserId,
    List<Long> officerIds, String note) {

  static ShiftInput parse(JsonObject body) {
    Fields in = new Fields(body);
    Long unitId = in.id("unitId", true);
    LocalDate date = in.date("date", true);
    LocalTime start = timeOfDay(in, "start");
    LocalTime end = timeOfDay(in, "end");
    Long leader = in.id("leaderUserId", false);
    String note = in.optionalText("note", 500);
    JsonArray officers = in.array("officerIds", 20, true);
    List<Long> ids = new ArrayList<>();
    if (officers != null) {
      LinkedHashSet<Long> unique = new LinkedHashSet<>();
      for (int i = 0; i < officers.size(); i++) {
        if (officers.getValue(i) instanceof Number n && Fields.isWhole(n) && n.longValue() > 0) {
          unique.add(n.longValue());
        } else {
          in.error("officerIds[" + i + "]", "must be a user id");
        }
      }
      in.check(!unique.isEmpty(), "officerIds", "needs at least one duty officer");
      ids.addAll(unique);
    }
    in.validate();
    return new ShiftInput(unitId, date, start, end, leader, ids, note);
  }

  /** A wall-clock time "HH:MM" of the district's zone. */
  private static LocalTime timeOfDay(Fields in, String name) {
    String raw = in.requiredText(name, 8);
    if (raw == null) {
      return null;
    }
    try {
      LocalTime t = LocalTime.parse(raw);
      if (t.getSecond() != 0 || t.getNano() != 0) {
        in.error(name, "must be a time of day like 08:00");
        return null;
      }
      return t;
    } catch (DateTimeParseException e) {
      in.error(name, "must be a time of day like 08:00");
      return null;
    }
  }
}
