package org.floodready.board.panels;

import org.floodready.board.report.ReportDraft;
import org.floodready.print.ReportTable;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.inspections.InspectionsOfDay;

/** The inspection rounds' part of the daily report: rounds closed that day and the problems they found. */
public final class InspectionBoard implements BoardPart {
  private static final Map<String, String> KINDS = Map.of("base", "物资仓库 supply base", "reservoir", "水库 reservoir",
      "waterlogging", "易涝点 waterlogging point", "reach", "河段 reach");
  private static final Map<String, String> SEVERITIES = Map.of("low", "一般 low", "medium", "较大 medium",
      "high", "重大 high");

  private final InspectionsOfDay rounds;

  InspectionBoard(AppContext app) {
    this.rounds = new InspectionsOfDay(app.pool());
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return rounds.lines(report.from, report.to, ReportDraft.MAX_ROWS).map(lines -> {
      List<List<Object>> rows = new ArrayList<>();
      for (InspectionsOfDay.Line l : lines) {
        boolean problem = l.position() != null;
        rows.add(List.of(report.time(l.closedAt()), "#" + l.roundId() + " " + KINDS.getOrDefault(l.siteKind(), l.siteKind()),
            l.siteNameZh(), l.inspector(),
            problem ? l.position() + ". " + l.itemZh() + "：" + l.note() : "全部 " + l.items() + " 项正常 all items ok",
            problem ? SEVERITIES.getOrDefault(l.severity(), l.severity()) : "",
            l.hazardId() == null ? "" : "#" + l.hazardId() + " 限 " + report.dateTime(l.deadline())));
      }
      report.table(new ReportTable("inspections", "检查 Inspection rounds", List.of("结束 Closed", "检查 Round",
          "地点 Site", "检查人 Inspector", "问题 Problem", "程度 Severity", "隐患与期限 Hazard and deadline"), rows,
          ReportDraft.limitNote(lines.size())));
      return null;
    });
  }
}
