package org.floodready.auth;

import org.floodready.access.CurrentUser;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.input.Checked;
import org.floodready.web.JsonInput;
import org.floodready.web.Respond;

/** Login, logout and "who am I". */
public final class AuthRoutes {
  private static final String BAD_LOGIN = "Wrong username or password";

  private final AppContext app;
  private final UserRepository users;
  private final LoginLimiter limiter;

  public AuthRoutes(AppContext app, LoginLimiter limiter) {
    this.app = app;
    this.users = new UserRepository(app.pool());
    this.limiter = limiter;
  }

  public void mount(Router api) {
    api.post("/auth/login").handler(this::login);
    api.post("/auth/logout").handler(this::logout);
    api.post("/auth/password").handler(this::changePassword);
    api.get("/auth/me").handler(this::me);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = JsonInput.object(ctx); // checked by the contract
    String username = Checked.requiredText(body, "username");
    String password = Checked.requiredText(body, "password");
    String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    limiter.check(username, address)
        .compose(v -> users.findAccount(username))
        .compose(account -> checkPassword(account, password).map(user -> account.get()))
        .compose(account -> limiter.recordSuccess(username).map(account))
        .onSuccess(account -> answerWithToken(ctx, account.user(), account.tokenGeneration()))
        .onFailure(failure -> {
          if (failure instanceof ApiError e && e.status() == 401) {
            limiter.recordFailure(username, address).onComplete(recorded -> ctx.fail(failure));
          } else {
            ctx.fail(failure);
          }
        });
  }

  private void answerWithToken(RoutingContext ctx, CurrentUser user, int generation) {
    String token = app.tokens().issue(user, generation);
    ctx.response().addCookie(Cookie.cookie(AuthHandler.COOKIE, token)
        .setHttpOnly(true).setPath("/").setSameSite(CookieSameSite.STRICT)
        .setMaxAge(app.tokens().ttl().toSeconds()));
    Respond.ok(ctx, new JsonObject()
        .put("token", token)
        .put("tokenType", "Bearer")
        .put("expiresAt", app.iso(app.now().plus(app.tokens().ttl())))
        .put("user", user.toJson()));
  }

  /**
   * {@code POST /api/auth/password {currentPassword, newPassword}}: the caller's own password. Every other
   * token of the user stops working on every node; the answer carries a fresh token (as the login does).
   */
  private void changePassword(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    if (user.isGauge()) {
      throw ApiError.forbidden("A gauge has no password");
    }
    JsonObject body = JsonInput.object(ctx); // checked by the contract; the policy is the code's
    String current = Checked.requiredText(body, "currentPassword");
    String next = PasswordPolicy.newPassword(body, "newPassword", user.username());
    users.findAccount(user.username())
        .compose(account -> app.blocking(() -> {
          if (account.isEmpty() || !PasswordHasher.verify(current, account.get().passwordHash())) {
            throw ApiError.invalid("currentPassword", "is not your current password");
          }
          return PasswordHasher.hash(next);
        }))
        .compose(hash -> app.pool().withTransaction(tx -> users.update(tx, user.id(), UserRepository.Change.password(hash))
            .compose(generation -> AuditLog.record(tx, app.now(), user, "user.change_password", "user", user.id(), null)
                .map(v -> generation.orElseThrow(() -> ApiError.notFound("User", user.id()))))))
        .onSuccess(generation -> {
          TokenRevocations.publish(app, user.id(), generation);
          answerWithToken(ctx, user, generation);
        })
        .onFailure(ctx::fail);
  }

  /** Verifies on a worker thread; an unknown or disabled user costs the same time and gets the same answer. */
  private Future<CurrentUser> checkPassword(Optional<UserRepository.Account> account, String password) {
    return app.blocking(() -> {
      if (account.isEmpty() || !account.get().active()) {
        PasswordHasher.burn(password);
        throw ApiError.unauthorized(BAD_LOGIN);
      }
      if (!PasswordHasher.verify(password, account.get().passwordHash())) {
        throw ApiError.unauthorized(BAD_LOGIN);
      }
      return account.get().user();
    });
  }

  private void logout(RoutingContext ctx) {
    ctx.response().addCookie(Cookie.cookie(AuthHandler.COOKIE, "").setPath("/").setMaxAge(0));
    ctx.response().setStatusCode(204).end();
  }

  private void me(RoutingContext ctx) {
    Respond.ok(ctx, CurrentUser.of(ctx).toJson());
  }
}
