package org.floodready.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.floodready.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.http.ApiError;
import org.floodready.http.Fields;
import org.floodready.http.JsonInput;
import org.floodready.http.QueryParams;
import org.floodready.http.Respond;

/** Admin changes to an existing account: name, role, unit, phone, enabled; and a password reset. */
final class UserAccountRoutes {
  private final AppContext app;
  private final UserRepository users;

  UserAccountRoutes(AppContext app, UserRepository users) {
    this.app = app;
    this.users = users;
  }

  void mount(Router api) {
    api.get("/admin/users/:userId").handler(this::getUser);
    api.patch("/admin/users/:userId").handler(this::changeUser);
    api.post("/admin/users/:userId/password").handler(this::resetPassword);
  }

  private void getUser(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "userId");
    Respond.ok(ctx, users.findById(id).map(r -> UserRepository.toJson(
        r.orElseThrow(() -> ApiError.notFound("User", id)), app::iso)));
  }

  private void changeUser(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "userId");
    JsonObject body = JsonInput.object(ctx);
    Fields in = new Fields(body);
    in.check(!body.containsKey("username"), "username", "cannot be changed");
    in.check(!body.containsKey("password"), "password", "use POST /api/admin/users/{userId}/password");
    UserRepository.Change change = new UserRepository.Change(
        in.text("displayName", 100, body.containsKey("displayName")),
        in.oneOf("role", Role.userRoleCodes(), body.containsKey("role")),
        in.id("unitId", false),
        body.containsKey("unitId") && body.getValue("unitId") == null,
        in.optionalText("phone", 32),
        body.containsKey("phone"),
        in.bool("active", body.containsKey("active")));
    in.check(!body.isEmpty(), "body", "send at least one field to change");
    in.check(id != admin.id() || !Boolean.FALSE.equals(change.active()), "active",
        "you cannot disable your own account");
    in.check(id != admin.id() || change.role() == null || Role.ADMIN.code().equals(change.role()), "role",
        "you cannot take the admin role from yourself");
    in.validate();
    app.pool().withTransaction(tx -> users.update(tx, id, change).compose(found -> {
          if (!found) {
            throw ApiError.notFound("User", id);
          }
          String action = Boolean.FALSE.equals(change.active()) ? "user.disable"
              : Boolean.TRUE.equals(change.active()) ? "user.enable" : "user.update";
          return AuditLog.record(tx, app.now(), admin, action, "user", id, body);
        }))
        .compose(v -> users.findById(id))
        .onSuccess(r -> Respond.ok(ctx, UserRepository.toJson(r.orElseThrow(), app::iso)))
        .onFailure(failure -> ctx.fail(isMissingUnit(failure)
            ? ApiError.invalid("unitId", "no unit " + change.unitId()) : failure));
  }

  private void resetPassword(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "userId");
    Fields in = new Fields(JsonInput.object(ctx));
    String password = in.text("password", 200, true);
    if (password != null) {
      in.check(password.length() >= 8, "password", "must be at least 8 characters");
    }
    // A reset needs no old password, so a stolen admin token must not be able to lock the admin out with it.
    in.check(id != admin.id(), "password", "you cannot reset your own password here");
    in.validate();
    app.blocking(() -> PasswordHasher.hash(password))
        .compose(hash -> app.pool().withTransaction(tx -> users.setPassword(tx, id, hash).compose(found -> {
          if (!found) {
            throw ApiError.notFound("User", id);
          }
          return AuditLog.record(tx, app.now(), admin, "user.password_reset", "user", id, null);
        })))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static boolean isMissingUnit(Throwable t) {
    return t instanceof io.vertx.pgclient.PgException pg && "23503".equals(pg.getSqlState());
  }
}
