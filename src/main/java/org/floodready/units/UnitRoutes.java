package org.floodready.units;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.PageRequest;
import org.floodready.db.Where;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.web.JsonInput;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** The organisation tree: read by every user, changed by admins. */
public final class UnitRoutes {
  /** Sort keys; {@code level} sorts from the city down (V24's units_level_order_idx follows this expression). */
  private static final Map<String, String> SORTABLE = Map.of(
      "id", "u.id",
      "code", "u.code, u.id",
      "nameZh", "u.name_zh, u.id",
      "level", "array_position(ARRAY['city', 'district', 'street', 'community'], u.level), u.code, u.id");

  private final AppContext app;
  private final UnitRepository units;

  public UnitRoutes(AppContext app) {
    this.app = app;
    this.units = new UnitRepository(app.pool());
  }

  public void mount(Router api) {
    api.get("/units").handler(this::listUnits);
    api.get("/units/:unitId").handler(this::getUnit);
    api.post("/admin/units").handler(this::createUnit);
  }

  /**
   * A page of units (a province has 50,000), filtered by level, parent and a search in names and code;
   * {@code tree=true} answers the whole tree nested, unpaged, for a small deployment's tools.
   */
  private void listUnits(RoutingContext ctx) {
    CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    String level = q.oneOf("level", Unit.LEVELS);
    Long parentId = q.id("parentId");
    boolean roots = Boolean.TRUE.equals(q.bool("roots"));
    if (Boolean.TRUE.equals(q.bool("tree"))) {
      units.list(new Where().and("level = ?", level).and("parent_id = ?", parentId))
          .onSuccess(list -> Respond.ok(ctx, new JsonObject().put("items", toTree(list))))
          .onFailure(ctx::fail);
      return;
    }
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "id");
    String search = q.text("q");
    Where where = new Where()
        .and("u.level = ?", level)
        .and("u.parent_id = ?", parentId)
        .and("u.search_text LIKE ?", search == null ? null : "%" + search.toLowerCase(Locale.ROOT) + "%");
    if (roots) {
      where.and("u.parent_id IS NULL");
    }
    units.page(where, page)
        .onSuccess(rows -> Respond.ok(ctx, page.result(rows,
            r -> Unit.from(r).toJson().put("parentNameZh", r.getString("parent_name_zh")))))
        .onFailure(ctx::fail);
  }

  private void getUnit(RoutingContext ctx) {
    CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "unitId");
    Respond.ok(ctx, units.find(id).map(unit -> unit.orElseThrow(() -> ApiError.notFound("Unit", id)).toJson()));
  }

  private void createUnit(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    UnitInput in = UnitInput.of(JsonInput.object(ctx));
    String code = in.code();
    String nameZh = in.nameZh();
    String nameEn = in.nameEn();
    Long parentId = in.parentId();
    units.find(parentId)
        .compose(parent -> {
          Unit p = parent.orElseThrow(() -> ApiError.invalid("parentId", "no unit " + parentId));
          String level = UnitInput.childLevel(p.level());
          if (level == null) {
            throw ApiError.invalid("parentId", "a community cannot have sub-units");
          }
          return app.pool().withTransaction(tx -> units.insert(tx, code, nameZh, nameEn, level, parentId)
              .compose(id -> AuditLog.record(tx, app.now(), admin, "unit.create", "unit", id,
                  new JsonObject().put("code", code).put("nameZh", nameZh)).map(id))
              .compose(id -> app.events().append(tx, EventType.UNIT_CREATED,
                  new JsonObject().put("unitId", id).put("parentId", parentId)).map(id)))
              .map(id -> new Unit(id, code, nameZh, nameEn, level, parentId));
        })
        .onSuccess(unit -> Respond.created(ctx, unit.toJson()))
        .onFailure(ctx::fail);
  }

  private static JsonArray toTree(List<Unit> list) {
    Map<Long, JsonObject> byId = new HashMap<>();
    JsonArray roots = new JsonArray();
    for (Unit u : list) {
      byId.put(u.id(), u.toJson().put("children", new JsonArray()));
    }
    for (Unit u : list) {
      JsonObject node = byId.get(u.id());
      JsonObject parent = u.parentId() == null ? null : byId.get(u.parentId());
      if (parent == null) {
        roots.add(node);
      } else {
        parent.getJsonArray("children").add(node);
      }
    }
    return roots;
  }

}
