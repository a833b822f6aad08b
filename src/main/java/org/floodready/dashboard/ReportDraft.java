package org.floodready.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The daily report while its sections are gathered: the day as [from, to) in the district zone. */
final class ReportDraft {
  static final int MAX_ROWS = 500;
  private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

  final LocalDate date;
  final ZoneId zone;
  final OffsetDateTime from;
  final OffsetDateTime to;
  final OffsetDateTime now;
  private final List<ReportTable> tables = new ArrayList<>();
  private final List<DailyReport.Chart> charts = new ArrayList<>();

  ReportDraft(LocalDate date, ZoneId zone, OffsetDateTime now) {
    this.date = date;
    this.zone = zone;
    this.from = date.atStartOfDay(zone).toOffsetDateTime();
    this.to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    this.now = now;
  }

  /** The moment the report describes: the end of the day, or now for today. */
  OffsetDateTime asOf() {
    return now.isBefore(to) ? now : to;
  }

  synchronized void table(ReportTable t) {
    tables.add(t);
  }

  synchronized void chart(DailyReport.Chart c) {
    charts.add(c);
  }

  String dateTime(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
  }

  String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(HM);
  }

  static String limitNote(int rows) {
    return rows >= MAX_ROWS ? "只列出前 " + MAX_ROWS + " 条 First " + MAX_ROWS + " only" : null;
  }

  synchronized List<ReportTable> tables() {
    return List.copyOf(tables);
  }

  synchronized List<DailyReport.Chart> charts() {
    return List.copyOf(charts);
  }
}
