package org.floodready.incidents.summary;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** The incident supply summary (JSON, HTML, PDF, CSV) and the equipment still out at incidents. */
public final class SummaryRoutes {
  private static final List<String> FORMATS = List.of("json", "html", "pdf", "csv");
  private static final List<String> TABLES = List.of("supplies", "requested", "timeline", "outstanding");
  private static final List<String> STATUSES = List.of("reported", "responding", "under_control", "closed");

  private final AppContext app;
  private final IncidentSummaries summaries;

  public SummaryRoutes(AppContext app, RequestedLines requested) {
    this.app = app;
    this.summaries = new IncidentSummaries(app, requested);
  }

  public void mount(Router api) {
    api.get("/incidents/:incidentId/summary").handler(this::summary);
    api.get("/incidents/:incidentId/outstanding").handler(this::outstandingOfIncident);
    api.get("/returns/outstanding").handler(this::outstanding);
  }

  private void summary(RoutingContext ctx) {
    reader(ctx);
    long id = QueryParams.pathId(ctx, "incidentId");
    String format = new QueryParams(ctx).oneOf("format", FORMATS);
    String table = new QueryParams(ctx).oneOf("table", TABLES);
    summaries.summary(id).compose(s -> switch (format == null ? "json" : format) {
      case "html" -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(SummaryHtml.render(s));
      case "pdf" -> app.blocking(() -> SummaryPdf.render(s)).compose(pdf -> ctx.response()
          .putHeader("Content-Type", "application/pdf")
          .putHeader("Content-Disposition", "inline; filename=\"incident-" + id + "-summary.pdf\"")
          .end(Buffer.buffer(pdf)));
      case "csv" -> Respond.csv(ctx, "incident-" + id + "-" + (table == null ? "supplies" : table) + ".csv",
          s.table(table == null ? "supplies" : table).csv());
      default -> Respond.ok(ctx, s.toJson(app::iso));
    }).onFailure(ctx::fail);
  }

  /** Every lot of reusable equipment issued to the incident (also those all back, unless stillOut=true). */
  private void outstandingOfIncident(RoutingContext ctx) {
    reader(ctx);
    long id = QueryParams.pathId(ctx, "incidentId");
    boolean stillOutOnly = Boolean.TRUE.equals(new QueryParams(ctx).bool("stillOut"));
    summaries.supplies().incident(id)
        .map(found -> found.orElseThrow(() -> org.floodready.errors.ApiError.notFound("Incident", id)))
        .compose(incident -> summaries.supplies().outstanding(id, null, stillOutOnly))
        .onSuccess(lines -> Respond.ok(ctx, items(lines)))
        .onFailure(ctx::fail);
  }

  /** Equipment still out at any incident; {@code incidentStatus=closed} is what the board lists. */
  private void outstanding(RoutingContext ctx) {
    reader(ctx);
    String status = new QueryParams(ctx).oneOf("incidentStatus", STATUSES);
    summaries.supplies().outstanding(null, status, true)
        .onSuccess(lines -> Respond.ok(ctx, items(lines)))
        .onFailure(ctx::fail);
  }

  private JsonObject items(List<OutLine> lines) {
    return new JsonObject().put("items", new JsonArray(lines.stream().map(l -> l.toJson(app::iso)).toList()));
  }

  /** The duty room, keepers (who book the returns) and readers; not gauges. */
  private static CurrentUser reader(RoutingContext ctx) {
    return CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER, Role.VIEWER, Role.BASE_KEEPER,
        Role.RIVER_CHIEF, Role.INSPECTOR);
  }
}
