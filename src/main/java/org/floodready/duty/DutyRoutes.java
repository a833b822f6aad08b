package org.floodready.duty;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.floodready.db.Outcome;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** The duty roster: shifts, who is on duty now, and the handover log. */
public final class DutyRoutes {
  private final AppContext app;
  private final ShiftRepository shifts = new ShiftRepository();
  private final HandoverRepository handovers = new HandoverRepository();
  private final DutyRoster roster;

  public DutyRoutes(AppContext app) {
    this.app = app;
    this.roster = new DutyRoster(app.config().zone());
  }

  public void mount(Router api) {
    api.get("/duty/shifts").handler(this::listShifts);
    api.post("/duty/shifts").handler(this::createShift);
    api.post("/duty/shifts/copy-week").handler(this::copyWeek);
    api.put("/duty/shifts/:shiftId").handler(this::updateShift);
    api.delete("/duty/shifts/:shiftId").handler(this::deleteShift);
    api.get("/duty/now").handler(this::now);
    api.get("/duty/handovers").handler(this::listHandovers);
    api.post("/duty/handovers").handler(this::writeHandover);
    api.post("/duty/handovers/:handoverId/confirm").handler(this::confirmHandover);
    new ContactRoutes(app).mount(api);
  }

  private static CurrentUser dutyRoom(RoutingContext ctx) {
    return CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
  }

  private void listShifts(RoutingContext ctx) {
    CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    Long unitId = q.id("unitId");
    LocalDate from = q.date("from");
    LocalDate to = q.date("to");
    LocalDate monday = app.now().atZoneSameInstant(roster.zone()).toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate start = from != null ? from : monday;
    LocalDate end = to != null ? to : start.plusDays(6);
    if (end.isBefore(start) || end.isAfter(start.plusDays(62))) {
      throw ApiError.invalid("to", "must be on or after from and at most 62 days later");
    }
    Respond.ok(ctx, shifts.onDays(app.pool(), unitId, start, end).map(list -> new JsonObject()
        .put("from", start.toString()).put("to", end.toString())
        .put("items", new JsonArray(list.stream().map(s -> s.toJson(roster.zone())).toList()))));
  }

  private void createShift(RoutingContext ctx) {
    CurrentUser user = dutyRoom(ctx);
    JsonObject body = JsonInput.object(ctx);
    ShiftInput in = ShiftInput.parse(body);
    checkReferences(in)
        .compose(ok -> Idempotency.run(ctx, app, body, tx -> shifts.insert(tx, in, app.now())
            .compose(id -> AuditLog.record(tx, app.now(), user, "duty.shift.create", "duty_shift", id, body)
                .compose(v -> changed(tx, in.unitId()))
                .compose(v -> shifts.find(tx, id)))
            .map(s -> new Outcome(201, s.orElseThrow().toJson(roster.zone())))))
        .onFailure(ctx::fail);
  }

  private void updateShift(RoutingContext ctx) {
    CurrentUser user = dutyRoom(ctx);
    long id = QueryParams.pathId(ctx, "shiftId");
    JsonObject body = JsonInput.object(ctx);
    ShiftInput in = ShiftInput.parse(body);
    Respond.ok(ctx, checkReferences(in).compose(ok -> app.pool().withTransaction(tx -> shifts.update(tx, id, in,
            app.now())
        .compose(found -> {
          if (!found) {
            throw ApiError.notFound("Shift", id);
          }
          return AuditLog.record(tx, app.now(), user, "duty.shift.update", "duty_shift", id, body);
        })
        .compose(v -> changed(tx, in.unitId()))
        .compose(v -> shifts.find(tx, id))
        .map(s -> s.orElseThrow().toJson(roster.zone())))));
  }

