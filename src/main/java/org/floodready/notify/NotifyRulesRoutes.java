package org.floodready.notify;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import org.floodready.db.Outcome;
import org.floodready.app.AppContext;
import org.floodready.events.EventType;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.errors.ApiError;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.web.Respond;

/**
 * The notification rules for admins: read them, replace them whole under the version read (409 when
 * someone changed them meanwhile), audited, with an Idempotency-Key. Every node rereads them on the
 * {@code notify.rules.changed} event.
 */
final class NotifyRulesRoutes {
  private final AppContext app;
  private final RulesRepository repository = new RulesRepository();

  NotifyRulesRoutes(AppContext app) {
    this.app = app;
  }

  void mount(Router api) {
    api.get("/admin/notify-rules").handler(this::get);
    api.put("/admin/notify-rules").handler(this::put);
  }

  private void get(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    Respond.ok(ctx, repository.load(app.pool()).map(RuleSet::toJson));
  }

  private void put(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).require(Role.ADMIN);
    Idempotency.requireKey(ctx);
    JsonObject body = JsonInput.object(ctx);
    RuleSet wanted = RulesInput.read(body);
    OffsetDateTime now = app.now();
    Idempotency.run(ctx, app, body, tx -> repository.load(tx).compose(before -> repository
            .replace(tx, wanted.version(), wanted, actor.username(), now)
            .compose(version -> {
              if (version.isEmpty()) {
                throw ApiError.conflict("rules_changed", "The rules were changed meanwhile (now version "
                    + before.version() + ", you read " + wanted.version() + "); reload them and try again");
              }
              return repository.load(tx);
            })
            .compose(after -> AuditLog.record(tx, now, actor, "notify.rules.update", "notify_rules", after.version(),
                new JsonObject().put("before", strip(before.toJson())).put("after", strip(after.toJson())))
                // every node rereads the rules when it follows this event
                .compose(v -> app.events().append(tx, EventType.NOTIFY_RULES_CHANGED,
                    new JsonObject().put("version", after.version())))
                .map(new Outcome(200, after.toJson())))))
        .onFailure(ctx::fail);
  }

  private static JsonObject strip(JsonObject rules) {
    JsonObject copy = rules.copy();
    copy.remove("allowed");
    copy.remove("stepKinds");
    return copy;
  }
}
