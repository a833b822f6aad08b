package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.Map;
import org.floodready.db.Outcome;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.sheets.Xlsx;
import org.floodready.errors.ApiError;
import org.floodready.sheets.Csv;
import org.floodready.geo.GeoJson;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Hazard reports (隐患) and the hazard lists: paginated JSON, GeoJSON for maps, CSV for the ledger. */
final class HazardRoutes {
  private static final Map<String, String> SORTABLE = Map.of("id", "hz.id", "reportedAt", "hz.reported_at",
      "deadline", "hz.effective_deadline", "severity", "array_position(ARRAY['high','medium','low'], hz.severity)",
      "status", "hz.status", "updatedAt", "hz.updated_at");
  /** The map's hazards at most; the CSV and xlsx ledger hold every hazard of a province (20,000) and more. */
  private static final int MAP_LIMIT = 10_000;
  private static final int EXPORT_LIMIT = 100_000;

  private final AppContext app;
  private final HazardRepository hazards;
  private final RiverRepository rivers;
  private final HazardService service;

  HazardRoutes(AppContext app) {
    this.app = app;
    this.hazards = new HazardRepository(app.pool());
    this.rivers = new RiverRepository(app.pool());
    this.service = new HazardService(app);
  }

  void mount(Router api) {
    api.post("/hazards").handler(this::reportHazard);
    api.get("/hazards").handler(this::listHazards);
    api.get("/hazards.csv").handler(this::hazardsCsv);
    api.get("/hazards.xlsx").handler(this::hazardsXlsx);
    api.get("/hazards.geojson").handler(this::hazardsGeoJson);
    api.get("/hazards/:hazardId").handler(this::getHazard);
  }

