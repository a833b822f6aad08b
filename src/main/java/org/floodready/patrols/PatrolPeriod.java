package org.floodready.patrols;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

/** Calendar periods for patrol compliance, in the district's zone: Mon-Sun weeks, months, quarters, halves. */
public enum PatrolPeriod {
  WEEK("week"), MONTH("month"), QUARTER("quarter"), HALF_YEAR("half_year");

  /** The window [start, end) of the period that contains an instant. */
  public record Window(OffsetDateTime start, OffsetDateTime end) {
  }

  private final String code;

  PatrolPeriod(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(PatrolPeriod::code).toList();
  }

  public static PatrolPeriod fromCode(String code) {
    for (PatrolPeriod p : values()) {
      if (p.code.equals(code)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown period " + code);
  }

  public LocalDate firstDay(LocalDate day) {
    return switch (this) {
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case HALF_YEAR -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1);
    };
  }

  public LocalDate next(LocalDate firstDay) {
    return switch (this) {
      case WEEK -> firstDay.plusWeeks(1);
      case MONTH -> firstDay.plusMonths(1);
      case QUARTER -> firstDay.plusMonths(3);
      case HALF_YEAR -> firstDay.plusMonths(6);
    };
  }

  public Window containing(OffsetDateTime at, ZoneId zone) {
    LocalDate first = firstDay(at.atZoneSameInstant(zone).toLocalDate());
    return new Window(first.atStartOfDay(zone).toOffsetDateTime(),
        next(first).atStartOfDay(zone).toOffsetDateTime());
  }

  /** The period before the one containing {@code at}. */
  public Window previous(OffsetDateTime at, ZoneId zone) {
    Window current = containing(at, zone);
    return containing(current.start().minusSeconds(1), zone);
  }
}
