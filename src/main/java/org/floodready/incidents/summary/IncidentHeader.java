package org.floodready.incidents.summary;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.function.Function;

/** What the summary says about the incident itself. */
public record IncidentHeader(long id, String kind, String title, String unitNameZh, String severity, String status,
    OffsetDateTime reportedAt, OffsetDateTime closedAt) {

  static final String COLUMNS = "n.id, n.kind, n.title, u.name_zh AS unit_name_zh, n.severity, n.status,"
      + " n.reported_at, n.closed_at";
  static final String FROM = " FROM incidents n JOIN units u ON u.id = n.unit_id";

  static IncidentHeader from(Row r) {
    return new IncidentHeader(r.getLong("id"), r.getString("kind"), r.getString("title"),
        r.getString("unit_name_zh"), r.getString("severity"), r.getString("status"),
        r.getOffsetDateTime("reported_at"), r.getOffsetDateTime("closed_at"));
  }

  /** "险情 #12 京广路积水" as lists name it. */
  public String label() {
    return "险情 #" + id + " " + title;
  }

  public String statusZh() {
    return Figures.statusZh(status);
  }

  JsonObject toJson(Function<OffsetDateTime, String> iso) {
    return new JsonObject().put("id", id).put("kind", kind).put("kindZh", Figures.kindZh(kind)).put("title", title)
        .put("unitNameZh", unitNameZh).put("severity", severity).put("severityZh", Figures.severityZh(severity))
        .put("status", status).put("statusZh", Figures.statusZh(status))
        .put("reportedAt", iso.apply(reportedAt)).put("closedAt", iso.apply(closedAt));
  }
}
