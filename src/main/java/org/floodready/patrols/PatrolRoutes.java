package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.Map;
import java.util.UUID;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Outcome;
import org.floodready.db.Where;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.geo.GeoJson;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/**
 * Patrol logs (巡河). A phone posts a patrol with an id it generated; a retry after being offline
 * sends the same id and gets the stored patrol back instead of a second one.
 */
final class PatrolRoutes {
  private static final Map<String, String> SORTABLE = Map.of("startedAt", "p.started_at", "distanceM", "p.distance_m",
      "durationS", "p.duration_s", "reachId", "p.reach_id", "createdAt", "p.created_at");
  private static final int MAP_LIMIT = 500;

  private final AppContext app;
  private final PatrolRepository patrols;
  private final RiverRepository rivers;

  PatrolRoutes(AppContext app) {
    this.app = app;
    this.patrols = new PatrolRepository(app.pool());
    this.rivers = new RiverRepository(app.pool());
  }

  void mount(Router api) {
    api.post("/patrols").handler(this::logPatrol);
    api.get("/patrols").handler(this::listPatrols);
    api.get("/patrols.geojson").handler(this::patrolsGeoJson);
    api.get("/patrols/:patrolId").handler(this::getPatrol);
  }

  private void logPatrol(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx).require(Role.RIVER_CHIEF, Role.ADMIN);
    JsonObject body = JsonInput.object(ctx);
    RulesStore.load(app.pool())
        .compose(rules -> {
          PatrolInput in = PatrolValidation.patrol(body, rules, app.now());
          return rivers.findReach(app.pool(), in.reachId()).compose(found -> {
            Row reach = found.orElseThrow(() -> ApiError.invalid("reachId", "no reach " + in.reachId()));
            RiverAccess.requireReach(user, reach.getLong("chief_user_id"), "log a patrol on it");
            return patrols.find(app.pool(), in.id(), false).compose(existing -> existing.isPresent()
                ? Future.succeededFuture(replay(existing.get(), user, in))
                : store(user, in, reach, rules));
          });
        })
        .onSuccess(outcome -> Respond.json(ctx, outcome.status(), outcome.body()))
        .onFailure(ctx::fail);
  }

  private Future<Outcome> store(CurrentUser user, PatrolInput in, Row reach, PatrolRules district) {
    PatrolRules rules = district.withStored(reach.getJsonObject("rules"));
    TrackAnalysis.Result a = TrackAnalysis.analyse(in.points(),
        RiverValidation.positions(reach.getJsonObject("geometry")), rules);
    long unitId = reach.getLong("unit_id");
    return app.pool().withTransaction(tx -> patrols.insert(tx, in, user.id(), a, app.now())
            .compose(inserted -> !inserted ? Future.succeededFuture(false)
                : AuditLog.record(tx, app.now(), user, "patrol.log", "patrol", in.id(), new JsonObject()
                    .put("reachId", in.reachId()).put("distanceM", a.distanceM()).put("counted", a.counted())
                    .put("flags", new JsonArray(a.flags())))
                .compose(v -> app.events().append(tx, EventType.PATROL_LOGGED, new JsonObject().put("unitId", unitId)
                    .put("reachId", in.reachId()).put("patrolId", in.id().toString()).put("counted", a.counted())))
                .map(true)))
        .compose(inserted -> patrols.find(app.pool(), in.id(), false).map(row -> {
          Row stored = row.orElseThrow();
          if (!inserted) {
            return replay(stored, user, in);
          }
          return new Outcome(201, PatrolRepository.toJson(stored, app::iso));
        }));
  }

  /** A retried upload: the first stored patrol, unless the id belongs to someone else's patrol. */
  private Outcome replay(Row stored, CurrentUser user, PatrolInput in) {
    if (stored.getLong("patroller_id") != user.id() || stored.getLong("reach_id") != in.reachId()) {
      throw ApiError.conflict("patrol_id_taken", "Patrol " + in.id() + " already exists for another patrol");
    }
    return new Outcome(200, PatrolRepository.toJson(stored, app::iso));
  }

  private Where filter(RoutingContext ctx, CurrentUser user) {
    QueryParams q = new QueryParams(ctx);
    Boolean flagged = q.bool("flagged");
    Where where = new Where()
        .and("r.unit_id = ?", q.id("unitId"))
        .and("p.reach_id = ?", q.id("reachId"))
        .and("r.chief_user_id = ?", q.id("chiefId"))
        .and("p.patroller_id = ?", q.id("patrollerId"))
        .and("p.counted = ?", q.bool("counted"))
        .and("p.started_at >= ?", q.time("from"))
        .and("p.started_at < ?", q.time("to"));
    Visibility.reaches(where, user, "r.chief_user_id");
    if (flagged != null) {
      where.and(flagged ? "jsonb_array_length(p.flags) > 0" : "jsonb_array_length(p.flags) = 0");
    }
    return where;
  }

  private void listPatrols(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "-startedAt");
    Respond.ok(ctx, patrols.page(filter(ctx, user), page)
        .map(rows -> page.result(rows, r -> PatrolRepository.toJson(r, app::iso))));
  }

  private void patrolsGeoJson(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    patrols.withTracks(filter(ctx, user), MAP_LIMIT).onSuccess(rows -> {
      JsonArray features = new JsonArray();
      for (Row r : rows) {
        features.add(GeoJson.feature(PatrolRepository.lineString(r.getJsonObject("track")),
            PatrolRepository.toJson(r, app::iso).put("kind", "patrol")));
      }
      Respond.geoJson(ctx, GeoJson.collection(features).put("limit", MAP_LIMIT));
    }).onFailure(ctx::fail);
  }

  private void getPatrol(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    UUID id = pathUuid(ctx);
    Respond.ok(ctx, patrols.find(app.pool(), id, true).map(found -> {
      Row r = found.orElseThrow(() -> ApiError.notFound("Patrol", id));
      if (!Visibility.seesReach(user, r.getLong("chief_user_id"))) {
        throw ApiError.forbidden("This patrol is on another chief's reach");
      }
      JsonObject track = r.getJsonObject("track");
      return PatrolRepository.toJson(r, app::iso)
          .put("track", PatrolRepository.lineString(track))
          .put("times", PatrolRepository.isoTimes(track, app::iso));
    }));
  }

  private static UUID pathUuid(RoutingContext ctx) {
    try {
      return UUID.fromString(ctx.pathParam("patrolId"));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("patrolId", "must be a UUID");
    }
  }
}
