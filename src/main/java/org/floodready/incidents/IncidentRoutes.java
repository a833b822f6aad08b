package org.floodready.incidents;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.sheets.Xlsx;
import org.floodready.errors.ApiError;
import org.floodready.sheets.Csv;
import org.floodready.geo.GeoJson;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.Idempotency;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.web.WriteRoute;
import org.floodready.patrols.PhotoCheck;
import org.floodready.access.Scope;
import org.floodready.requests.IncidentRequests;

/** Incidents (险情): report, lists (JSON, CSV, xlsx, GeoJSON), detail (with the requests filed for it), status, notes and photos. */
public final class IncidentRoutes {
  private static final Map<String, String> SORTABLE = Map.of("id", "i.id", "reportedAt", "i.reported_at",
      "severity", "array_position(ARRAY['critical','high','medium','low'], i.severity)", "status",
      "array_position(ARRAY['reported','responding','under_control','closed'], i.status)", "kind", "i.kind");
  private static final int EXPORT_LIMIT = 10_000;
  private static final Role[] FIELD = {Role.RIVER_CHIEF, Role.INSPECTOR, Role.DUTY_OFFICER, Role.ADMIN};
  private static final Role[] DUTY_ROOM = {Role.DUTY_OFFICER, Role.ADMIN};

  private final AppContext app;
  private final IncidentRepository incidents;
  private final IncidentService service;
  private final TeamRepository teams;
  private final IncidentRequests requests;

  public IncidentRoutes(AppContext app) {
    this.app = app;
    this.incidents = new IncidentRepository(app.pool());
    this.service = new IncidentService(app);
    this.teams = new TeamRepository(app.pool());
    this.requests = new IncidentRequests(app.pool());
  }

  public void mount(Router api) {
    api.post("/incidents").handler(this::report);
    api.get("/incidents").handler(this::list);
    api.get("/incidents.csv").handler(this::listCsv);
    api.get("/incidents.xlsx").handler(this::listXlsx);
    api.get("/incidents.geojson").handler(this::listGeoJson);
    api.get("/incidents/:incidentId").handler(this::detail);
    api.post("/incidents/:incidentId/status").handler(this::changeStatus);
    api.post("/incidents/:incidentId/notes").handler(this::addNote);
    api.post("/incidents/:incidentId/photos").handler(this::uploadPhoto);
    api.get("/incidents/:incidentId/photos/:photoId").handler(this::getPhoto);
    new TeamRoutes(app).mount(api);
  }

  private void report(RoutingContext ctx) {
    WriteRoute.handle(ctx, FIELD, null, IncidentValidation::report, r -> {
      Idempotency.requireKey(ctx);
      return WriteRoute.inTransaction(ctx, app, r.body(), 201,
          (tx, events) -> service.report(tx, r.input(), r.user(), events));
    });
  }

  private void changeStatus(RoutingContext ctx) {
    WriteRoute.handle(ctx, DUTY_ROOM, "incidentId", IncidentValidation::statusChange,
        r -> WriteRoute.inTransaction(ctx, app, r.body(), 200,
            (tx, events) -> service.changeStatus(tx, r.id(), r.input(), r.user(), events)));
  }

  private void addNote(RoutingContext ctx) {
    WriteRoute.handle(ctx, FIELD, "incidentId", IncidentValidation::note,
        r -> IncidentAccess.scope(app, r.user()).compose(scope -> WriteRoute.inTransaction(ctx, app, r.body(), 201,
            (tx, events) -> service.note(tx, r.id(), r.input(), scope, r.user(), events))));
  }

  private void uploadPhoto(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(FIELD);
    long id = QueryParams.pathId(ctx, "incidentId");
    Buffer data = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    // a retry with the same Idempotency-Key (the field app's outbox) stores the photo once; the key is bound
    // to the bytes
    IncidentAccess.scope(app, user).compose(scope -> PhotoCheck.maxBytes(app.pool()).compose(max -> {
      String type = PhotoCheck.check(ctx.request().getHeader("Content-Type"), data.getBytes(), max);
      JsonObject request = new JsonObject().put("contentType", type).put("bytes", data.getBytes());
      return WriteRoute.inTransaction(ctx, app, request, 201, (tx, events) -> service.photo(tx, id, type, data, scope,
          user));
    })).onFailure(ctx::fail);
  }

