package org.floodready.duty;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One duty shift of a district unit: from {@code date start} to {@code end} the same day, or the next day
 * when {@code end} is not after {@code start} (an overnight shift; equal times = 24 hours). Times are wall
 * clock times in the district's zone, so a shift keeps its hours across a daylight-saving change.
 */
public record Shift(long id, long unitId, LocalDate date, LocalTime start, LocalTime end, Long leaderUserId,
    List<Long> officerIds, String note) {

  public boolean overnight() {
    return !end.isAfter(start);
  }

  public ZonedDateTime startsAt(ZoneId zone) {
    return date.atTime(start).atZone(zone);
  }

  public ZonedDateTime endsAt(ZoneId zone) {
    return (overnight() ? date.plusDays(1) : date).atTime(end).atZone(zone);
  }

  /** On duty at the instant: from its start (inclusive) to its end (exclusive). */
  public boolean covers(Instant at, ZoneId zone) {
    return !at.isBefore(startsAt(zone).toInstant()) && at.isBefore(endsAt(zone).toInstant());
  }

  public JsonObject toJson(ZoneId zone) {
    return new JsonObject().put("id", id).put("unitId", unitId).put("date", date.toString())
        .put("start", start.toString()).put("end", end.toString()).put("overnight", overnight())
        .put("startsAt", startsAt(zone).toOffsetDateTime().toString())
        .put("endsAt", endsAt(zone).toOffsetDateTime().toString())
        .put("leaderUserId", leaderUserId).put("officerIds", new JsonArray(officerIds)).put("note", note);
  }
}
