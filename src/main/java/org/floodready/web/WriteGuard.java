package org.floodready.web;

import org.floodready.errors.ApiError;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;

/**
 * Who may call a write at all, checked before any handler reads the body: a caller whose role can never
 * make the write gets 401/403, not a 400 about a body it had no business sending. The finer checks (this
 * keeper's base, this chief's reach, the reporter's own hazard) stay in the handlers; each role set here is
 * the union of the roles a handler lets through, so it never refuses what the handler would allow.
 */
public final class WriteGuard implements Handler<RoutingContext> {
  private record Rule(Pattern path, Set<Role> roles) {
  }

  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> DUTY_ROOM = EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER);
  private static final Set<Role> KEEPERS = EnumSet.of(Role.ADMIN, Role.BASE_KEEPER);
  private static final Set<Role> CHIEFS = EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.RIVER_CHIEF);

  /** First match wins; a write matching no rule is open to every person role except viewers. */
  private static final List<Rule> RULES = List.of(
      rule("/auth/.*", null),
      rule("/admin/checkpoints/sweep", DUTY_ROOM),
      rule("/admin/.*", ADMIN),
      rule("/items(/.*)?", ADMIN),
      rule("/bases/[^/]+/(receipts|stocktakes|issues)", KEEPERS),
      rule("/bases(/.*)?", ADMIN),
      rule("/lots/.*", KEEPERS),
      rule("/movements/[^/]+/photo", KEEPERS),
      rule("/stocktakes/.*", KEEPERS),
      rule("/incidents/[^/]+/returns", KEEPERS),
      rule("/transfers(/.*)?", EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.BASE_KEEPER)),
      rule("/settings/.*", DUTY_ROOM),
      rule("/alerts/.*", DUTY_ROOM),
      rule("/checkpoints/[^/]+/readings|/readings/batch",
          EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.INSPECTOR, Role.GAUGE)),
      rule("/rivers(/.*)?|/reaches(/.*)?", ADMIN),
      rule("/patrols(/.*)?", EnumSet.of(Role.ADMIN, Role.RIVER_CHIEF)),
      rule("/hazards/[^/]+/(assign|verify|reopen)|/hazards/sweep-overdue", DUTY_ROOM),
      rule("/hazards(/.*)?", CHIEFS),
      rule("/inspection-checklists/.*", ADMIN),
      rule("/inspection-rounds(/.*)?", EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.INSPECTOR, Role.RIVER_CHIEF)),
      rule("/requests", EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.REQUESTER, Role.RIVER_CHIEF, Role.INSPECTOR)),
      rule("/requests/.*", DUTY_ROOM),
      rule("/dispatches/[^/]+/receipt", EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.BASE_KEEPER, Role.REQUESTER,
          Role.RIVER_CHIEF, Role.INSPECTOR)),
      rule("/incidents/[^/]+/(status|teams)|/rescue-teams(/.*)?", DUTY_ROOM),
      rule("/team-requirements(/.*)?", ADMIN),
      rule("/incidents(/.*)?", EnumSet.of(Role.ADMIN, Role.DUTY_OFFICER, Role.INSPECTOR, Role.RIVER_CHIEF)));

  private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);

  @Override
  public void handle(RoutingContext ctx) {
    if (WRITES.contains(ctx.request().method())) {
      check(ctx, apiPath(ctx));
    }
    ctx.next();
  }

  private static void check(RoutingContext ctx, String path) {
    for (Rule rule : RULES) {
      if (rule.path().matcher(path).matches()) {
        if (rule.roles() != null) {
          CurrentUser.of(ctx).require(rule.roles().toArray(Role[]::new));
        }
        return;
      }
    }
    Role role = CurrentUser.of(ctx).role();
    if (role == Role.VIEWER || role == Role.GAUGE) {
      throw ApiError.forbidden("Role " + role.code() + " may not change anything");
    }
  }

  private static String apiPath(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    return path.startsWith("/api/") ? path.substring(4) : path;
  }

  private static Rule rule(String regex, Set<Role> roles) {
    return new Rule(Pattern.compile(regex), roles);
  }
}
