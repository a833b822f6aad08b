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

/** Rescue teams (抢险队伍): list, create, edit, dispatch to an incident, stand down; requirements per unit. */
final class TeamRoutes {
  private static final Map<String, String> SORTABLE = Map.of("id", "t.id", "name", "t.name", "unit", "t.unit_name_zh",
      "status", "array_position(ARRAY['standby','deployed','resting'], t.status)", "members", "t.members");

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
    PageRequest page = Paging.from(ctx, SORTABLE, "name");
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
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    JsonObject body = JsonInput.object(ctx);
    TeamInput in = TeamValidation.team(body, false);
    IncidentWrites.run(ctx, app, body, 201, false, (tx, events) -> service.create(tx, in, user, events))
        .onFailure(ctx::fail);
  }

  private void edit(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    long id = QueryParams.pathId(ctx, "teamId");
    JsonObject body = JsonInput.object(ctx);
    TeamInput in = TeamValidation.team(body, true);
    IncidentWrites.run(ctx, app, body, 200, false, (tx, events) -> service.edit(tx, id, in, user, events))
        .onFailure(ctx::fail);
  }

  private void dispatch(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    long incidentId = QueryParams.pathId(ctx, "incidentId");
    JsonObject body = JsonInput.object(ctx);
    TeamValidation.Dispatch in = TeamValidation.dispatch(body);
    IncidentWrites.run(ctx, app, body, 201, false, (tx, events) -> service.dispatch(tx, incidentId, in, user, events))
        .onFailure(ctx::fail);
  }

  private void standDown(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    long id = QueryParams.pathId(ctx, "teamId");
    JsonObject body = JsonInput.object(ctx);
    TeamValidation.StandDown in = TeamValidation.standDown(body);
    IncidentWrites.run(ctx, app, body, 200, false, (tx, events) -> service.standDown(tx, id, in, user, events))
        .onFailure(ctx::fail);
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
    CurrentUser user = CurrentUser.of(ctx).require(Role.ADMIN);
    long unitId = QueryParams.pathId(ctx, "unitId");
    JsonObject body = JsonInput.object(ctx);
    int required = TeamValidation.requirement(body);
    IncidentWrites.run(ctx, app, body, 200, false,
        (tx, events) -> service.setRequirement(tx, unitId, required, user, events))
        .onFailure(ctx::fail);
  }
}
