package org.floodready.inventory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.db.Rows;
import org.floodready.errors.ApiError;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.patrols.PhotoCheck;

/**
 * The delivery note's photo (送货单照片) of a receipt, sent as the raw body like a hazard photo. A second upload
 * replaces the first, so a retried upload does no harm.
 */
final class MovementPhotoRoutes {
  private static final int MAX_BYTES = 5 * 1024 * 1024;

  private final AppContext app;
  private final BaseAccess access;

  MovementPhotoRoutes(AppContext app, BaseAccess access) {
    this.app = app;
    this.access = access;
  }

  void mount(Router api) {
    api.post("/movements/:movementId/photo").handler(this::upload);
    api.get("/movements/:movementId/photo").handler(this::serve);
  }

  static String url(long movementId) {
    return "/api/movements/" + movementId + "/photo";
  }

  private io.vertx.core.Future<Row> movement(long id) {
    return app.pool().preparedQuery("SELECT id, base_id, kind FROM stock_movements WHERE id = $1")
        .execute(Tuple.of(id)).map(Rows::first)
        .map(found -> found.orElseThrow(() -> ApiError.notFound("Movement", id)));
  }

  private void upload(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "movementId");
    Buffer data = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    String type = PhotoCheck.check(ctx.request().getHeader("Content-Type"), data.getBytes(), MAX_BYTES);
    movement(id).compose(m -> access.requireKeeper(user, m.getLong("base_id")).map(base -> m))
        .map(m -> {
          if (!"receipt".equals(m.getString("kind"))) {
            throw ApiError.conflict("not_a_receipt", "Movement " + id + " is a " + m.getString("kind")
                + "; only a receipt has a delivery note");
          }
          return m;
        })
        .compose(m -> app.pool().withTransaction(tx -> tx.preparedQuery("""
                INSERT INTO movement_photos (movement_id, content_type, size_bytes, data, uploaded_by, uploaded_at)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (movement_id) DO UPDATE SET content_type = $2,
                  size_bytes = $3, data = $4, uploaded_by = $5, uploaded_at = $6""")
            .execute(Tuple.of(id, type, data.length(), data, user.id(), app.now()))
            .compose(v -> AuditLog.record(tx, app.now(), user, "movement.photo", "movement", id,
                new JsonObject().put("bytes", data.length()).put("contentType", type)))))
        .onSuccess(v -> Respond.created(ctx, new JsonObject().put("movementId", id).put("contentType", type)
            .put("sizeBytes", data.length()).put("url", url(id))))
        .onFailure(ctx::fail);
  }

  private void serve(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "movementId");
    movement(id).compose(m -> access.requireRead(user, m.getLong("base_id")))
        .compose(base -> app.pool().preparedQuery("SELECT content_type, data FROM movement_photos WHERE movement_id = $1")
            .execute(Tuple.of(id)).map(Rows::first))
        .map(found -> found.orElseThrow(() -> ApiError.notFound("Photo of movement", id)))
        .onSuccess(p -> ctx.response().putHeader("Content-Type", p.getString("content_type"))
            .putHeader("Cache-Control", "private, max-age=3600").putHeader("X-Content-Type-Options", "nosniff")
            .end(p.getBuffer("data")))
        .onFailure(ctx::fail);
  }
}
