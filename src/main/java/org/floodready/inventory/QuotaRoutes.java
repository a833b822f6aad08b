package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlClient;
import java.util.Map;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Reserve quotas (admins) and the district's emergency response level (duty room). */
final class QuotaRoutes {
  private static final Map<String, String> SORT = Map.of("id", "q.id", "baseId", "q.base_id, i.code",
      "itemCode", "i.code, q.base_id");

  private final AppContext app;
  private final BaseAccess access;
  private final QuotaRepository quotas;
  private final ItemRepository items;
  private final ResponseLevelRepository levels;

  QuotaRoutes(AppContext app, BaseAccess access) {
    this.app = app;
    this.access = access;
    this.quotas = new QuotaRepository(app.pool());
    this.items = new ItemRepository(app.pool());
    this.levels = new ResponseLevelRepository(app.pool());
  }

  void mount(Router api) {
    api.get("/quotas").handler(this::listQuotas);
    api.put("/bases/:baseId/quotas/:itemId").handler(this::putQuota);
    api.delete("/bases/:baseId/quotas/:itemId").handler(this::deleteQuota);
    api.get("/settings/response-level").handler(this::getResponseLevel);
    api.put("/settings/response-level").handler(this::putResponseLevel);
  }

  private void listQuotas(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORT, "baseId");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("q.base_id = ?", q.id("baseId"))
        .and("q.item_id = ?", q.id("itemId"))
        .and("i.category = ?", q.oneOf("category", Item.CATEGORIES))
        .and(InventorySql.BASE_IN_UNIT, q.id("unitId"));
    Visibility.bases(where, user, "q.base_id");
    levels.current()
        .compose(level -> quotas.page(where, page, level).map(rows -> page.result(rows,
            r -> QuotaRepository.toJson(r, app::iso))).map(json -> json.put("responseLevel", level.code())))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void putQuota(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long baseId = QueryParams.pathId(ctx, "baseId");
    long itemId = QueryParams.pathId(ctx, "itemId");
    InventoryValidation.QuotaInput in = InventoryValidation.quota(JsonInput.object(ctx));
    access.requireBase(baseId)
        .compose(base -> items.find(itemId).map(item -> {
          item.orElseThrow(() -> ApiError.notFound("Item", itemId));
          return base;
        }))
        .compose(base -> app.pool().withTransaction(tx -> QuotaRepository.upsert(tx, baseId, itemId, in, app.now(),
                admin.id())
            .compose(created -> AuditLog.record(tx, app.now(), admin, created ? "quota.create" : "quota.update",
                "quota", baseId + "/" + itemId, new JsonObject().put("required", Quantities.json(in.required())))
                .compose(v -> quotaChanged(tx, base, itemId))
                .map(created))))
        .compose(created -> levels.current().compose(level -> quotas.page(
                new Where().and("q.base_id = ?", baseId).and("q.item_id = ?", itemId),
                new PageRequest(1, 1, "q.id", "id"), level))
            .map(rows -> new Object[] {created, QuotaRepository.toJson(rows.iterator().next(), app::iso)}))
        .onSuccess(result -> Respond.json(ctx, (Boolean) result[0] ? 201 : 200, result[1]))
        .onFailure(ctx::fail);
  }

  private void deleteQuota(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long baseId = QueryParams.pathId(ctx, "baseId");
    long itemId = QueryParams.pathId(ctx, "itemId");
    access.requireBase(baseId)
        .compose(base -> app.pool().withTransaction(tx -> QuotaRepository.delete(tx, baseId, itemId)
                .compose(found -> {
                  if (!found) {
                    throw ApiError.notFound("Quota for item " + itemId + " at base", baseId);
                  }
                  return AuditLog.record(tx, app.now(), admin, "quota.delete", "quota", baseId + "/" + itemId, null);
                })
                .compose(v -> quotaChanged(tx, base, itemId))))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<Void> quotaChanged(SqlClient tx, Base base, long itemId) {
    return app.events().append(tx, EventType.QUOTA_CHANGED, new JsonObject().put("unitId", base.unitId())
        .put("baseId", base.id()).put("itemId", itemId));
  }

  private void getResponseLevel(RoutingContext ctx) {
    CurrentUser.of(ctx);
    levels.describe(app::iso).onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void putResponseLevel(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.DUTY_OFFICER, Role.ADMIN);
    ResponseLevel level = InventoryValidation.level(JsonInput.object(ctx));
    String reason = InventoryValidation.levelReason(JsonInput.object(ctx));
    levels.current()
        .compose(previous -> app.pool().withTransaction(tx -> ResponseLevelRepository.set(tx, level, app.now(),
                user.id())
            .compose(v -> AuditLog.record(tx, app.now(), user, "response_level.change", "setting",
                ResponseLevelRepository.KEY, new JsonObject().put("from", previous.code()).put("to", level.code())
                    .put("reason", reason)))
            .compose(v -> app.events().append(tx, EventType.RESPONSE_LEVEL_CHANGED, new JsonObject().putNull("unitId")
                .put("level", level.code()).put("previous", previous.code())))))
        .compose(v -> levels.describe(app::iso))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }
}
