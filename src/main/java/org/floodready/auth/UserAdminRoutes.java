package org.floodready.auth;

import org.floodready.access.CurrentUser;
import org.floodready.access.Role;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.input.Checked;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Admin endpoints for accounts and gauge API keys. */
public final class UserAdminRoutes {
  private static final Map<String, String> SORTABLE = Map.of(
      "id", "u.id", "username", "u.username", "role", "u.role", "createdAt", "u.created_at");

  private final AppContext app;
  private final UserRepository users;

  public UserAdminRoutes(AppContext app) {
    this.app = app;
    this.users = new UserRepository(app.pool());
  }

  public void mount(Router api) {
    api.get("/admin/users").handler(this::listUsers);
    api.post("/admin/users").handler(this::createUser);
    api.get("/admin/api-keys").handler(this::listApiKeys);
    api.post("/admin/api-keys").handler(this::createApiKey);
    api.delete("/admin/api-keys/:keyId").handler(this::revokeApiKey);
    new UserAccountRoutes(app, users).mount(api);
  }

  private void listUsers(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "id");
    QueryParams q = new QueryParams(ctx);
    Where where = new Where()
        .and("u.role = ?", q.oneOf("role", Role.userRoleCodes()))
        .and("u.unit_id = ?", q.id("unitId"));
    where.matching(q.text("q"), "u.username", "u.display_name");
    Respond.ok(ctx, users.page(where, page).map(rows -> page.result(rows, r -> UserRepository.toJson(r, app::iso))));
  }

  private void createUser(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    UserValidation.UserInput u = UserValidation.newUser(JsonInput.object(ctx));
    app.blocking(() -> PasswordHasher.hash(u.password()))
        .compose(hash -> app.pool().withTransaction(tx -> users.insert(tx, u, hash)
            .compose(id -> AuditLog.record(tx, app.now(), admin, "user.create", "user", id,
                    new JsonObject().put("username", u.username()).put("role", u.role().code()))
                .map(id))))
        .onSuccess(id -> Respond.created(ctx, new JsonObject()
            .put("id", id).put("username", u.username()).put("displayName", u.displayName())
            .put("role", u.role().code()).put("unitId", u.unitId())))
        .onFailure(failure -> ctx.fail(isDuplicate(failure)
            ? ApiError.conflict("username_taken", "Username " + u.username() + " is already taken") : failure));
  }

  private void listApiKeys(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    users.listApiKeys().onSuccess(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject()
            .put("id", r.getLong("id"))
            .put("name", r.getString("name"))
            .put("keyPrefix", r.getString("key_prefix"))
            .put("unitId", r.getLong("unit_id"))
            .put("createdAt", app.iso(r.getOffsetDateTime("created_at")))
            .put("revokedAt", app.iso(r.getOffsetDateTime("revoked_at"))));
      }
      Respond.ok(ctx, new JsonObject().put("items", items));
    }).onFailure(ctx::fail);
  }

  private void createApiKey(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    JsonObject body = JsonInput.object(ctx); // checked by the contract
    String name = Checked.requiredText(body, "name");
    Long unitId = Checked.id(body, "unitId");
    String key = ApiKeys.generate();
    app.pool().withTransaction(tx -> users.insertApiKey(tx, name, key, unitId, admin.id())
            .compose(id -> AuditLog.record(tx, app.now(), admin, "api_key.create", "api_key", id,
                new JsonObject().put("name", name)).map(id)))
        .onSuccess(id -> Respond.created(ctx, new JsonObject()
            .put("id", id).put("name", name).put("unitId", unitId).put("gaugeId", -id)
            .put("key", key)
            .put("note", "Store this key now: it is shown only once. Send it as the X-Api-Key header.")))
        .onFailure(ctx::fail);
  }

  private void revokeApiKey(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "keyId");
    app.pool().withTransaction(tx -> users.revokeApiKey(tx, id, app.now())
            .compose(revoked -> {
              if (!revoked) {
                throw ApiError.notFound("Active API key", id);
              }
              return AuditLog.record(tx, app.now(), admin, "api_key.revoke", "api_key", id, null);
            }))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static boolean isDuplicate(Throwable t) {
    return t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState());
  }
}
