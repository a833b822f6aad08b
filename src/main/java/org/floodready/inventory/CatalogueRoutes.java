package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.units.UnitRepository;

/** The catalogue of items and the supply bases with their keepers: read by everyone, changed by admins. */
final class CatalogueRoutes {
  private static final Map<String, String> ITEM_SORT = Map.of("code", "i.code", "nameZh", "i.name_zh",
      "category", "i.category, i.code", "criticality", "i.criticality", "id", "i.id");
  private static final Map<String, String> BASE_SORT = Map.of("code", "b.code", "nameZh", "b.name_zh",
      "unitId", "b.unit_id, b.code", "id", "b.id");

  private final AppContext app;
  private final ItemRepository items;
  private final BaseRepository bases;
  private final UnitRepository units;

  CatalogueRoutes(AppContext app) {
    this.app = app;
    this.items = new ItemRepository(app.pool());
    this.bases = new BaseRepository(app.pool());
    this.units = new UnitRepository(app.pool());
  }

  void mount(Router api) {
    api.get("/items").handler(this::listItems);
    api.post("/items").handler(this::createItem);
    api.get("/items/:itemId").handler(this::getItem);
    api.put("/items/:itemId").handler(this::updateItem);
    api.get("/bases").handler(this::listBases);
    api.post("/bases").handler(this::createBase);
    api.get("/bases/:baseId").handler(this::getBase);
    api.put("/bases/:baseId").handler(this::updateBase);
    api.put("/bases/:baseId/keepers").handler(this::setKeepers);
  }

  private void listItems(RoutingContext ctx) {
    CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), ITEM_SORT, "code");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("i.category = ?", q.oneOf("category", Item.CATEGORIES))
        .and("i.needs_test_run = ?", q.bool("needsTestRun"));
    String text = q.text("q");
    Future<Long[]> byPinyin = PinyinMatch.isPinyinQuery(text) ? items.idsByPinyin(text)
        : Future.succeededFuture(new Long[0]);
    byPinyin.compose(ids -> {
      if (text != null) {
        String like = where.bind("%" + text + "%");
        where.and("(i.code ILIKE " + like + " OR i.name_zh ILIKE " + like + " OR i.name_en ILIKE " + like
            + " OR i.id = ANY(" + where.bind(ids) + "::bigint[]))");
      }
      return items.page(where, page);
    }).onSuccess(rows -> Respond.ok(ctx, page.result(rows, r -> Item.from(r).toJson())))
        .onFailure(ctx::fail);
  }

  private void getItem(RoutingContext ctx) {
    CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "itemId");
    Respond.ok(ctx, items.find(id).map(item -> item.orElseThrow(() -> ApiError.notFound("Item", id)).toJson()));
  }

  private void createItem(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    InventoryValidation.ItemInput in = InventoryValidation.item(JsonInput.object(ctx));
    Future<Optional<Item>> created = app.pool().withTransaction(tx -> items.insert(tx, in)
            .compose(id -> AuditLog.record(tx, app.now(), admin, "item.create", "item", id,
                new JsonObject().put("code", in.code())).map(id)))
        .compose(items::find);
    Respond.created(ctx, created.map(item -> item.orElseThrow().toJson()));
  }

  private void updateItem(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "itemId");
    InventoryValidation.ItemInput in = InventoryValidation.item(JsonInput.object(ctx));
    Future<Optional<Item>> updated = app.pool().withTransaction(tx -> items.update(tx, id, in).compose(found -> {
          if (!found) {
            throw ApiError.notFound("Item", id);
          }
          return AuditLog.record(tx, app.now(), admin, "item.update", "item", id,
              new JsonObject().put("code", in.code()));
        }))
        .compose(v -> items.find(id));
    Respond.ok(ctx, updated.map(item -> item.orElseThrow().toJson()));
  }

  private void listBases(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), BASE_SORT, "code");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where().and(InventorySql.BASE_IN_UNIT, q.id("unitId"));
    if (Boolean.TRUE.equals(q.bool("mine"))) {
      where.and("b.id IN " + Visibility.keptBases(where, user.id()));
    }
    where.matching(q.text("q"), "b.code", "b.name_zh", "b.name_en");
    bases.page(where, page).onSuccess(rows -> Respond.ok(ctx, page.result(rows, r -> Base.from(r).toJson())))
        .onFailure(ctx::fail);
  }

  private void getBase(RoutingContext ctx) {
    CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "baseId");
    respondWithBase(ctx, id, 200);
  }

  private void createBase(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    InventoryValidation.BaseInput in = InventoryValidation.base(JsonInput.object(ctx));
    requireUnit(in.unitId())
        .compose(v -> app.pool().withTransaction(tx -> bases.insert(tx, in)
            .compose(id -> AuditLog.record(tx, app.now(), admin, "base.create", "base", id,
                new JsonObject().put("code", in.code())).map(id))))
        .onSuccess(id -> respondWithBase(ctx, id, 201))
        .onFailure(ctx::fail);
  }

  private void updateBase(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "baseId");
    InventoryValidation.BaseInput in = InventoryValidation.base(JsonInput.object(ctx));
    requireUnit(in.unitId())
        .compose(v -> app.pool().withTransaction(tx -> bases.update(tx, id, in).compose(found -> {
          if (!found) {
            throw ApiError.notFound("Base", id);
          }
          return AuditLog.record(tx, app.now(), admin, "base.update", "base", id,
              new JsonObject().put("code", in.code()));
        })))
        .onSuccess(v -> respondWithBase(ctx, id, 200))
        .onFailure(ctx::fail);
  }

  private void setKeepers(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "baseId");
    List<Long> userIds = InventoryValidation.keepers(JsonInput.object(ctx));
    bases.find(id)
        .compose(base -> {
          base.orElseThrow(() -> ApiError.notFound("Base", id));
          return bases.notKeepers(userIds);
        })
        .compose(wrong -> {
          if (!wrong.isEmpty()) {
            throw ApiError.invalid("userIds", "not active base keepers: " + wrong);
          }
          return app.pool().withTransaction(tx -> bases.replaceKeepers(tx, id, userIds)
              .compose(v -> AuditLog.record(tx, app.now(), admin, "base.keepers", "base", id,
                  new JsonObject().put("userIds", new JsonArray(userIds)))));
        })
        .onSuccess(v -> respondWithBase(ctx, id, 200))
        .onFailure(ctx::fail);
  }

  private Future<Void> requireUnit(long unitId) {
    return units.find(unitId).map(u -> {
      if (u.isEmpty()) {
        throw ApiError.invalid("unitId", "no unit " + unitId);
      }
      return null;
    });
  }

  private void respondWithBase(RoutingContext ctx, long id, int status) {
    bases.find(id)
        .compose(base -> {
          Base b = base.orElseThrow(() -> ApiError.notFound("Base", id));
          return bases.keepers(id).map(keepers -> b.toJson().put("keepers", keepers));
        })
        .onSuccess(json -> Respond.json(ctx, status, json))
        .onFailure(ctx::fail);
  }
}
