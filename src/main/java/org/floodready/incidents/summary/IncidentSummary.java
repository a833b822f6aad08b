package org.floodready.incidents.summary;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Supplies of one incident: requested, sent, used, returned and lost, with times. */
public record IncidentSummary(IncidentHeader incident, List<SupplyLine> lines, List<RequestedLines.Line> requested,
    List<TimelineEntry> timeline, List<OutLine> outstanding, OffsetDateTime generatedAt, ZoneId zone) {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** Per request line: asked → approved → sent → received (and short), with the time of each step. */
  public static final List<String> REQUESTED_COLUMNS = List.of("申请单 Request", "物资 Item", "单位 Unit",
      "申请 Requested", "批准 Approved", "发出 Sent", "签收 Received", "短缺 Short", "申请时间 Requested at",
      "审批时间 Approved at", "发出时间 Dispatched at", "到达时间 Arrived at");

  public BigDecimal total(Function<SupplyLine, BigDecimal> figure) {
    return IncidentSupplies.sum(lines, figure);
  }

  public JsonObject toJson(Function<OffsetDateTime, String> iso) {
    JsonObject totals = new JsonObject().put("sent", Figures.json(total(SupplyLine::sent)))
        .put("transferred", Figures.json(total(SupplyLine::transferred)))
        .put("used", Figures.json(total(SupplyLine::used))).put("returned", Figures.json(total(SupplyLine::returned)))
        .put("needsRepair", Figures.json(total(SupplyLine::needsRepair)))
        .put("lost", Figures.json(total(SupplyLine::lost))).put("stillOut", Figures.json(total(SupplyLine::stillOut)));
    return new JsonObject().put("incident", incident.toJson(iso)).put("totals", totals)
        .put("lines", new JsonArray(lines.stream().map(l -> l.toJson(iso)).toList()))
        .put("requested", new JsonArray(requested.stream().map(l -> l.toJson(iso)).toList()))
        .put("timeline", new JsonArray(timeline.stream().map(t -> t.toJson(iso)).toList()))
        .put("outstanding", new JsonArray(outstanding.stream().map(o -> o.toJson(iso)).toList()))
        .put("generatedAt", iso.apply(generatedAt));
  }

  /** The incident's facts as label/value pairs for the top of the HTML and PDF. */
  List<List<String>> facts() {
    return List.of(List.of("险情 Incident", incident.label()), List.of("类型 Kind", Figures.kindZh(incident.kind())),
        List.of("单位 Unit", incident.unitNameZh()), List.of("等级 Severity", Figures.severityZh(incident.severity())),
        List.of("状态 Status", Figures.statusZh(incident.status())),
        List.of("报告 Reported", time(incident.reportedAt())), List.of("结束 Closed", time(incident.closedAt())),
        List.of("生成于 Generated", time(generatedAt)));
  }

  /** The table with this id (the CSV's {@code table} parameter), or the supplies per item. */
  SummaryTable table(String id) {
    return tables().stream().filter(t -> t.id().equals(id)).findFirst().orElse(tables().get(0));
  }

  /** Supplies per item first (the default CSV), then requests, the timeline and what is still out. */
  List<SummaryTable> tables() {
    List<List<String>> supplies = new ArrayList<>();
    for (SupplyLine l : lines) {
      supplies.add(List.of(l.itemNameZh() + " " + l.itemNameEn(), l.unitOfMeasure(), l.reusable() ? "是 Yes" : "否 No",
          Figures.text(l.sent()), Figures.text(l.transferred()), Figures.text(l.used()), Figures.text(l.returned()),
          Figures.text(l.needsRepair()), Figures.text(l.lost()), Figures.text(l.stillOut()), time(l.firstSentAt()),
          time(l.lastReturnedAt())));
    }
    List<List<String>> asked = new ArrayList<>();
    for (RequestedLines.Line l : requested) {
      asked.add(List.of("#" + l.requestId() + " " + Figures.requestStatusZh(l.requestStatus()),
          l.itemNameZh() + " " + l.itemNameEn(), l.unitOfMeasure(), Figures.text(l.requested()),
          Figures.text(l.approved()), Figures.text(l.sent()), Figures.text(l.received()), Figures.text(l.shortage()),
          time(l.requestedAt()), time(l.approvedAt()), time(l.dispatchedAt()), time(l.arrivedAt())));
    }
    List<List<String>> steps = new ArrayList<>();
    for (TimelineEntry t : timeline) {
      steps.add(List.of(time(t.at()), t.actionZh(), t.itemNameZh(), t.lotCode(), t.baseNameZh(),
          Figures.text(t.quantity()) + " " + t.unitOfMeasure(), t.conditionZh(), t.actorName()));
    }
    List<List<String>> out = new ArrayList<>();
    for (OutLine o : outstanding) {
      out.add(List.of(o.itemNameZh(), o.lotCode(), o.baseNameZh(), Figures.text(o.issued()),
          Figures.text(o.returned()), Figures.text(o.needsRepair()), Figures.text(o.lost()), Figures.text(o.out())));
    }
    return List.of(
        new SummaryTable("supplies", "物资 Supplies", List.of("物资 Item", "单位 Unit", "可重复使用 Reusable",
            "发出 Sent", "调拨 Transferred", "消耗 Used", "归还 Returned", "其中待修 Needs repair", "丢失 Lost",
            "未归还 Still out", "首次发出 First sent", "最后归还 Last returned"), supplies),
        new SummaryTable("requested", "申请与批准 Requested and approved", REQUESTED_COLUMNS, asked),
        new SummaryTable("timeline", "经过 Timeline", List.of("时间 Time", "动作 Action", "物资 Item", "批次 Lot",
            "基地 Base", "数量 Quantity", "状况 Condition", "经办 By"), steps),
        new SummaryTable("outstanding", "器材去向 Equipment by lot", List.of("物资 Item", "批次 Lot", "基地 Base",
            "发出 Issued", "归还 Returned", "其中待修 Needs repair", "丢失 Lost", "未归还 Still out"), out));
  }

  private String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(MINUTE);
  }
}
