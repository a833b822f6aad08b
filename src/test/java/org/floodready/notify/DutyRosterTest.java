package org.floodready.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.floodready.duty.DutyRoster;
import org.floodready.duty.Shift;
import org.junit.jupiter.api.Test;

/** Who is on duty at an instant: shift edges, overnight shifts, the district's time zone. */
class DutyRosterTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate DAY = LocalDate.of(2026, 7, 20);

  static Shift shift(long id, LocalDate date, String start, String end) {
    return new Shift(id, 2, date, LocalTime.parse(start), LocalTime.parse(end), 9L, List.of(id * 10), null);
  }

  static Instant local(String dateTime, ZoneId zone) {
    return java.time.LocalDateTime.parse(dateTime).atZone(zone).toInstant();
  }

  @Test
  void dayShiftStartsInclusiveAndEndsExclusive() {
    Shift day = shift(1, DAY, "08:00", "20:00");
    assertFalse(day.covers(local("2026-07-20T07:59:59", SHANGHAI), SHANGHAI));
    assertTrue(day.covers(local("2026-07-20T08:00:00", SHANGHAI), SHANGHAI));
    assertTrue(day.covers(local("2026-07-20T19:59:59", SHANGHAI), SHANGHAI));
    assertFalse(day.covers(local("2026-07-20T20:00:00", SHANGHAI), SHANGHAI));
  }

  @Test
  void overnightShiftRunsIntoTheNextDay() {
    Shift night = shift(2, DAY, "20:00", "08:00");
    assertTrue(night.overnight());
    assertTrue(night.covers(local("2026-07-20T23:30:00", SHANGHAI), SHANGHAI));
    assertTrue(night.covers(local("2026-07-21T03:00:00", SHANGHAI), SHANGHAI));
    assertFalse(night.covers(local("2026-07-21T08:00:00", SHANGHAI), SHANGHAI));
    assertFalse(night.covers(local("2026-07-20T03:00:00", SHANGHAI), SHANGHAI), "not the night before its date");
  }

  @Test
  void equalStartAndEndIsA24HourShift() {
    Shift full = shift(3, DAY, "08:00", "08:00");
    assertTrue(full.covers(local("2026-07-21T07:59:00", SHANGHAI), SHANGHAI));
    assertFalse(full.covers(local("2026-07-21T08:00:00", SHANGHAI), SHANGHAI));
  }

  @Test
  void handoverInstantBelongsToTheIncomingShiftOnly() {
    Shift day = shift(1, DAY, "08:00", "20:00");
    Shift night = shift(2, DAY, "20:00", "08:00");
    Shift nextDay = shift(4, DAY.plusDays(1), "08:00", "20:00");
    List<Shift> all = List.of(day, night, nextDay);
    assertEquals(List.of(night), DutyRoster.onDutyAt(all, local("2026-07-20T20:00:00", SHANGHAI), SHANGHAI));
    assertEquals(List.of(night), DutyRoster.onDutyAt(all, local("2026-07-21T03:00:00", SHANGHAI), SHANGHAI));
    assertEquals(List.of(nextDay), DutyRoster.onDutyAt(all, local("2026-07-21T08:00:00", SHANGHAI), SHANGHAI));
  }

  @Test
  void timesAreReadInTheDistrictZoneNotUtc() {
    Shift night = shift(2, DAY, "20:00", "08:00");
    // 03:00 in Shanghai is 19:00 UTC the day before
    Instant threeAm = Instant.parse("2026-07-20T19:00:00Z");
    assertTrue(night.covers(threeAm, SHANGHAI));
    assertFalse(night.covers(threeAm, ZoneId.of("UTC")));
    assertEquals("2026-07-20T20:00+08:00", night.startsAt(SHANGHAI).toOffsetDateTime().toString());
  }

  @Test
  void wallClockHoursHoldAcrossADaylightSavingChange() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // the night of 2026-03-28/29 loses an hour at 02:00: the 20:00-08:00 shift is 11 hours long
    Shift night = shift(5, LocalDate.of(2026, 3, 28), "20:00", "08:00");
    assertEquals(11, java.time.Duration.between(night.startsAt(berlin), night.endsAt(berlin)).toHours());
    assertTrue(night.covers(local("2026-03-29T07:59:00", berlin), berlin));
    assertFalse(night.covers(local("2026-03-29T08:00:00", berlin), berlin));
  }
}
