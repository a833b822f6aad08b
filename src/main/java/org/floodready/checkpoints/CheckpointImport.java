package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.events.EventType;
import org.floodready.events.Outbox;

/**
 * The checkpoint writes a spreadsheet import makes, for the excel package: the same repository statements,
 * initial state and audit entry as {@code POST /api/admin/checkpoints}, inside the import's one transaction;
 * the change events wait for the commit.
 */
public final class CheckpointImport {
  private final AppContext app;
  private final CheckpointRepository checkpoints;
  private final ReadingRepository readings;

  public CheckpointImport(AppContext app) {
    this.app = app;
    this.checkpoints = new CheckpointRepository(app.pool());
    this.readings = new ReadingRepository(app.pool());
  }

  public Writer writer(SqlConnection tx, CurrentUser admin) {
    return new Writer(tx, admin);
  }

  /** The writes of one import transaction. */
  public final class Writer {
    private final SqlConnection tx;
    private final CurrentUser admin;
    private final List<JsonObject> changed = new ArrayList<>();

    private Writer(SqlConnection tx, CurrentUser admin) {
      this.tx = tx;
      this.admin = admin;
    }

    public Future<Long> create(CheckpointDraft d) {
      return checkpoints.insert(tx, d, app.now())
          .compose(id -> checkpoints.replaceDetails(tx, id, d)
              .compose(x -> readings.insertState(tx, id, app.now()))
              .compose(x -> AuditLog.record(tx, app.now(), admin, "checkpoint.create", "checkpoint", id,
                  new JsonObject().put("code", d.code()).put("kind", d.kind()).put("nameZh", d.nameZh())
                      .put("source", "xlsx")))
              .map(x -> {
                changed.add(new JsonObject().put("unitId", d.unitId()).put("checkpointId", id));
                return id;
              }));
    }

    /** Sets a checkpoint's pumps, pump trucks, pump stations and bases to the sheet's rows for it. */
    public Future<Void> replaceServices(long id, long unitId, List<CheckpointDraft.Service> services) {
      return checkpoints.replaceServices(tx, id, services)
          .compose(x -> AuditLog.record(tx, app.now(), admin, "checkpoint.services", "checkpoint", id,
              new JsonObject().put("services", new io.vertx.core.json.JsonArray(
                  services.stream().map(CheckpointDraft.Service::toJson).toList())).put("source", "xlsx")))
          .onSuccess(x -> changed.add(new JsonObject().put("unitId", unitId).put("checkpointId", id)));
    }

    /** Sets a checkpoint's inspectors (accounts with the inspector role, checked by the repository). */
    public Future<Void> setInspectors(long id, long unitId, List<Long> userIds) {
      return checkpoints.setInspectors(tx, id, userIds)
          .compose(ok -> ok ? AuditLog.record(tx, app.now(), admin, "checkpoint.inspectors", "checkpoint", id,
                  new JsonObject().put("userIds", new io.vertx.core.json.JsonArray(userIds)).put("source", "xlsx"))
              : Future.<Void>failedFuture(new IllegalStateException("not all inspectors: " + userIds)))
          .onSuccess(x -> changed.add(new JsonObject().put("unitId", unitId).put("checkpointId", id)));
    }

    /** Appends the change events gathered to the event log, in the import's transaction, last. */
    public Future<Void> appendEvents() {
      return app.events().appendAll(tx, changed.stream()
          .map(e -> new Outbox.Event(EventType.CHECKPOINT_CHANGED, e)).toList());
    }
  }
}
