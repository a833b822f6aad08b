package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Consumer;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.errors.ApiError;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;
import org.floodready.units.UnitRepository;

/**
 * Moving a hazard through its workflow. Each transition locks the hazard, checks who may do it
 * (403) and whether its status allows it (409), then writes the change, its event and the audit
 * record in one transaction.
 */
final class HazardWorkflowRoutes {
  private final AppContext app;
  private final HazardRepository hazards;
  private final HazardService service;

  HazardWorkflowRoutes(AppContext app) {
    this.app = app;
    this.hazards = new HazardRepository(app.pool());
    this.service = new HazardService(app);
  }

  void mount(Router api) {
    api.post("/hazards/sweep-overdue").handler(this::sweepOverdue);
    api.post("/hazards/:hazardId/assign").handler(this::assign);
    api.post("/hazards/:hazardId/start").handler(this::startRectifying);
    api.post("/hazards/:hazardId/rectify").handler(this::rectify);
    api.post("/hazards/:hazardId/verify").handler(this::verifyAndClose);
    api.post("/hazards/:hazardId/reopen").handler(this::reopen);
  }

  /** One step: the checks and writes specific to an action, given the locked row. */
  private interface Step {
    Future<JsonObject> apply(SqlConnection tx, Row locked);
  }

  private void transition(RoutingContext ctx, CurrentUser user, String action, String reason,
      Consumer<Row> mayAct, Step step) {
    long id = QueryParams.pathId(ctx, "hazardId");
    app.pool().withTransaction(tx -> hazards.lock(tx, id).compose(found -> {
          Row row = found.orElseThrow(() -> ApiError.notFound("Hazard", id));
          mayAct.accept(row);
          String from = row.getString("status");
          String to = HazardWorkflow.next(from, action);
          return step.apply(tx, row).compose(details -> hazards.event(tx, id, app.now(), user, action, from, to,
                  reason, details)
              .compose(v -> AuditLog.record(tx, app.now(), user, "hazard." + action, "hazard", id,
                  details.copy().put("from", from).put("to", to).put("reason", reason))));
        }).compose(v -> service.changed(tx, id)))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private static JsonObject body(RoutingContext ctx) {
    boolean empty = ctx.body() == null || ctx.body().buffer() == null || ctx.body().buffer().length() == 0;
    return empty ? new JsonObject() : JsonInput.object(ctx);
  }

  private void assign(RoutingContext ctx) {
    CurrentUser user = RiverAccess.dutyRoom(ctx);
    // a bad id must fail here: transition() reads it again inside the callback below, where a throw is lost
    QueryParams.pathId(ctx, "hazardId");
    HazardValidation.Assignment a = HazardValidation.assignment(JsonInput.object(ctx), app.now());
    String comment = HazardValidation.note(JsonInput.object(ctx), "comment", false);
    UnitRepository units = new UnitRepository(app.pool());
    units.find(a.unitId()).onSuccess(unit -> {
      if (unit.isEmpty()) {
        ctx.fail(ApiError.invalid("unitId", "no unit " + a.unitId()));
        return;
      }
      transition(ctx, user, "assign", comment, row -> { }, (tx, row) -> hazards.assign(tx, row.getLong("id"), a, app.now())
          .map(v -> new JsonObject().put("assignedUnitId", a.unitId()).put("deadline", app.iso(a.deadline()))));
    }).onFailure(ctx::fail);
  }

  private void startRectifying(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    String comment = HazardValidation.note(body(ctx), "comment", false);
    transition(ctx, user, "start", comment,
        row -> RiverAccess.requireReach(user, row.getLong("chief_user_id"), "start rectifying this hazard"),
        (tx, row) -> hazards.startRectifying(tx, row.getLong("id"), app.now()).map(new JsonObject()));
  }

  private void rectify(RoutingContext ctx) {
    CurrentUser user = RiverAccess.reader(ctx);
    String note = HazardValidation.note(JsonInput.object(ctx), "note", true);
    transition(ctx, user, "rectify", note,
        row -> RiverAccess.requireReach(user, row.getLong("chief_user_id"), "report this hazard rectified"),
        (tx, row) -> {
      long id = row.getLong("id");
      return hazards.evidenceSinceRectifying(tx, id).compose(photos -> {
        if (photos == 0) {
          return Future.failedFuture(ApiError.unprocessable("evidence_required",
              "Upload an evidence photo (POST /api/hazards/" + id + "/photos?kind=evidence) before reporting it rectified"));
        }
        return hazards.rectified(tx, id, note, app.now()).map(new JsonObject().put("evidencePhotos", photos));
      });
    });
  }

  private void verifyAndClose(RoutingContext ctx) {
    CurrentUser user = RiverAccess.dutyRoom(ctx);
    String comment = HazardValidation.note(body(ctx), "comment", false);
    transition(ctx, user, "verify", comment, row -> {
      if (row.getLong("reported_by") == user.id()) {
        throw ApiError.forbidden("The reporter of a hazard cannot verify and close it; another duty officer must");
      }
    }, (tx, row) -> hazards.close(tx, row.getLong("id"), user.id(), app.now()).map(new JsonObject()));
  }

  private void reopen(RoutingContext ctx) {
    CurrentUser user = RiverAccess.dutyRoom(ctx);
    String reason = HazardValidation.note(JsonInput.object(ctx), "reason", true);
    transition(ctx, user, "reopen", reason, row -> { }, (tx, row) -> hazards.reopen(tx, row.getLong("id"), app.now())
        .map(new JsonObject()));
  }

  private void sweepOverdue(RoutingContext ctx) {
    CurrentUser user = RiverAccess.dutyRoom(ctx);
    service.sweepOverdue(user)
        .onSuccess(ids -> Respond.ok(ctx, new JsonObject().put("escalated", ids.size())
            .put("hazardIds", new JsonArray(ids)).put("at", app.iso(app.now()))))
        .onFailure(ctx::fail);
  }
}
