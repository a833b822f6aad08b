package org.floodready.board.panels;

import org.floodready.board.report.ReportDraft;
import org.floodready.print.ReportTable;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import org.floodready.app.AppContext;

/** The duty roster in the daily report: the day's shifts and the handovers written that day (交接班记录). */
public final class DutyBoard implements BoardPart {
  private static final String SHIFTS = "SELECT u.name_zh AS unit, s.start_time, s.end_time, s.end_time <= s.start_time"
      + " AS overnight, (SELECT string_agg(o.display_name, '、' ORDER BY o.display_name) FROM duty_shift_officers so"
      + " JOIN users o ON o.id = so.user_id WHERE so.shift_id = s.id) AS officers, l.display_name AS leader, s.note"
      + " FROM duty_shifts s JOIN units u ON u.id = s.unit_id LEFT JOIN users l ON l.id = s.leader_user_id"
      + " WHERE s.duty_date = $1 ORDER BY u.code, s.start_time, s.id LIMIT $2";
  private static final String HANDOVERS = "SELECT h.written_at, u.name_zh AS unit, w.display_name AS writer, h.open_items,"
      + " c.display_name AS confirmer, h.confirmed_at, h.confirm_note FROM duty_handovers h JOIN units u ON u.id = h.unit_id"
      + " JOIN users w ON w.id = h.written_by LEFT JOIN users c ON c.id = h.confirmed_by"
      + " WHERE h.written_at >= $1 AND h.written_at < $2 ORDER BY h.written_at, h.id LIMIT $3";

  private final Pool pool;

  DutyBoard(AppContext app) {
    this.pool = app.pool();
  }

  @Override
  public Future<Void> addToReport(ReportDraft report) {
    return pool.preparedQuery(SHIFTS).execute(Tuple.of(report.date, ReportDraft.MAX_ROWS)).compose(shifts -> {
      List<List<Object>> rows = new ArrayList<>();
      for (Row r : shifts) {
        rows.add(List.of(r.getString("unit"), hm(r, "start_time") + "–" + hm(r, "end_time")
                + (r.getBoolean("overnight") ? " (次日 next day)" : ""), text(r.getString("officers")),
            text(r.getString("leader")), text(r.getString("note"))));
      }
      report.table(new ReportTable("shifts", "值班安排 Shifts of the day", List.of("单位 Unit", "时间 Time",
          "值班员 Officers", "带班领导 Leader on call", "备注 Note"), rows, ReportDraft.limitNote(rows.size())));
      return pool.preparedQuery(HANDOVERS).execute(Tuple.of(report.from, report.to, ReportDraft.MAX_ROWS));
    }).map(handovers -> {
      List<List<Object>> rows = new ArrayList<>();
      for (Row r : handovers) {
        String confirmed = r.getOffsetDateTime("confirmed_at") == null ? "未确认 not confirmed"
            : r.getString("confirmer") + " " + report.dateTime(r.getOffsetDateTime("confirmed_at"))
                + (r.getString("confirm_note") == null ? "" : " — " + r.getString("confirm_note"));
        rows.add(List.of(report.time(r.getOffsetDateTime("written_at")), r.getString("unit"), r.getString("writer"),
            r.getString("open_items"), confirmed));
      }
      report.table(new ReportTable("handovers", "交接班记录 Handovers", List.of("交班时间 Written", "单位 Unit",
          "交班人 Outgoing", "未办结事项 Open items", "接班确认 Confirmed by"), rows, ReportDraft.limitNote(rows.size())));
      return null;
    });
  }

  private static String hm(Row r, String column) {
    return r.getLocalTime(column).toString();
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
