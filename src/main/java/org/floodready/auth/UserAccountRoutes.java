package org.floodready.auth;

import org.floodready.access.CurrentUser;
import org.floodready.access.Role;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/**
 * Admin changes to an existing account: name, role, unit, phone, enabled; and a password reset. Disabling, a new
 * password, role or unit revokes the user's tokens on every node at once (they carry the old role and unit).
 */
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
    String role = in.oneOf("role", Role.userRoleCodes(), false);
    UserRepository.Change change = new UserRepository.Change(
        in.text("displayName", 100, body.containsKey("displayName")),
        role == null ? null : Role.fromCode(role),
        in.id("unitId", false),
        body.containsKey("unitId") && body.getValue("unitId") == null,
        in.optionalText("phone", 32),
        body.containsKey("phone"),
        in.bool("active", false),
        null);
    in.check(!body.isEmpty(), "body", "send at least one field to change");
    if (id == admin.id()) { // no admin locks himself out
      for (String field : List.of("active", "role", "unitId")) {
        in.check(!body.containsKey(field), field, "another admin must change this on your account");
      }
    }
    in.validate();
    String action = Boolean.FALSE.equals(change.active()) ? "user.disable"
        : Boolean.TRUE.equals(change.active()) ? "user.enable" : "user.update";
    apply(admin, id, change, action, body)
        .compose(v -> users.findById(id))
        .onSuccess(r -> Respond.ok(ctx, UserRepository.toJson(r.orElseThrow(), app::iso)))
        .onFailure(failure -> ctx.fail(isMissingUnit(failure)
            ? ApiError.invalid("unitId", "no unit " + change.unitId()) : failure));
  }

  private void resetPassword(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "userId");
    JsonObject body = JsonInput.object(ctx);
    // A reset needs no old password, so a stolen admin token must not be able to lock the admin out with it.
    if (id == admin.id()) {
      throw ApiError.invalid("password", "you cannot reset your own password here");
    }
    String password = PasswordPolicy.newPassword(body, "password", null);
    app.blocking(() -> PasswordHasher.hash(password))
        .compose(hash -> apply(admin, id, UserRepository.Change.password(hash), "user.password_reset", null))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The change and its audit row in one transaction; after the commit the user's older tokens are refused. */
  private Future<Void> apply(CurrentUser admin, long id, UserRepository.Change change, String action,
      JsonObject details) {
    return app.pool().withTransaction(tx -> users.update(tx, id, change).compose(generation -> {
      int next = generation.orElseThrow(() -> ApiError.notFound("User", id));
      return AuditLog.record(tx, app.now(), admin, action, "user", id, details).map(next);
    })).map(generation -> {
      if (change.revokesTokens()) {
        TokenRevocations.publish(app, id, generation);
      }
      return null;
    });
  }

  private static boolean isMissingUnit(Throwable t) {
    return t instanceof io.vertx.pgclient.PgException pg && "23503".equals(pg.getSqlState());
  }
}
