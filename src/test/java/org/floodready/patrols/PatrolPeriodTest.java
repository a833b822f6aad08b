package org.floodready.patrols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PatrolPeriodTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Test
  void monthsFollowTheDistrictZoneNotUtc() {
    // 2027-02-01 00:30 in Zhengzhou is still January in UTC.
    PatrolPeriod.Window w = PatrolPeriod.MONTH.containing(OffsetDateTime.parse("2027-01-31T16:30:00Z"), ZONE);
    assertEquals(OffsetDateTime.parse("2027-02-01T00:00+08:00").toInstant(), w.start().toInstant());
    assertEquals(OffsetDateTime.parse("2027-03-01T00:00+08:00").toInstant(), w.end().toInstant());
    PatrolPeriod.Window jan = PatrolPeriod.MONTH.containing(OffsetDateTime.parse("2027-01-31T23:59:00+08:00"), ZONE);
    assertEquals(OffsetDateTime.parse("2027-01-01T00:00+08:00").toInstant(), jan.start().toInstant());
  }

  @Test
  void weeksRunMondayToSunday() {
    PatrolPeriod.Window w = PatrolPeriod.WEEK.containing(OffsetDateTime.parse("2027-02-07T23:59:00+08:00"), ZONE);
    assertEquals(OffsetDateTime.parse("2027-02-01T00:00+08:00").toInstant(), w.start().toInstant());
    assertEquals(OffsetDateTime.parse("2027-02-08T00:00+08:00").toInstant(), w.end().toInstant());
  }

  @Test
  void quartersAndHalfYears() {
    OffsetDateTime aug = OffsetDateTime.parse("2027-08-15T10:00:00+08:00");
    assertEquals("2027-07-01", PatrolPeriod.QUARTER.containing(aug, ZONE).start().toLocalDate().toString());
    assertEquals("2027-10-01", PatrolPeriod.QUARTER.containing(aug, ZONE).end().toLocalDate().toString());
    assertEquals("2027-07-01", PatrolPeriod.HALF_YEAR.containing(aug, ZONE).start().toLocalDate().toString());
    assertEquals("2028-01-01", PatrolPeriod.HALF_YEAR.containing(aug, ZONE).end().toLocalDate().toString());
    assertEquals("2027-01-01", PatrolPeriod.HALF_YEAR.previous(aug, ZONE).start().toLocalDate().toString());
    assertEquals("2027-04-01", PatrolPeriod.QUARTER.previous(aug, ZONE).start().toLocalDate().toString());
  }
}
