package org.floodready.incidents;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.floodready.app.AppContext;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.errors.ApiError;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.web.WriteRoute;

/** Rescue teams (抢险队伍): list, create, edit, dispatch to an incident, stand down; requirements per unit. */
final class TeamRoutes {
  private static final Map<String, String> SORTABLE = Map.of("id", "t.id", "name", "t.name", "unit", "t.unit_name_zh",
      "status", "array_position(ARRAY['standby','deployed','resting'], t.status)", "members", "t.members");

  private static final Role[] DUTY_ROOM = {Role.ADMIN, Role.DUTY_OFFICER};

  private final AppContext app;
  private final TeamRepository teams;
  private final TeamService service;

  TeamRoutes(AppContext app) {
    this.app = app;
    this.teams = new TeamRepository(app.pool());
    this.service = new TeamService(app);
  }

  void mount(Router api) {
    api.get("/rescue-teams").handler(this::list);
    api.post("/rescue-teams").handler(this::create);
    api.get("/rescue-teams/:teamId").handler(this::detail);
    api.put("/rescue-teams/:teamId").handler(this::edit);
    api.post("/rescue-teams/:teamId/stand-down").handler(this::standDown);
    api.post("/incidents/:incidentId/teams").handler(this::dispatch);
    api.get("/team-requirements").handler(this::requirements);
    api.put("/team-requirements/:unitId").handler(this::setRequirement);
  }

  private void list(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "name");
    Where where = new Where()
        .and("t.status = ?", q.oneOf("status", TeamRules.STATUSES))
        .and("? = ANY(t.specialities)", q.oneOf("speciality", TeamRules.SPECIALITIES))
        .and("t.incident_id = ?", q.id("incidentId"));
    IncidentAccess.subtree(where, "t.unit_id", q.id("unitId"));
    Respond.ok(ctx, IncidentAccess.scope(app, user)
        .compose(scope -> teams.page(IncidentAccess.units(where, "t", scope), page))
        .map(rows -> page.result(rows, r -> TeamRepository.toJson(r, app::iso))));
  }

  private void detail(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "teamId");
    IncidentAccess.scope(app, user).compose(scope -> service.json(app.pool(), id).compose(team -> {
      if (!scope.allows(team.getLong("unitId"))) {
        throw ApiError.forbidden("Team " + id + " belongs to another unit");
      }
      return teams.deploymentsOfTeam(id).map(d -> team.put("deployments", TeamRepository.deploymentsJson(d, app::iso)));
    })).onSuccess(json -> Respond.ok(ctx, json)).onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    WriteRoute.handle(ctx, DUTY_ROOM, null, body -> TeamValidation.team(body, false),
        r -> WriteRoute.inTransaction(ctx, app, r.body(), 201,
            (tx, events) -> service.create(tx, r.input(), r.user(), events)));
  }

  private void edit(RoutingContext ctx) {
    WriteRoute.handle(ctx, DUTY_ROOM, "teamId", body -> TeamValidation.team(body, true),
        r -> WriteRoute.inTransaction(ctx, app, r.body(), 200,
            (tx, events) -> service.edit(tx, r.id(), r.input(), r.user(), events)));
  }

  private void dispatch(RoutingContext ctx) {
    WriteRoute.handle(ctx, DUTY_ROOM, "incidentId", TeamValidation::dispatch,
        r -> WriteRoute.inTransaction(ctx, app, r.body(), 201,
            (tx, events) -> service.dispatch(tx, r.id(), r.input(), r.user(), events)));
  }

  private void standDown(RoutingContext ctx) {
    WriteRoute.handle(ctx, DUTY_ROOM, "teamId", TeamValidation::standDown,
        r -> WriteRoute.inTransaction(ctx, app, r.body(), 200,
            (tx, events) -> service.standDown(tx, r.id(), r.input(), r.user(), events)));
  }

  /** Per unit with a requirement or teams: required, standby, deployed, resting (the unit's own teams). */
  private void requirements(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    Respond.ok(ctx, IncidentAccess.scope(app, user).compose(scope -> teams.counts(app.pool(), null).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(r -> {
        if (scope.allows(r.getLong("unit_id"))) {
          items.add(TeamRepository.countJson(r));
        }
      });
      return new JsonObject().put("items", items);
    })));
  }

  private void setRequirement(RoutingContext ctx) {
    WriteRoute.handle(ctx, new Role[] {Role.ADMIN}, "unitId", TeamValidation::requirement,
        r -> WriteRoute.inTransaction(ctx, app, r.body(), 200,
            (tx, events) -> service.setRequirement(tx, r.id(), r.input(), r.user(), events)));
  }
}