  private void reportHazard(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.RIVER_CHIEF, Role.DUTY_OFFICER, Role.ADMIN);
    JsonObject body = JsonInput.object(ctx);
    HazardInput in = HazardValidation.report(body);
    if (user.is(Role.RIVER_CHIEF) && in.reachId() == null) {
      throw ApiError.invalid("reachId", "is required: a river chief reports hazards on his reaches");
    }
    Future<Long> unit = in.reachId() == null ? checkUnit(in.unitId()) : rivers.findReach(app.pool(), in.reachId())
        .map(found -> {
          Row reach = found.orElseThrow(() -> ApiError.invalid("reachId", "no reach " + in.reachId()));
          RiverAccess.requireReach(user, reach.getLong("chief_user_id"), "report a hazard on it");
          return reach.getLong("unit_id");
        });
    unit.compose(unitId -> Idempotency.run(ctx, app, body, tx -> hazards.insert(tx, in, unitId, user.id(), app.now())
            .compose(id -> hazards.event(tx, id, app.now(), user, "report", null, HazardWorkflow.REPORTED, null,
                    new JsonObject().put("severity", in.severity()).put("type", in.type()))
                .compose(v -> AuditLog.record(tx, app.now(), user, "hazard.report", "hazard", id,
                    new JsonObject().put("unitId", unitId).put("severity", in.severity())))
                .compose(v -> hazards.find(tx, id, new HazardClock(app.now(), new Long[0], 1)))
                .map(row -> HazardRepository.toJson(row.orElseThrow(), app::iso))
                .compose(json -> service.appendChanged(tx, json).map(new Outcome(201, json))))))
        .onFailure(ctx::fail);
  }

  private Future<Long> checkUnit(long unitId) {
    return rivers.exists(app.pool(), "units", unitId).map(ok -> {
      if (!ok) {
        throw ApiError.invalid("unitId", "no unit " + unitId);
      }
      return unitId;
    });
  }

  /** Filters of the hazard lists, for {@code hz} of {@link HazardRepository#view}. */
  private Where filter(RoutingContext ctx, CurrentUser user, Where where) {
    QueryParams q = new QueryParams(ctx);
    where.and("hz.unit_id = ?", q.id("unitId"))
        .and("hz.assigned_unit_id = ?", q.id("assignedUnitId"))
        .and("hz.reach_id = ?", q.id("reachId"))
        .and("hz.chief_user_id = ?", q.id("chiefId"))
        .and("hz.status = ?", q.oneOf("status", HazardWorkflow.STATUSES))
        .and("hz.severity = ?", q.oneOf("severity", HazardWorkflow.SEVERITIES))
        .and("hz.type = ?", q.oneOf("type", HazardWorkflow.TYPES))
        .and("hz.overdue = ?", q.bool("overdue"))
        .and("(hz.escalated_at IS NOT NULL) = ?", q.bool("escalated"))
        .and("hz.reported_at >= ?", q.time("from"))
        .and("hz.reported_at < ?", q.time("to"));
    Boolean open = q.bool("open");
    if (open != null) {
      where.and(open ? "hz.status <> 'closed'" : "hz.status = 'closed'");
    }
    return Visibility.hazards(where, user, "hz.chief_user_id", "hz.reported_by");
  }

  private void listHazards(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "-id");
    Future<JsonObject> result = service.clock().compose(clock -> {
      Where where = new Where();
      String view = HazardRepository.view(where, clock);
      return hazards.page(filter(ctx, user, where), view, page);
    }).map(rows -> page.result(rows, r -> HazardRepository.toJson(r, app::iso)));
    Respond.ok(ctx, result);
  }

  private Future<io.vertx.sqlclient.RowSet<Row>> export(RoutingContext ctx, CurrentUser user, int limit) {
    return service.clock().compose(clock -> {
      Where where = new Where();
      String view = HazardRepository.view(where, clock);
      return hazards.all(filter(ctx, user, where), view, limit);
    });
  }

  private void hazardsCsv(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    export(ctx, user, EXPORT_LIMIT).map(rows -> table(rows).toString())
        .onSuccess(csv -> Respond.csv(ctx, "hazards.csv", csv)).onFailure(ctx::fail);
  }

  private void hazardsXlsx(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    export(ctx, user, EXPORT_LIMIT).onSuccess(rows -> Xlsx.send(app, ctx, "hazards", "隐患台账", table(rows))).onFailure(ctx::fail);
  }

  private Csv table(Iterable<Row> rows) {
    Csv csv = new Csv().row("id", "status", "severity", "type", "unit", "reach", "description", "lat", "lon",
        "reporter", "reportedAt", "assignedUnit", "deadline", "effectiveDeadline", "overdue", "escalated", "closedAt");
    for (Row r : rows) {
      JsonObject h = HazardRepository.toJson(r, app::iso);
      csv.row(h.getLong("id"), h.getString("status"), h.getString("severity"), h.getString("type"),
          h.getString("unitNameZh"), h.getString("reachNameZh"), h.getString("description"), h.getDouble("lat"),
          h.getDouble("lon"), h.getString("reporterName"), h.getString("reportedAt"),
          h.getString("assignedUnitNameZh"), h.getString("deadline"), h.getString("effectiveDeadline"),
          h.getBoolean("overdue"), h.getBoolean("escalated"), h.getString("closedAt"));
    }
    return csv;
  }

  private void hazardsGeoJson(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    export(ctx, user, MAP_LIMIT).map(rows -> {
      JsonArray features = new JsonArray();
      for (Row r : rows) {
        JsonObject h = HazardRepository.toJson(r, app::iso).put("kind", "hazard");
        features.add(GeoJson.feature(GeoJson.point(h.getDouble("lon"), h.getDouble("lat")), h));
      }
      return GeoJson.collection(features);
    }).onSuccess(json -> Respond.geoJson(ctx, json)).onFailure(ctx::fail);
  }

  private void getHazard(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    long id = QueryParams.pathId(ctx, "hazardId");
    service.find(id).compose(r -> {
      if (!Visibility.seesHazard(user, r.getLong("chief_user_id"), r.getLong("reported_by"))) {
        throw ApiError.forbidden("This hazard is on another chief's reach");
      }
      JsonObject hazard = HazardRepository.toJson(r, app::iso);
      return hazards.events(id).compose(events -> hazards.photos(id).map(photos -> {
        JsonArray ev = new JsonArray();
        events.forEach(e -> ev.add(new JsonObject().put("id", e.getLong("id"))
            .put("at", app.iso(e.getOffsetDateTime("at"))).put("actorId", e.getLong("actor_id"))
            .put("actorName", e.getString("actor_name")).put("action", e.getString("action"))
            .put("fromStatus", e.getString("from_status")).put("toStatus", e.getString("to_status"))
            .put("reason", e.getString("reason")).put("details", e.getJsonObject("details"))));
        JsonArray ph = new JsonArray();
        photos.forEach(p -> ph.add(HazardPhotoRoutes.photoJson(p, id, app::iso)));
        return hazard.put("events", ev).put("photos", ph);
      }));
    }).onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }
}
