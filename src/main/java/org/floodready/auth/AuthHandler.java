package org.floodready.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.floodready.http.ApiError;

/**
 * Puts the caller on the request: a bearer token (header, {@code fr_token} cookie, or
 * {@code access_token} query parameter for EventSource), or a gauge's {@code X-Api-Key}.
 * Requests without credentials go on anonymous; {@link CurrentUser#of} answers 401 for them.
 */
public final class AuthHandler implements Handler<RoutingContext> {
  public static final String COOKIE = "fr_token";

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
      caller = token == null ? Future.succeededFuture(Optional.empty())
          : tokens.verify(token).map(Optional::of)
              .recover(e -> Future.failedFuture(ApiError.unauthorized("Invalid or expired token; log in again")));
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
    if (query != null && !query.isBlank()) {
      return query;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }
}
