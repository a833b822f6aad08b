package org.floodready.inspections;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.List;
import org.floodready.db.Outcome;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.events.EventType;
import org.floodready.events.Outbox;
import org.floodready.errors.ApiError;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.patrols.PhotoCheck;

/** Inspection rounds (汛前检查 / 督导检查) under {@code /api}: checklists, sites, rounds, answers, photos. */
public final class InspectionRoutes {
  private static final int LIST_LIMIT = 200;
  private static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;

  private final AppContext app;
  private final InspectionSites sites;
  private final InspectionService service;

  public InspectionRoutes(AppContext app) {
    this.app = app;
    this.sites = new InspectionSites(app.pool());
    this.service = new InspectionService(app);
  }

  public void mount(Router api) {
    api.get("/inspection-checklists/:siteKind").handler(this::getChecklist);
    api.put("/inspection-checklists/:siteKind").handler(this::putChecklist);
    api.get("/inspection-sites").handler(this::listSites);
    api.get("/inspection-rounds").handler(this::listRounds);
    api.post("/inspection-rounds").handler(this::openRound);
    api.get("/inspection-rounds/:roundId").handler(this::getRound);
    api.put("/inspection-rounds/:roundId/items/:position").handler(this::answerItem);
    api.post("/inspection-rounds/:roundId/items/:position/photo").handler(this::uploadPhoto);
    api.get("/inspection-rounds/:roundId/items/:position/photo").handler(this::getPhoto);
    api.post("/inspection-rounds/:roundId/close").handler(this::closeRound);
  }