  private void getPhoto(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "incidentId");
    long photoId = QueryParams.pathId(ctx, "photoId");
    visibleRow(user, id).compose(row -> incidents.photo(id, photoId))
        .map(found -> found.orElseThrow(() -> ApiError.notFound("Photo", photoId)))
        .onSuccess(p -> Respond.photo(ctx, p.getString("content_type"), p.getBuffer("data")))
        .onFailure(ctx::fail);
  }

  /** The incident's row when the caller may see it: 404 when missing, 403 when outside his units. */
  private Future<Row> visibleRow(CurrentUser user, long id) {
    return IncidentAccess.scope(app, user).compose(scope -> incidents.find(app.pool(), id).map(found -> {
      Row row = found.orElseThrow(() -> ApiError.notFound("Incident", id));
      if (!IncidentService.visible(scope, row.getLong("unit_id"), row.getLong("reported_by"), user)) {
        throw ApiError.forbidden("Incident " + id + " is outside your units");
      }
      return row;
    }));
  }

  private void detail(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "incidentId");
    visibleRow(user, id).compose(row -> incidents.logOf(id).compose(log -> incidents.photosOf(id)
        .compose(photos -> teams.deploymentsOf(id).compose(deployments -> requests.filedFor(id, app::iso)
        .map(filed -> {
          JsonArray ph = new JsonArray();
          photos.forEach(p -> ph.add(IncidentRepository.photoJson(p, id, app::iso)));
          return IncidentRepository.toJson(row, app::iso)
              .put("log", IncidentRepository.logJson(log, app::iso))
              .put("photos", ph)
              .put("deployments", TeamRepository.deploymentsJson(deployments, app::iso))
              .put("requests", filed);
        })))))
        .onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }

  /** The list filters on {@code i}, within the caller's scope. */
  private Where filter(RoutingContext ctx, CurrentUser user, Scope scope) {
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("i.status = ?", q.oneOf("status", IncidentRules.STATUSES))
        .and("i.kind = ?", q.oneOf("kind", IncidentRules.KINDS))
        .and("i.severity = ?", q.oneOf("severity", IncidentRules.SEVERITIES))
        .and("i.reported_at >= ?", q.time("since"))
        .and("i.reach_id = ?", q.id("reachId"))
        .and("i.checkpoint_id = ?", q.id("checkpointId"));
    IncidentAccess.subtree(where, "i.unit_id", q.id("unitId"));
    Boolean open = q.bool("open");
    if (open != null) {
      where.and(open ? "i.status <> 'closed'" : "i.status = 'closed'");
    }
    if (Boolean.TRUE.equals(q.bool("mine"))) {
      where.and("i.reported_by = ?", user.id());
    }
    return IncidentAccess.incidents(where, scope, user);
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "-reportedAt");
    Respond.ok(ctx, IncidentAccess.scope(app, user)
        .compose(scope -> incidents.page(filter(ctx, user, scope), page))
        .map(rows -> page.result(rows, r -> IncidentRepository.toJson(r, app::iso))));
  }

  private Future<RowSet<Row>> export(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    return IncidentAccess.scope(app, user).compose(scope -> incidents.all(filter(ctx, user, scope), EXPORT_LIMIT));
  }

  private void listCsv(RoutingContext ctx) {
    export(ctx).map(rows -> table(rows).toString())
        .onSuccess(csv -> Respond.csv(ctx, "incidents.csv", csv)).onFailure(ctx::fail);
  }

  private void listXlsx(RoutingContext ctx) {
    export(ctx).onSuccess(rows -> Xlsx.send(app, ctx, "incidents", "险情台账", table(rows))).onFailure(ctx::fail);
  }

  private Csv table(Iterable<Row> rows) {
    Csv csv = new Csv().row("id", "kind", "title", "severity", "status", "unit", "reach", "checkpoint", "lat", "lon",
        "reporter", "reportedAt", "closedAt", "teamsDeployed");
    for (Row r : rows) {
      JsonObject i = IncidentRepository.toJson(r, app::iso);
      csv.row(i.getLong("id"), i.getString("kindZh"), i.getString("title"), i.getString("severity"),
          i.getString("status"), i.getString("unitNameZh"), i.getString("reachNameZh"), i.getString("checkpointNameZh"),
          i.getDouble("lat"), i.getDouble("lon"), i.getString("reporterName"), i.getString("reportedAt"),
          i.getString("closedAt"), i.getLong("teamsDeployed"));
    }
    return csv;
  }

  private void listGeoJson(RoutingContext ctx) {
    export(ctx).map(rows -> {
      JsonArray features = new JsonArray();
      for (Row r : rows) {
        JsonObject i = IncidentRepository.toJson(r, app::iso);
        features.add(GeoJson.feature(GeoJson.point(i.getDouble("lon"), i.getDouble("lat")),
            i.put("featureKind", "incident")));
      }
      return GeoJson.collection(features);
    }).onSuccess(json -> Respond.geoJson(ctx, json)).onFailure(ctx::fail);
  }
}
