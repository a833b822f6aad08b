package org.floodready.board.report;

import static org.floodready.print.Html.esc;

import org.floodready.print.ReportTable;

import java.util.List;

/** The daily report as a printable HTML page (A4 print styles, no external assets). */
public final class DailyReportHtml {
  private DailyReportHtml() {
  }

  static String render(DailyReport r) {
    StringBuilder h = new StringBuilder(16_384);
    String date = r.date().toString();
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<title>防汛值班日报 ").append(date).append("</title>")
        .append("<link rel=\"stylesheet\" href=\"/report.css\"></head><body>")
        .append("<header><h1>防汛值班日报 <small>Daily duty report</small></h1>")
        .append("<p class=\"meta\">日期 Date: <strong id=\"report-date\">").append(date).append("</strong>")
        .append(" · 时区 ").append(esc(r.zone()))
        .append(" · 生成于 Generated ").append(esc(r.generatedAt()))
        .append(" · ").append(esc(r.generatedBy()))
        .append("</p><p class=\"actions\"><a href=\"daily.pdf?date=").append(date).append("\">PDF</a>")
        .append(" <a href=\"#\" onclick=\"window.print();return false;\">打印 Print</a></p></header>");
    for (ReportTable t : r.tables()) {
      h.append("<section id=\"t-").append(esc(t.id())).append("\"><h2>").append(esc(t.title()))
          .append(" <a class=\"csv\" href=\"daily/tables/").append(esc(t.id())).append("?date=").append(date)
          .append("\">CSV</a></h2>");
      if (t.note() != null) {
        h.append("<p class=\"note\">").append(esc(t.note())).append("</p>");
      }
      if (t.rows().isEmpty()) {
        h.append("<p class=\"empty\">无记录 None</p>");
      } else {
        h.append("<table><thead><tr>");
        t.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (List<Object> row : t.rows()) {
          h.append("<tr>");
          row.forEach(c -> h.append("<td>").append(esc(ReportTable.text(c))).append("</td>"));
          h.append("</tr>");
        }
        h.append("</tbody></table>");
      }
      h.append("</section>");
    }
    if (!r.charts().isEmpty()) {
      h.append("<section class=\"charts\"><h2>图表 Charts</h2>");
      for (DailyReport.Chart c : r.charts()) {
        h.append("<figure><img alt=\"").append(esc(c.title())).append("\" src=\"").append(esc(c.path()))
            .append("\"><figcaption>").append(esc(c.title())).append("</figcaption></figure>");
      }
      h.append("</section>");
    }
    return h.append("</body></html>").toString();
  }
}
