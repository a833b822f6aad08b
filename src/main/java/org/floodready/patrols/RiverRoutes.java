package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.Map;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.geo.Geo;
import org.floodready.geo.GeoJson;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Rivers, reaches and the patrol rules: read by the river-chief domain's users, changed by admins. */
final class RiverRoutes {
  private static final Map<String, String> SORTABLE = Map.of("id", "r.id", "code", "r.code", "nameZh", "r.name_zh",
      "unitId", "r.unit_id", "chiefLevel", "r.chief_level");

  private final AppContext app;
  private final RiverRepository rivers;

  RiverRoutes(AppContext app) {
    this.app = app;
    this.rivers = new RiverRepository(app.pool());
  }

  void mount(Router api) {
    api.get("/rivers").handler(this::listRivers);
    api.post("/rivers").handler(this::createRiver);
    api.get("/reaches").handler(this::listReaches);
    api.get("/reaches.geojson").handler(this::reachesGeoJson);
    api.post("/reaches").handler(this::createReach);
    api.get("/reaches/:reachId").handler(this::getReach);
    api.patch("/reaches/:reachId").handler(this::changeReach);
    api.get("/patrol-rules").handler(this::getRules);
    api.put("/admin/patrol-rules").handler(this::putRules);
  }

  private void listRivers(RoutingContext ctx) {
    RiverAccess.reader(ctx);
    rivers.rivers().onSuccess(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject().put("id", r.getLong("id")).put("code", r.getString("code"))
            .put("nameZh", r.getString("name_zh")).put("nameEn", r.getString("name_en"))
            .put("reaches", r.getLong("reaches")).put("lengthM", Math.round(r.getDouble("length_m")))
            .put("createdAt", app.iso(r.getOffsetDateTime("created_at"))));
      }
      Respond.ok(ctx, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  private void createRiver(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    RiverValidation.RiverInput in = RiverValidation.river(JsonInput.object(ctx));
    app.pool().withTransaction(tx -> rivers.insertRiver(tx, in)
            .compose(id -> AuditLog.record(tx, app.now(), admin, "river.create", "river", id,
                new JsonObject().put("code", in.code()).put("nameZh", in.nameZh())).map(id)))
        .onSuccess(id -> Respond.created(ctx, new JsonObject().put("id", id).put("code", in.code())
            .put("nameZh", in.nameZh()).put("nameEn", in.nameEn())))
        .onFailure(ctx::fail);
  }

  private Where reachFilter(RoutingContext ctx, CurrentUser user) {
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("r.unit_id = ?", q.id("unitId"))
        .and("r.river_id = ?", q.id("riverId"))
        .and("r.chief_user_id = ?", q.id("chiefId"))
        .and("r.chief_level = ?", q.oneOf("chiefLevel", ChiefLevel.codes()));
    Visibility.reaches(where, user, "r.chief_user_id");
    where.matching(q.text("q"), "r.name_zh", "r.name_en", "r.code");
    return where;
  }

  private void listReaches(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "code");
    Respond.ok(ctx, rivers.reaches(reachFilter(ctx, user), page)
        .map(rows -> page.result(rows, r -> RiverRepository.reachJson(r, app::iso))));
  }

  private void reachesGeoJson(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    rivers.allReaches(app.pool(), reachFilter(ctx, user)).onSuccess(rows -> {
      JsonArray features = new JsonArray();
      for (Row r : rows) {
        JsonObject props = RiverRepository.reachJson(r, app::iso);
        JsonObject geometry = (JsonObject) props.remove("geometry");
        features.add(GeoJson.feature(geometry, props.put("kind", "reach")));
      }
      Respond.geoJson(ctx, GeoJson.collection(features));
    }).onFailure(ctx::fail);
  }

  private void getReach(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    long id = QueryParams.pathId(ctx, "reachId");
    Respond.ok(ctx, rivers.findReach(app.pool(), id).map(found -> {
      Row r = found.orElseThrow(() -> ApiError.notFound("Reach", id));
      if (!Visibility.seesReach(user, r.getLong("chief_user_id"))) {
        throw ApiError.forbidden("This reach belongs to another chief");
      }
      return RiverRepository.reachJson(r, app::iso);
    }));
  }

