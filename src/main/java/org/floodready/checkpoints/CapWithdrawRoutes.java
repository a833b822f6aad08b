package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.floodready.db.Outcome;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.events.EventType;
import org.floodready.input.Checked;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;

/**
 * Withdrawing an alert's public CAP messages sent in error (duty officer, admin): a Cancel message that
 * references every earlier message of the alert's thread, with the reason. Once per alert (409 after);
 * audited; a retry with the same Idempotency-Key gets the first answer. The alert's own state is the duty
 * room's business and stays as it is.
 */
final class CapWithdrawRoutes {
  private final AppContext app;
  private final AlertRepository alerts;

  CapWithdrawRoutes(AppContext app, AlertRepository alerts) {
    this.app = app;
    this.alerts = alerts;
  }

  void mount(Router api) {
    api.post("/alerts/:alertId/cap/withdraw").handler(this::withdraw);
  }

  private void withdraw(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).require(Role.DUTY_OFFICER, Role.ADMIN);
    long id = QueryParams.pathId(ctx, "alertId");
    JsonObject body = JsonInput.object(ctx);
    String reason = Checked.requiredText(body, "reason"); // the contract checked it
    OffsetDateTime now = app.now();
    AtomicReference<Alert> withdrawn = new AtomicReference<>();
    Function<SqlConnection, Future<Outcome>> write = tx -> alerts.find(tx, id)
        .compose(found -> {
          Alert alert = found.orElseThrow(() -> ApiError.notFound("Alert", id));
          return alerts.withdraw(tx, id, actor, reason, now).compose(done -> {
            if (!done) {
              throw ApiError.conflict("cap_already_cancelled",
                  "The CAP messages of alert " + id + " were withdrawn already");
            }
            withdrawn.set(alert);
            return alerts.events(tx, id);
          });
        })
        .compose(events -> {
          List<CapDocument.Message> thread = CapDocument.thread(events);
          CapDocument.Message cancel = thread.get(thread.size() - 1);
          JsonArray references = new JsonArray();
          thread.subList(0, thread.size() - 1).forEach(m -> references.add(CapDocument.identifier(id, m.number())));
          JsonObject answer = new JsonObject().put("alertId", id).put("msgType", "Cancel")
              .put("identifier", CapDocument.identifier(id, cancel.number())).put("message", cancel.number())
              .put("sent", app.iso(cancel.sent())).put("references", references).put("reason", reason)
              .put("cap", "/api/alerts/" + id + "/cap?message=" + cancel.number());
          Alert a = withdrawn.get();
          return AuditLog.record(tx, now, actor, "alert.cap_withdraw", "alert", id, answer.copy())
              .compose(v -> app.events().appendAll(tx, List.of(new Alert.Change(EventType.ALERT_CAP_WITHDRAWN, a.unitId(),
                  a.checkpointId(), a.id(), a.level().code(), a.status(), now).event(app::iso))))
              .map(new Outcome(201, answer));
        });
    Future<Outcome> done = Idempotency.runIfKeyed(ctx, app, body, write);
    done.onFailure(ctx::fail);
  }
}
