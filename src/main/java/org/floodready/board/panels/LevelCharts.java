package org.floodready.board.panels;

import org.floodready.board.charts.LevelChartSpec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A checkpoint's chart: a reservoir's level against its flood-limit and design levels, or a point's depth. */
public final class LevelCharts {
  private LevelCharts() {
  }

  public static LevelChartSpec spec(CheckpointData.Site site, List<CheckpointData.Reading> readings,
      List<CheckpointData.LimitPeriod> limits, OffsetDateTime from, OffsetDateTime to, ZoneId zone) {
    List<LevelChartSpec.Point> points = readings.stream()
        .map(r -> new LevelChartSpec.Point(r.at().toInstant(), r.value())).toList();
    if (site.kind().equals("reservoir")) {
      List<LevelChartSpec.Line> lines = new ArrayList<>();
      add(lines, "正常蓄水位 Normal pool", site.normalPool(), "grey");
      add(lines, "设计洪水位 Design flood", site.design(), "red");
      add(lines, "校核洪水位 Check flood", site.check(), "red");
      List<LevelChartSpec.Band> bands = new ArrayList<>();
      if (site.floodHigh() != null && site.design() != null) {
        bands.add(new LevelChartSpec.Band("防洪高水位—设计洪水位 Flood-control high to design", site.floodHigh().doubleValue(),
            site.design().doubleValue(), "orange"));
      }
      Double offSeason = site.normalPool() == null ? null : site.normalPool().doubleValue();
      return new LevelChartSpec(site.nameZh() + " 水位 Water level", "水位 Level (m)", zone, "实测水位 Measured",
          points, limitLabel(limits, offSeason, from, to, zone), floodLimitSteps(limits, offSeason, from, to, zone),
          lines, bands);
    }
    List<LevelChartSpec.Line> lines = new ArrayList<>();
    add(lines, "关注 Watch", site.watch(), "blue");
    add(lines, "注意 Attention", site.attention(), "yellow");
    add(lines, "封路 Close road", site.closeRoad(), "orange");
    add(lines, "严重 Severe", site.severe(), "red");
    return new LevelChartSpec(site.nameZh() + " 积水深度 Depth", "积水深度 Depth (cm)", zone, "实测积水 Measured",
        points, null, List.of(), lines, List.of());
  }

  static List<LevelChartSpec.Point> floodLimitSteps(List<CheckpointData.LimitPeriod> limits, OffsetDateTime from,
      OffsetDateTime to, ZoneId zone) {
    return floodLimitSteps(limits, null, from, to, zone);
  }

  /**
   * The limit of each day of the window, as steps at local midnight: the flood-limit level of the period the
   * day falls in, else (outside the flood season) {@code offSeason}, the normal pool level the reservoir may
   * then be held at; null leaves such days without a line.
   */
  static List<LevelChartSpec.Point> floodLimitSteps(List<CheckpointData.LimitPeriod> limits, Double offSeason,
      OffsetDateTime from, OffsetDateTime to, ZoneId zone) {
    List<LevelChartSpec.Point> steps = new ArrayList<>();
    if (limits.isEmpty() && offSeason == null) {
      return steps;
    }
    LocalDate first = from.atZoneSameInstant(zone).toLocalDate();
    LocalDate last = to.atZoneSameInstant(zone).toLocalDate();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      Double found = levelOn(limits, d);
      Double level = found == null ? offSeason : found;
      if (level != null) {
        OffsetDateTime at = d.equals(first) ? from : d.atStartOfDay(zone).toOffsetDateTime();
        steps.add(new LevelChartSpec.Point(at.toInstant(), level));
      }
    }
    if (!steps.isEmpty()) {
      steps.add(new LevelChartSpec.Point(to.toInstant(), steps.get(steps.size() - 1).value()));
    }
    return steps;
  }

  /** The line's legend names the rule of each day shown: the season period(s), or the off-season rule. */
  static String limitLabel(List<CheckpointData.LimitPeriod> limits, Double offSeason, OffsetDateTime from,
      OffsetDateTime to, ZoneId zone) {
    java.util.LinkedHashSet<String> rules = new java.util.LinkedHashSet<>();
    LocalDate last = to.atZoneSameInstant(zone).toLocalDate();
    for (LocalDate d = from.atZoneSameInstant(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      CheckpointData.LimitPeriod p = periodOn(limits, d);
      if (p != null) {
        rules.add(p.name() + " " + BigDecimal.valueOf(p.level()).stripTrailingZeros().toPlainString());
      } else if (offSeason != null) {
        rules.add("非汛期按正常蓄水位 off-season: normal pool " + BigDecimal.valueOf(offSeason).stripTrailingZeros()
            .toPlainString());
      }
    }
    return "汛限/控制水位 Limit (" + String.join("; ", rules) + ")";
  }

  static Double levelOn(List<CheckpointData.LimitPeriod> limits, LocalDate day) {
    CheckpointData.LimitPeriod p = periodOn(limits, day);
    return p == null ? null : p.level();
  }

  static CheckpointData.LimitPeriod periodOn(List<CheckpointData.LimitPeriod> limits, LocalDate day) {
    String md = String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    for (CheckpointData.LimitPeriod p : limits) {
      boolean inside = p.startMd().compareTo(p.endMd()) <= 0
          ? md.compareTo(p.startMd()) >= 0 && md.compareTo(p.endMd()) <= 0
          : md.compareTo(p.startMd()) >= 0 || md.compareTo(p.endMd()) <= 0;
      if (inside) {
        return p;
      }
    }
    return null;
  }

  private static void add(List<LevelChartSpec.Line> lines, String label, BigDecimal value, String colour) {
    if (value != null) {
      lines.add(new LevelChartSpec.Line(label + " " + value.stripTrailingZeros().toPlainString(), value.doubleValue(),
          colour));
    }
  }
}