  private void createReach(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    RiverValidation.ReachInput in = RiverValidation.newReach(JsonInput.object(ctx));
    double length = Geo.lengthM(in.line());
    app.pool().withTransaction(tx -> checkReferences(tx, in)
            .compose(v -> rivers.insertReach(tx, in, length, app.now()))
            .compose(id -> AuditLog.record(tx, app.now(), admin, "reach.create", "reach", id,
                new JsonObject().put("code", in.code()).put("chiefUserId", in.chiefUserId())).map(id)))
        .compose(id -> rivers.findReach(app.pool(), id))
        .onSuccess(r -> Respond.created(ctx, RiverRepository.reachJson(r.orElseThrow(), app::iso)))
        .onFailure(ctx::fail);
  }

  private void changeReach(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "reachId");
    JsonObject body = JsonInput.object(ctx);
    RiverValidation.ReachInput in = RiverValidation.reachChange(body);
    Double length = in.line() == null ? null : Geo.lengthM(in.line());
    app.pool().withTransaction(tx -> rivers.findReach(tx, id)
            .compose(found -> {
              found.orElseThrow(() -> ApiError.notFound("Reach", id));
              return checkReferences(tx, in);
            })
            .compose(v -> rivers.updateReach(tx, id, in, length))
            .compose(v -> AuditLog.record(tx, app.now(), admin, "reach.update", "reach", id, body)))
        .compose(v -> rivers.findReach(app.pool(), id))
        .onSuccess(r -> Respond.ok(ctx, RiverRepository.reachJson(r.orElseThrow(), app::iso)))
        .onFailure(ctx::fail);
  }

  private Future<Void> checkReferences(SqlClient tx, RiverValidation.ReachInput in) {
    Future<Void> river = in.riverId() == null ? Future.succeededFuture() : rivers.exists(tx, "rivers", in.riverId())
        .compose(ok -> ok ? Future.succeededFuture() : Future.failedFuture(ApiError.invalid("riverId", "no river " + in.riverId())));
    return river
        .compose(v -> in.unitId() == null ? Future.succeededFuture() : rivers.exists(tx, "units", in.unitId())
            .compose(ok -> ok ? Future.<Void>succeededFuture()
                : Future.failedFuture(ApiError.invalid("unitId", "no unit " + in.unitId()))))
        .compose(v -> in.chiefUserId() == null ? Future.succeededFuture() : rivers.userRole(tx, in.chiefUserId())
            .compose(role -> {
              if (role.isEmpty()) {
                return Future.failedFuture(ApiError.invalid("chiefUserId", "no active user " + in.chiefUserId()));
              }
              if (!Role.RIVER_CHIEF.code().equals(role.get())) {
                return Future.failedFuture(ApiError.unprocessable("not_a_river_chief",
                    "User " + in.chiefUserId() + " is " + role.get() + ", not a river chief"));
              }
              return Future.succeededFuture();
            }));
  }

  private void getRules(RoutingContext ctx) {
    RiverAccess.reader(ctx);
    RulesStore.overrides(app.pool()).onSuccess(overrides -> Respond.ok(ctx, new JsonObject()
            .put("defaults", PatrolRules.defaults().toJson())
            .put("overrides", overrides)
            .put("effective", PatrolRules.defaults().withStored(overrides).toJson())))
        .onFailure(ctx::fail);
  }

  private void putRules(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    JsonObject overrides = JsonInput.object(ctx);
    Fields in = new Fields(overrides);
    PatrolRules effective = PatrolRules.defaults().with(overrides, in);
    in.validate();
    app.pool().withTransaction(tx -> RulesStore.save(tx, overrides, admin.id(), app.now())
            .compose(v -> AuditLog.record(tx, app.now(), admin, "patrol_rules.update", "settings",
                PatrolRules.SETTING_KEY, overrides)))
        .onSuccess(v -> Respond.ok(ctx, new JsonObject().put("overrides", overrides).put("effective", effective.toJson())))
        .onFailure(ctx::fail);
  }
}
