package org.floodready.patrols;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.events.EventType;
import org.floodready.errors.ApiError;

/**
 * Reading hazards with their effective deadlines, telling the rest of the system when one changed,
 * and the overdue sweep that escalates (挂牌督办) hazards past their deadline.
 */
public final class HazardService {
  private final AppContext app;
  private final HazardRepository hazards;

  public HazardService(AppContext app) {
    this.app = app;
    this.hazards = new HazardRepository(app.pool());
  }

  /** The current time, warned units and shortening factor, for deadline arithmetic. */
  Future<HazardClock> clock() {
    return ActiveWarnings.coveredUnitIds(app.pool()).compose(warned -> RulesStore.load(app.pool())
        .map(rules -> new HazardClock(app.now(), warned, rules.warningDeadlineFactor())));
  }

  Future<Row> find(long id) {
    return clock().compose(c -> hazards.find(app.pool(), id, c))
        .map(found -> found.orElseThrow(() -> ApiError.notFound("Hazard", id)));
  }

  /** Reads the hazard as changed inside {@code tx}, appends {@code hazard.changed} there, returns its JSON. */
  Future<JsonObject> changed(SqlClient tx, long id) {
    return clock().compose(c -> hazards.find(tx, id, c))
        .map(found -> HazardRepository.toJson(found.orElseThrow(() -> ApiError.notFound("Hazard", id)), app::iso))
        .compose(json -> appendChanged(tx, json).map(json));
  }

  /** Appends {@code hazard.changed} for the hazard's JSON (as {@link HazardRepository#toJson} gives it) in {@code tx}. */
  Future<Void> appendChanged(SqlClient tx, JsonObject hazard) {
    return app.events().append(tx, EventType.HAZARD_CHANGED, new JsonObject().put("unitId", hazard.getLong("unitId"))
        .put("hazardId", hazard.getLong("id")).put("status", hazard.getString("status"))
        .put("severity", hazard.getString("severity")).put("overdue", hazard.getBoolean("overdue")));
  }

  /**
   * Escalates every overdue hazard not escalated yet: sets the flag, records an {@code escalated}
   * event and publishes {@code hazard.changed}. Safe to run on several nodes at once. A null actor
   * is the system.
   */
  public Future<List<Long>> sweepOverdue(CurrentUser actor) {
    return clock().compose(c -> hazards.overdueNotEscalated(app.pool(), c))
        .compose(ids -> ids.isEmpty() ? Future.succeededFuture(List.<Long>of())
            : app.pool().withTransaction(tx -> hazards.escalate(tx, ids, app.now()).compose(rows -> {
              List<Long> escalated = new java.util.ArrayList<>();
              Future<Void> chain = Future.succeededFuture();
              for (Row r : rows) {
                long id = r.getLong("id");
                escalated.add(id);
                chain = chain.compose(v -> hazards.event(tx, id, app.now(), actor, "escalate", r.getString("status"),
                    r.getString("status"), "overdue: past its deadline (挂牌督办)", new JsonObject()));
              }
              chain = chain.compose(v -> escalated.isEmpty() ? Future.succeededFuture()
                  : AuditLog.record(tx, app.now(), actor, "hazard.escalate", "hazard", null,
                      new JsonObject().put("hazardIds", new JsonArray(escalated))));
              for (long id : escalated) {
                chain = chain.compose(v -> changed(tx, id).mapEmpty());
              }
              return chain.map(escalated);
            })));
  }
}
