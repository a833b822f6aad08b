package org.floodready.patrols;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/**
 * Photos of a hazard, sent as the raw request body (image/jpeg, image/png or image/webp) and kept
 * in PostgreSQL: {@code report} photos show the hazard, {@code evidence} photos its rectification.
 */
final class HazardPhotoRoutes {
  private static final List<String> KINDS = List.of("report", "evidence");

  private final AppContext app;
  private final HazardRepository hazards;
  private final HazardService service;

  HazardPhotoRoutes(AppContext app) {
    this.app = app;
    this.hazards = new HazardRepository(app.pool());
    this.service = new HazardService(app);
  }

  void mount(Router api) {
    api.post("/hazards/:hazardId/photos").handler(this::uploadPhoto);
    api.get("/hazards/:hazardId/photos/:photoId").handler(this::getPhoto);
  }

  private void uploadPhoto(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    long id = QueryParams.pathId(ctx, "hazardId");
    String kind = new QueryParams(ctx).oneOf("kind", KINDS);
    String photoKind = kind == null ? "report" : kind;
    Buffer data = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    RulesStore.load(app.pool()).compose(rules -> {
      String type = PhotoCheck.check(ctx.request().getHeader("Content-Type"), data.getBytes(), rules.photoMaxBytes());
      return app.pool().withTransaction(tx -> hazards.lock(tx, id).compose(found -> {
        Row row = found.orElseThrow(() -> ApiError.notFound("Hazard", id));
        if (row.getLong("reported_by") != user.id()) {
          RiverAccess.requireReach(user, row.getLong("chief_user_id"), "add photos to this hazard");
        }
        if (HazardWorkflow.CLOSED.equals(row.getString("status"))) {
          throw ApiError.conflict("hazard_closed", "Hazard " + id + " is closed; reopen it first");
        }
        return hazards.insertPhoto(tx, id, photoKind, type, data, user.id(), app.now())
            .compose(photoId -> hazards.event(tx, id, app.now(), user, "photo", null, null, null,
                    new JsonObject().put("photoId", photoId).put("kind", photoKind))
                .compose(v -> AuditLog.record(tx, app.now(), user, "hazard.photo", "hazard", id,
                    new JsonObject().put("photoId", photoId).put("kind", photoKind).put("bytes", data.length())))
                .map(v -> new JsonObject().put("id", photoId).put("kind", photoKind).put("contentType", type)
                    .put("sizeBytes", data.length()).put("uploadedBy", user.id())
                    .put("uploadedAt", app.iso(app.now())).put("url", url(id, photoId))));
      }));
    }).onSuccess(json -> Respond.created(ctx, json)).onFailure(ctx::fail);
  }

  private void getPhoto(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    long id = QueryParams.pathId(ctx, "hazardId");
    long photoId = QueryParams.pathId(ctx, "photoId");
    service.find(id).compose(h -> {
      if (!Visibility.seesHazard(user, h.getLong("chief_user_id"), h.getLong("reported_by"))) {
        throw ApiError.forbidden("This hazard is on another chief's reach");
      }
      return hazards.photo(id, photoId);
    }).map(found -> found.orElseThrow(() -> ApiError.notFound("Photo", photoId)))
        .onSuccess(p -> Respond.photo(ctx, p.getString("content_type"), p.getBuffer("data")))
        .onFailure(ctx::fail);
  }

  static String url(long hazardId, long photoId) {
    return "/api/hazards/" + hazardId + "/photos/" + photoId;
  }

  static JsonObject photoJson(Row p, long hazardId, Function<OffsetDateTime, String> iso) {
    long photoId = p.getLong("id");
    return new JsonObject().put("id", photoId).put("kind", p.getString("kind"))
        .put("contentType", p.getString("content_type")).put("sizeBytes", p.getInteger("size_bytes"))
        .put("uploadedBy", p.getLong("uploaded_by")).put("uploadedAt", iso.apply(p.getOffsetDateTime("uploaded_at")))
        .put("url", url(hazardId, photoId));
  }
}
