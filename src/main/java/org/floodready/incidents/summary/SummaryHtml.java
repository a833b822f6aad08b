package org.floodready.incidents.summary;

import java.util.List;
import org.floodready.print.Html;

/** The incident summary as a printable page, styled like the daily report (report.css, no scripts). */
final class SummaryHtml {
  private SummaryHtml() {
  }

  static String render(IncidentSummary s) {
    long id = s.incident().id();
    StringBuilder h = new StringBuilder(8_192);
    h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>险情物资小结 ").append(esc(s.incident().label())).append("</title>")
        .append("<link rel=\"stylesheet\" href=\"/report.css\"></head><body>")
        .append("<header><h1>险情物资小结 <small>Incident supply summary</small></h1><dl class=\"facts\">");
    for (List<String> fact : s.facts()) {
      h.append("<dt>").append(esc(fact.get(0))).append("</dt><dd>").append(esc(fact.get(1))).append("</dd>");
    }
    h.append("</dl><p class=\"actions\"><a href=\"summary?format=pdf\">PDF</a> <a href=\"summary?format=csv\">CSV</a>")
        .append("</p></header>");
    for (SummaryTable t : s.tables()) {
      h.append("<section id=\"t-").append(t.id()).append("\"><h2>").append(esc(t.title()))
          .append(" <small><a href=\"summary?format=csv&amp;table=").append(t.id()).append("\">CSV</a></small></h2>");
      if (t.rows().isEmpty()) {
        h.append("<p class=\"empty\">无记录 None</p></section>");
        continue;
      }
      h.append("<table><thead><tr>");
      t.columns().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
      h.append("</tr></thead><tbody>");
      for (List<String> row : t.rows()) {
        h.append("<tr>");
        row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
        h.append("</tr>");
      }
      h.append("</tbody></table></section>");
    }
    return h.append("<footer>险情 #").append(id).append("</footer></body></html>").toString();
  }

  private static String esc(String s) {
    return Html.esc(s);
  }
}
