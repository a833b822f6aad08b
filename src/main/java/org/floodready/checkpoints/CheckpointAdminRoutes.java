package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlClient;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Setting up checkpoints (admin): definitions, thresholds, flood-limit periods, inspectors and gauges. */
final class CheckpointAdminRoutes {
  private final AppContext app;
  private final CheckpointRepository checkpoints;
  private final ReadingRepository readings;
  private final CheckpointDetails details;

  CheckpointAdminRoutes(AppContext app) {
    this.app = app;
    this.checkpoints = new CheckpointRepository(app.pool());
    this.readings = new ReadingRepository(app.pool());
    this.details = new CheckpointDetails(app);
  }

  void mount(Router api) {
    api.post("/admin/checkpoints").handler(this::createCheckpoint);
    api.put("/admin/checkpoints/:checkpointId").handler(this::updateCheckpoint);
    api.put("/admin/checkpoints/:checkpointId/inspectors").handler(this::setInspectors);
    api.put("/admin/checkpoints/:checkpointId/gauges").handler(this::setGauges);
  }

  private void createCheckpoint(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    CheckpointDraft d = CheckpointValidation.draft(JsonInput.object(ctx));
    OffsetDateTime now = app.now();
    requireUnit(d)
        .compose(v -> app.pool().withTransaction(tx -> checkpoints.insert(tx, d, now)
            .compose(id -> checkpoints.replaceDetails(tx, id, d)
                .compose(x -> readings.insertState(tx, id, now))
                .compose(x -> AuditLog.record(tx, now, admin, "checkpoint.create", "checkpoint", id,
                    new JsonObject().put("code", d.code()).put("kind", d.kind()).put("nameZh", d.nameZh())))
                .compose(x -> checkpointChanged(tx, d, id))
                .map(id))))
        .compose(details::detail)
        .onSuccess(json -> Respond.created(ctx, json))
        .onFailure(ctx::fail);
  }

  private void updateCheckpoint(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "checkpointId");
    CheckpointDraft d = CheckpointValidation.draft(JsonInput.object(ctx));
    OffsetDateTime now = app.now();
    checkpoints.find(id)
        .compose(found -> {
          Checkpoint existing = found.orElseThrow(() -> ApiError.notFound("Checkpoint", id));
          if (!existing.kind().equals(d.kind())) {
            throw ApiError.unprocessable("kind_immutable", "A " + existing.kind() + " cannot become a " + d.kind());
          }
          return requireUnit(d);
        })
        .compose(v -> app.pool().withTransaction(tx -> checkpoints.update(tx, id, d, now)
            .compose(x -> checkpoints.replaceDetails(tx, id, d))
            .compose(x -> AuditLog.record(tx, now, admin, "checkpoint.update", "checkpoint", id,
                new JsonObject().put("code", d.code()).put("nameZh", d.nameZh())))
            .compose(x -> checkpointChanged(tx, d, id))))
        .compose(v -> details.detail(id))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private Future<Void> checkpointChanged(SqlClient tx, CheckpointDraft d, long id) {
    return app.events().append(tx, EventType.CHECKPOINT_CHANGED, new JsonObject().put("unitId", d.unitId())
        .put("checkpointId", id));
  }

  private Future<Void> requireUnit(CheckpointDraft d) {
    return checkpoints.unitExists(d.unitId()).map(exists -> {
      if (!exists) {
        throw ApiError.invalid("unitId", "no unit " + d.unitId());
      }
      return null;
    });
  }

  private void setInspectors(RoutingContext ctx) {
    assign(ctx, "userIds", "checkpoint.inspectors", (tx, id, ids) -> checkpoints.setInspectors(tx, id, ids),
        "must all be inspector accounts");
  }

  private void setGauges(RoutingContext ctx) {
    assign(ctx, "apiKeyIds", "checkpoint.gauges", (tx, id, ids) -> checkpoints.setGauges(tx, id, ids),
        "must all be API keys that are not revoked");
  }

  private interface Assignment {
    Future<Boolean> apply(io.vertx.sqlclient.SqlConnection tx, long checkpointId, List<Long> ids);
  }

  private void assign(RoutingContext ctx, String field, String action, Assignment assignment, String problem) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long id = QueryParams.pathId(ctx, "checkpointId");
    List<Long> ids = new ArrayList<>(); // the contract checked the ids; each counts once
    for (Object v : JsonInput.object(ctx).getJsonArray(field)) {
      if (!ids.contains(((Number) v).longValue())) {
        ids.add(((Number) v).longValue());
      }
    }
    OffsetDateTime now = app.now();
    checkpoints.find(id)
        .compose(found -> {
          found.orElseThrow(() -> ApiError.notFound("Checkpoint", id));
          return app.pool().withTransaction(tx -> assignment.apply(tx, id, ids).compose(ok -> {
            if (!ok) {
              throw ApiError.invalid(field, problem);
            }
            return AuditLog.record(tx, now, admin, action, "checkpoint", id, new JsonObject().put(field,
                new JsonArray(ids)));
          }));
        })
        .compose(v -> checkpoints.assignments(id))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }
}
