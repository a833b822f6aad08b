package org.floodready.access;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import org.floodready.errors.ApiError;

/** The authenticated caller of a request: a person with a role, or a gauge with an API key. */
public record CurrentUser(long id, String username, String displayName, Role role, Long unitId) {
  public static final String KEY = "floodready.user";

  public static CurrentUser of(RoutingContext ctx) {
    CurrentUser user = ctx.get(KEY);
    if (user == null) {
      throw ApiError.unauthorized("Log in first: send Authorization: Bearer <token>");
    }
    return user;
  }

  /** The caller, if the request carried valid credentials. */
  public static CurrentUser orNull(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  /** 403 unless the caller has one of the roles. */
  public CurrentUser require(Role... roles) {
    if (Arrays.asList(roles).contains(role)) {
      return this;
    }
    throw ApiError.forbidden("Role " + role.code() + " may not do this; needs "
        + String.join(" or ", Arrays.stream(roles).map(Role::code).toList()));
  }

  public boolean is(Role r) {
    return role == r;
  }

  public boolean isGauge() {
    return role == Role.GAUGE;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("username", username)
        .put("displayName", displayName)
        .put("role", role.code())
        .put("roleName", role.nameZh())
        .put("unitId", unitId);
  }
}
