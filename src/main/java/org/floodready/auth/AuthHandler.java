package org.floodready.auth;

import org.floodready.access.CurrentUser;
import org.floodready.access.TokenService;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.floodready.errors.ApiError;

/**
 * Puts the caller on the request: a bearer token (header, or {@code access_token} query parameter for
 * EventSource), the {@code fr_token} cookie, or a gauge's {@code X-Api-Key}. Requests without valid credentials
 * go on anonymous ({@link CurrentUser#of} answers 401 for them); a bad token given explicitly is a 401 at once.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  public static final String COOKIE = "fr_token";
  /** The routing-context key of the token the caller was verified by (for streams that outlive the request). */
  public static final String TOKEN = "floodready.token";

  private final TokenService tokens;
  private final UserRepository users;

  public AuthHandler(TokenService tokens, UserRepository users) {
    this.tokens = tokens;
    this.users = users;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String apiKey = ctx.request().getHeader("X-Api-Key");
    Future<Optional<CurrentUser>> caller;
    if (apiKey != null) {
      caller = users.findByApiKey(apiKey.trim()).map(found -> {
        if (found.isEmpty()) {
          throw ApiError.unauthorized("Unknown or revoked API key");
        }
        return found;
      });
    } else {
      String token = bearerToken(ctx);
      Cookie cookie = token == null ? ctx.request().getCookie(COOKIE) : null;
      if (token != null) {
        ctx.put(TOKEN, token);
        caller = tokens.verify(token).map(Optional::of)
            .recover(e -> Future.failedFuture(ApiError.unauthorized("Invalid or expired token; log in again")));
      } else if (cookie != null) {
        // A cookie is sent by the browser unasked: a stale one (expired, revoked) must not stop a fresh login, so
        // the request goes on anonymous and protected routes answer 401 as for no credentials at all.
        caller = tokens.verify(cookie.getValue()).map(Optional::of)
            .onSuccess(user -> ctx.put(TOKEN, cookie.getValue()))
            .otherwise(e -> Optional.empty());
      } else {
        caller = Future.succeededFuture(Optional.empty());
      }
    }
    caller.onSuccess(user -> {
      user.ifPresent(u -> ctx.put(CurrentUser.KEY, u));
      ctx.next();
    }).onFailure(ctx::fail);
  }

  private static String bearerToken(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw ApiError.unauthorized("Authorization must be 'Bearer <token>'");
      }
      return header.substring(7).trim();
    }
    String query = ctx.request().getParam("access_token");
    return query == null || query.isBlank() ? null : query;
  }
}