  private void deleteShift(RoutingContext ctx) {
    CurrentUser user = dutyRoom(ctx);
    long id = QueryParams.pathId(ctx, "shiftId");
    app.pool().withTransaction(tx -> shifts.find(tx, id).compose(found -> {
          Shift shift = found.orElseThrow(() -> ApiError.notFound("Shift", id));
          return shifts.delete(tx, id)
              .compose(v -> AuditLog.record(tx, app.now(), user, "duty.shift.delete", "duty_shift", id, null))
              .compose(v -> changed(tx, shift.unitId()));
        }))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** {@code {unitId, weekStart}}: the week before {@code weekStart} is copied into the seven days from it. */
  private void copyWeek(RoutingContext ctx) {
    CurrentUser user = dutyRoom(ctx);
    JsonObject body = JsonInput.object(ctx);
    Fields in = new Fields(body);
    Long unitId = in.id("unitId", true);
    LocalDate weekStart = in.date("weekStart", true);
    in.validate();
    LocalDate source = weekStart.minusDays(7);
    unitExists(app.pool(), unitId)
        .compose(ok -> Idempotency.run(ctx, app, body, tx -> shifts.onDays(tx, unitId, weekStart, weekStart.plusDays(6))
            .compose(existing -> {
              if (!existing.isEmpty()) {
                throw ApiError.conflict("week_not_empty", "The week from " + weekStart + " already has "
                    + existing.size() + " shifts; delete them first");
              }
              return shifts.onDays(tx, unitId, source, weekStart.minusDays(1));
            })
            .compose(last -> {
              if (last.isEmpty()) {
                throw ApiError.unprocessable("nothing_to_copy", "No shifts in the week from " + source);
              }
              Future<List<Long>> chain = Future.succeededFuture(new ArrayList<>());
              for (Shift s : last) {
                ShiftInput copy = new ShiftInput(s.unitId(), s.date().plusDays(7), s.start(), s.end(),
                    s.leaderUserId(), s.officerIds(), s.note());
                chain = chain.compose(ids -> shifts.insert(tx, copy, app.now()).map(id -> {
                  ids.add(id);
                  return ids;
                }));
              }
              return chain;
            })
            .compose(ids -> AuditLog.record(tx, app.now(), user, "duty.shift.copy_week", "unit", unitId,
                    new JsonObject().put("from", source.toString()).put("to", weekStart.toString())
                        .put("shiftIds", new JsonArray(ids)))
                .compose(v -> changed(tx, unitId))
                .compose(v -> shifts.onDays(tx, unitId, weekStart, weekStart.plusDays(6))))
            .map(list -> new Outcome(201, new JsonObject().put("copied", list.size())
                .put("items", new JsonArray(list.stream().map(s -> s.toJson(roster.zone())).toList()))))))
        .onFailure(ctx::fail);
  }

  private void now(RoutingContext ctx) {
    CurrentUser.of(ctx);
    Long unitId = new QueryParams(ctx).id("unitId");
    var at = app.now();
    Respond.ok(ctx, roster.onDuty(app.pool(), unitId, at).compose(list -> {
      List<Long> ids = new ArrayList<>();
      list.forEach(s -> {
        ids.addAll(s.officerIds());
        if (s.leaderUserId() != null) {
          ids.add(s.leaderUserId());
        }
      });
      return people(ids).map(people -> new JsonObject().put("at", app.iso(at)).put("zone", roster.zone().getId())
          .put("items", new JsonArray(list.stream().map(s -> s.toJson(roster.zone())
              .put("officers", new JsonArray(s.officerIds().stream().map(people::get).toList()))
              .put("leader", s.leaderUserId() == null ? null : people.get(s.leaderUserId()))).toList())));
    }));
  }

  private Future<Map<Long, JsonObject>> people(List<Long> ids) {
    return app.pool().preparedQuery("SELECT id, username, display_name, phone FROM users WHERE id = ANY($1::bigint[])")
        .execute(Tuple.of(ids.toArray(new Long[0])))
        .map(rows -> {
          Map<Long, JsonObject> byId = new java.util.HashMap<>();
          rows.forEach(r -> byId.put(r.getLong("id"), new JsonObject().put("id", r.getLong("id"))
              .put("username", r.getString("username")).put("displayName", r.getString("display_name"))
              .put("phone", r.getString("phone"))));
          return byId;
        });
  }

  private void listHandovers(RoutingContext ctx) {
    CurrentUser.of(ctx);
    QueryParams q = new QueryParams(ctx);
    int limit = q.integer("limit", 50, 1, 500);
    Respond.ok(ctx, handovers.list(app.pool(), q.id("unitId"), q.time("from"), q.time("to"), limit)
        .map(rows -> new JsonObject().put("items",
            new JsonArray(rows.stream().map(r -> HandoverRepository.toJson(r, app::iso)).toList()))));
  }

  private void writeHandover(RoutingContext ctx) {
    CurrentUser user = dutyRoom(ctx);
    JsonObject body = JsonInput.object(ctx);
    Fields in = new Fields(body);
    Long unitId = in.id("unitId", true);
    Long shiftId = in.id("shiftId", false);
    String openItems = in.requiredText("openItems", 4000);
    in.validate();
    unitExists(app.pool(), unitId)
        .compose(ok -> Idempotency.run(ctx, app, body, tx -> handovers.insert(tx, unitId, shiftId, openItems,
                user.id(), app.now())
            .compose(id -> AuditLog.record(tx, app.now(), user, "duty.handover.write", "duty_handover", id, body)
                .compose(v -> changed(tx, unitId))
                .compose(v -> handovers.find(tx, id, false)))
            .map(r -> new Outcome(201, HandoverRepository.toJson(r.orElseThrow(), app::iso)))))
        .onFailure(ctx::fail);
  }

  private void confirmHandover(RoutingContext ctx) {
    CurrentUser user = dutyRoom(ctx);
    long id = QueryParams.pathId(ctx, "handoverId");
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : JsonInput.object(ctx);
    Fields in = new Fields(body);
    String note = in.optionalText("note", 1000);
    in.validate();
    Respond.ok(ctx, app.pool().withTransaction(tx -> handovers.find(tx, id, true).compose(found -> {
      var row = found.orElseThrow(() -> ApiError.notFound("Handover", id));
      if (row.getOffsetDateTime("confirmed_at") != null) {
        throw ApiError.conflict("already_confirmed", "This handover was confirmed already");
      }
      if (row.getLong("written_by") == user.id()) {
        throw ApiError.conflict("own_handover", "The incoming officer confirms a handover, not its writer");
      }
      return handovers.confirm(tx, id, user.id(), note, app.now())
          .compose(v -> AuditLog.record(tx, app.now(), user, "duty.handover.confirm", "duty_handover", id, body))
          .compose(v -> handovers.find(tx, id, false))
          .map(Optional::orElseThrow)
          .compose(h -> changed(tx, h.getLong("unit_id")).map(HandoverRepository.toJson(h, app::iso)));
    })));
  }

  /** The boards refresh who is on duty (a unit's event: it also refreshes that unit's readiness, cheaply). */
  private Future<Void> changed(SqlClient tx, long unitId) {
    return app.events().append(tx, EventType.DUTY_CHANGED, new JsonObject().put("unitId", unitId));
  }

  private Future<Void> checkReferences(ShiftInput in) {
    List<Long> users = new ArrayList<>(in.officerIds());
    if (in.leaderUserId() != null) {
      users.add(in.leaderUserId());
    }
    return unitExists(app.pool(), in.unitId()).compose(ok -> shifts.unknownUsers(app.pool(), users)).map(unknown -> {
      if (unknown.isEmpty()) {
        return null;
      }
      String field = in.leaderUserId() != null && unknown.contains(in.leaderUserId())
          && !in.officerIds().contains(in.leaderUserId()) ? "leaderUserId" : "officerIds";
      throw ApiError.invalid(field, "no active user " + unknown.get(0));
    });
  }

  static Future<Void> unitExists(SqlClient db, long unitId) {
    return db.preparedQuery("SELECT 1 FROM units WHERE id = $1").execute(Tuple.of(unitId)).map(rows -> {
      if (rows.size() == 0) {
        throw ApiError.invalid("unitId", "no unit " + unitId);
      }
      return null;
    });
  }
}
