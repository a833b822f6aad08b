package org.floodready.board.panels;

import org.floodready.board.report.ReportDraft;
import org.floodready.print.ReportTable;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.incidents.summary.IncidentSummaries;
import org.floodready.incidents.summary.RequestedLines;

/** The daily report's section on incidents (险情) of the day and the supplies each was sent and gave back. */
public final class IncidentSuppliesBoard implements BoardPart {
  private final IncidentSummaries summaries;

  IncidentSuppliesBoard(AppContext app) {
    this.summaries = new IncidentSummaries(app, RequestedLines.fromRequests(app.pool()));
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return summaries.totalsBetween(report.from, report.to).map(all -> {
      List<List<Object>> rows = new ArrayList<>();
      List<List<Object>> asked = new ArrayList<>();
      for (IncidentSummaries.Totals t : all) {
        rows.add(List.of(t.incident().label(), t.incident().statusZh(), report.dateTime(t.incident().reportedAt()),
            report.dateTime(t.incident().closedAt()), t.sent(), t.used(), t.returned(), t.needsRepair(), t.lost(),
            t.stillOut()));
        for (RequestedLines.Line l : t.requested()) {
          asked.add(Arrays.asList(t.incident().label(), "#" + l.requestId(), l.itemNameZh(),
              ReportTable.text(l.requested()), ReportTable.text(l.approved()), ReportTable.text(l.sent()),
              ReportTable.text(l.received()), ReportTable.text(l.shortage()), report.dateTime(l.requestedAt()),
              report.dateTime(l.approvedAt()), report.dateTime(l.dispatchedAt()), report.dateTime(l.arrivedAt())));
        }
      }
      report.table(new ReportTable("incidents", "险情物资 Incidents and their supplies", List.of("险情 Incident",
          "状态 Status", "报告 Reported", "结束 Closed", "发出 Sent", "消耗 Used", "归还 Returned",
          "其中待修 Needs repair", "丢失 Lost", "未归还 Still out"), rows, ReportDraft.limitNote(rows.size())));
      report.table(new ReportTable("incident-requests", "险情物资申请 Supplies requested for incidents",
          List.of("险情 Incident", "申请单 Request", "物资 Item", "申请 Requested", "批准 Approved", "发出 Sent",
              "签收 Received", "短缺 Short", "申请时间 Requested at", "审批时间 Approved at", "发出时间 Dispatched at",
              "到达时间 Arrived at"), asked, ReportDraft.limitNote(asked.size())));
      return null;
    });
  }
}