  private void getChecklist(RoutingContext ctx) {
    InspectionScope.reader(CurrentUser.of(ctx));
    String kind = InspectionInput.kind(ctx.pathParam("siteKind"));
    Respond.ok(ctx, InspectionRepository.checklist(app.pool(), kind).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(r -> items.add(new JsonObject().put("position", r.getInteger("position"))
          .put("textZh", r.getString("text_zh")).put("textEn", r.getString("text_en"))));
      return new JsonObject().put("siteKind", kind).put("items", items);
    }));
  }

  private void putChecklist(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN);
    JsonObject body = JsonInput.object(ctx);
    String kind = InspectionInput.kind(ctx.pathParam("siteKind"));
    List<InspectionInput.Item> items = InspectionInput.checklist(body);
    app.pool().withTransaction(tx -> InspectionRepository.replaceChecklist(tx, kind, items)
            .compose(v -> AuditLog.record(tx, app.now(), user, "inspection.checklist", "inspection_checklist", kind,
                new JsonObject().put("items", items.size()))))
        .onSuccess(v -> getChecklist(ctx))
        .onFailure(ctx::fail);
  }

  private void listSites(RoutingContext ctx) {
    CurrentUser user = InspectionScope.reader(CurrentUser.of(ctx));
    String kind = new QueryParams(ctx).oneOf("siteKind", Site.KINDS);
    if (kind == null) {
      throw ApiError.invalid("siteKind", "is required: one of " + String.join(", ", Site.KINDS));
    }
    Respond.ok(ctx, sites.inspectable(user, kind).map(items -> new JsonObject().put("items", items)));
  }

  private void listRounds(RoutingContext ctx) {
    CurrentUser user = InspectionScope.reader(CurrentUser.of(ctx));
    QueryParams q = new QueryParams(ctx);
    Where where = new Where().and("r.site_kind = ?", q.oneOf("siteKind", Site.KINDS))
        .and("r.site_id = ?", q.id("siteId"))
        .and("r.status = ?", q.oneOf("status", List.of("open", "closed")));
    Respond.ok(ctx, InspectionRepository.list(app.pool(), InspectionScope.scope(where, user), LIST_LIMIT)
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(InspectionRepository.toJson(r, app::iso)));
          return new JsonObject().put("items", items);
        }));
  }

  private void getRound(RoutingContext ctx) {
    CurrentUser user = InspectionScope.reader(CurrentUser.of(ctx));
    long id = QueryParams.pathId(ctx, "roundId");
    Respond.ok(ctx, visible(user, id).compose(v -> service.read(app.pool(), id)));
  }

  /** 404 for an unknown round, 403 for one at a site the user does not see. */
  private Future<Void> visible(CurrentUser user, long id) {
    Where where = InspectionScope.scope(new Where().and("r.id = ?", id), user);
    return InspectionRepository.list(app.pool(), where, 1).compose(rows -> rows.size() == 1
        ? Future.succeededFuture()
        : InspectionRepository.round(app.pool(), id).map(found -> {
          found.orElseThrow(() -> ApiError.notFound("Inspection round", id));
          throw ApiError.forbidden("This round is at a site you do not see");
        }));
  }

  private void openRound(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER, Role.INSPECTOR, Role.RIVER_CHIEF);
    JsonObject body = JsonInput.object(ctx);
    InspectionInput.Open in = InspectionInput.open(body);
    Idempotency.requireKey(ctx);
    sites.requireInspectable(user, in.siteKind(), in.siteId()).compose(site -> {
      Double lat = in.lat() != null ? in.lat() : site.lat();
      Double lon = in.lon() != null ? in.lon() : site.lon();
      if (lat == null || lon == null) {
        throw ApiError.invalid("lat", "is required: " + site.nameZh() + " has no coordinates; send the phone's position");
      }
      return Idempotency.run(ctx, app, body, tx -> InspectionRepository.open(tx, site, lat, lon, in.note(), user.id(),
              app.now())
          .compose(id -> AuditLog.record(tx, app.now(), user, "inspection.open", "inspection_round", id,
                  new JsonObject().put("siteKind", site.kind()).put("siteId", site.id()))
              .compose(v -> service.read(tx, id)))
          .map(json -> new Outcome(201, json)));
    }).onFailure(ctx::fail);
  }

  /** Locks an open round the user may change, for an answer or a photo. */
  private static Future<Row> openForWrite(io.vertx.sqlclient.SqlClient tx, long id, CurrentUser user) {
    return InspectionRepository.lock(tx, id).map(found -> {
      Row round = found.orElseThrow(() -> ApiError.notFound("Inspection round", id));
      InspectionScope.requireWriter(user, round.getLong("opened_by"));
      if (!"open".equals(round.getString("status"))) {
        throw ApiError.conflict("round_closed", "Inspection round " + id + " is closed; open a new round");
      }
      return round;
    });
  }

  private void answerItem(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "roundId");
    int position = (int) Math.min(QueryParams.pathId(ctx, "position"), Integer.MAX_VALUE);
    InspectionInput.Answer answer = InspectionInput.answer(JsonInput.object(ctx));
    app.pool().withTransaction(tx -> openForWrite(tx, id, user)
            .compose(round -> InspectionRepository.answer(tx, id, position, answer, user.id(), app.now()))
            .compose(ok -> {
              if (!ok) {
                throw ApiError.notFound("Checklist item", position);
              }
              return service.read(tx, id);
            }))
        .onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void uploadPhoto(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "roundId");
    int position = (int) Math.min(QueryParams.pathId(ctx, "position"), Integer.MAX_VALUE);
    Buffer data = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    String type = PhotoCheck.check(ctx.request().getHeader("Content-Type"), data.getBytes(), PHOTO_MAX_BYTES);
    app.pool().withTransaction(tx -> openForWrite(tx, id, user)
            .compose(round -> InspectionRepository.photo(tx, id, position, type, data))
            .compose(ok -> {
              if (!ok) {
                throw ApiError.notFound("Checklist item", position);
              }
              return AuditLog.record(tx, app.now(), user, "inspection.photo", "inspection_round", id,
                  new JsonObject().put("position", position).put("bytes", data.length()));
            }))
        .onSuccess(v -> Respond.created(ctx, new JsonObject().put("roundId", id).put("position", position)
            .put("contentType", type).put("sizeBytes", data.length())
            .put("url", InspectionRepository.photoUrl(id, position))))
        .onFailure(ctx::fail);
  }

  private void getPhoto(RoutingContext ctx) {
    CurrentUser user = InspectionScope.reader(CurrentUser.of(ctx));
    long id = QueryParams.pathId(ctx, "roundId");
    int position = (int) Math.min(QueryParams.pathId(ctx, "position"), Integer.MAX_VALUE);
    visible(user, id).compose(v -> InspectionRepository.photo(app.pool(), id, position))
        .map(found -> found.orElseThrow(() -> ApiError.notFound("Photo of item", position)))
        .onSuccess(p -> ctx.response().putHeader("Content-Type", p.getString("photo_content_type"))
            .putHeader("Cache-Control", "private, max-age=3600").putHeader("X-Content-Type-Options", "nosniff")
            .end(p.getBuffer("photo")))
        .onFailure(ctx::fail);
  }

  private void closeRound(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "roundId");
    JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    Integer days = InspectionInput.deadlineDays(body);
    Idempotency.run(ctx, app, body, tx -> service.close(tx, id, days, user)
            .compose(hazardIds -> service.read(tx, id).map(json -> json.put("hazardIds", new JsonArray(hazardIds))))
            .compose(json -> app.events().appendAll(tx, hazardsFound(json)).map(json))
            .map(json -> new Outcome(200, json)))
        .onFailure(ctx::fail);
  }

  /** The hazards a closed round opened for its failed items, assigned at once. */
  private static List<Outbox.Event> hazardsFound(JsonObject round) {
    return round.getJsonArray("hazardIds").stream().map(hazardId -> new Outbox.Event(EventType.HAZARD_CHANGED,
        new JsonObject().put("unitId", round.getLong("unitId")).put("hazardId", hazardId).put("status", "assigned")
            .put("overdue", false))).toList();
  }
}
