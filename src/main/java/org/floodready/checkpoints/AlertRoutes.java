package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.floodready.db.Outcome;
import org.floodready.access.Visibility;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.sheets.Xlsx;
import org.floodready.errors.ApiError;
import org.floodready.sheets.Csv;
import org.floodready.input.Fields;
import org.floodready.events.EventType;
import org.floodready.input.Checked;
import org.floodready.web.Idempotency;
import org.floodready.web.JsonInput;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Alerts for the duty room: the feed (JSON and CAP 1.2), acknowledging, resolving, and the sweep. */
public final class AlertRoutes {
  private static final Map<String, String> SORTABLE = Map.of("id", "a.id", "raisedAt", "a.raised_at",
      "updatedAt", "a.updated_at",
      "level", "array_position(ARRAY['blue','yellow','orange','red'], a.level)", "status", "a.status");
  private static final List<String> STATUS_FILTERS = List.of("active", "all", "raised", "escalated", "acknowledged",
      "resolved");

  private final AppContext app;
  private final AlertRepository alerts;
  private final CheckpointMonitor monitor;

  public AlertRoutes(AppContext app) {
    this.app = app;
    this.alerts = new AlertRepository(app.pool());
    this.monitor = new CheckpointMonitor(app);
  }

  public void mount(Router api) {
    api.get("/alerts").handler(this::listAlerts);
    api.get("/alerts.csv").handler(this::alertsCsv);
    api.get("/alerts.xlsx").handler(this::alertsXlsx);
    api.get("/alerts/cap.atom").handler(this::capFeed);
    api.get("/alerts/:alertId").handler(this::getAlert);
    api.get("/alerts/:alertId/cap").handler(this::capDocument);
    api.post("/alerts/:alertId/acknowledge").handler(this::acknowledge);
    api.post("/alerts/:alertId/resolve").handler(this::resolve);
    api.post("/admin/checkpoints/sweep").handler(this::sweep);
    new CapWithdrawRoutes(app, alerts).mount(api);
  }

  private void listAlerts(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "-raisedAt");
    Respond.ok(ctx, alerts.page(filter(ctx, user), page)
        .map(rows -> page.result(rows, r -> Alert.from(r).toJson(app::iso))));
  }

  /** The alert log for the duty report, same filters as the list, oldest first. */
  private void alertsCsv(RoutingContext ctx) {
    alertLog(ctx).onSuccess(csv -> Respond.csv(ctx, "alerts.csv", csv.toString())).onFailure(ctx::fail);
  }

  private void alertsXlsx(RoutingContext ctx) {
    alertLog(ctx).onSuccess(csv -> Xlsx.send(app, ctx, "alerts", "预警记录", csv)).onFailure(ctx::fail);
  }

  /** The rows of the alert log, shared by the CSV and the .xlsx sheet. */
  private Future<Csv> alertLog(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    return alerts.pageWithAcknowledgement(filter(ctx, user),
            new PageRequest(1, 100_000, "a.raised_at ASC, a.id ASC", "raisedAt"))
        .map(rows -> {
          Csv csv = new Csv().row("id", "checkpointCode", "nameZh", "kind", "level", "status", "reason", "raisedAt",
              "escalatedAt", "acknowledgedAt", "resolvedAt", "levelRaisedAt", "acknowledgedBy",
              "acknowledgementComment");
          for (Row r : rows) {
            Alert a = Alert.from(r);
            csv.row(a.id(), a.checkpointCode(), a.nameZh(), a.kind(), a.level().code(), a.status(), a.reason(),
                app.iso(a.raisedAt()), app.iso(a.escalatedAt()), app.iso(a.acknowledgedAt()), app.iso(a.resolvedAt()),
                app.iso(a.levelRaisedAt()), r.getString("ack_by"), r.getString("ack_comment"));
          }
          return csv;
        });
  }

  private static Where filter(RoutingContext ctx, CurrentUser user) {
    QueryParams q = new QueryParams(ctx);
    String status = q.oneOf("status", STATUS_FILTERS);
    Where where = Visibility.checkpoints(new Where(), user, "c.id")
        .and("a.level = ?", q.oneOf("level", WarningLevel.WARNING_CODES))
        .and("a.kind = ?", q.oneOf("kind", List.of("level", "silent")))
        .and("a.checkpoint_id = ?", q.id("checkpointId"))
        .and("c.unit_id = ?", q.id("unitId"))
        .and("a.raised_at >= ?", q.time("from"))
        .and("a.raised_at < ?", q.time("to"));
    if (status == null || status.equals("active")) {
      where.and("a.status <> 'resolved'");
    } else if (!status.equals("all")) {
      where.and("a.status = ?", status);
    }
    return where;
  }

  private void getAlert(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "alertId");
    visibleAlert(user, id)
        .compose(alert -> alerts.events(id).map(rows -> {
          JsonArray events = new JsonArray();
          for (Row r : rows) {
            events.add(new JsonObject().put("id", r.getLong("id")).put("at", app.iso(r.getOffsetDateTime("at")))
                .put("action", r.getString("action")).put("status", r.getString("status"))
                .put("level", r.getString("level")).put("actorId", r.getLong("actor_id"))
                .put("actorName", r.getString("actor_name")).put("comment", r.getString("comment")));
          }
          return alert.toJson(app::iso).put("events", events);
        }))
        .onSuccess(json -> Respond.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  /** The alert's latest public CAP message, or {@code ?message=n} of its thread (every referenced one). */
  private void capDocument(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long id = QueryParams.pathId(ctx, "alertId");
    int asked = new QueryParams(ctx).integer("message", 0, 1, 10_000);
    visibleAlert(user, id)
        .compose(alert -> alerts.events(id).compose(events -> {
          List<CapDocument.Message> thread = CapDocument.thread(events);
          if (thread.isEmpty() || asked > thread.size()) {
            throw ApiError.notFound("CAP message " + asked + " of alert " + id + " (it has " + thread.size() + ")",
                asked);
          }
          int number = asked == 0 ? thread.size() : asked;
          return app.blocking(() -> CapDocument.render(alert, thread, number, app.config().zone()));
        }))
        .onSuccess(xml -> ctx.response().putHeader("Content-Type", "application/cap+xml; charset=utf-8").end(xml))
        .onFailure(ctx::fail);
  }

  /** The Atom index of the active public alerts, newest change first, and the Cancel messages still holding. */
  private void capFeed(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    OffsetDateTime now = app.now();
    List<Alert> active = new ArrayList<>();
    List<CapFeed.Cancel> cancels = new ArrayList<>();
    alerts.page(filter(ctx, user).and("NOT EXISTS (SELECT 1 FROM alert_events w WHERE w.alert_id = a.id"
            + " AND w.action = '" + CapDocument.WITHDRAWN + "')"),
            new PageRequest(1, 500, "a.updated_at DESC, a.id DESC", "-updatedAt"))
        .compose(rows -> {
          rows.forEach(r -> active.add(Alert.from(r)));
          return alerts.withdrawnSince(Visibility.checkpoints(new Where(), user, "c.id"),
              now.minus(CapDocument.ALL_CLEAR_EXPIRY));
        })
        .compose(rows -> {
          rows.forEach(r -> cancels.add(new CapFeed.Cancel(Alert.from(r), r.getOffsetDateTime("withdrawn_at"),
              r.getString("withdraw_reason"))));
          return app.blocking(() -> CapFeed.render(active, cancels, now, app.config().zone()));
        })
        .onSuccess(xml -> ctx.response().putHeader("Content-Type", "application/atom+xml; charset=utf-8").end(xml))
        .onFailure(ctx::fail);
  }

  private Future<Alert> visibleAlert(CurrentUser user, long id) {
    return alerts.find(id).compose(found -> {
      Alert alert = found.orElseThrow(() -> ApiError.notFound("Alert", id));
      if (!user.is(Role.INSPECTOR) && !user.isGauge()) {
        return Future.succeededFuture(alert);
      }
      return new CheckpointRepository(app.pool()).postable(user, List.of(alert.checkpointId())).map(ok -> {
        if (ok.isEmpty()) {
          throw ApiError.forbidden("Alert " + id + " belongs to a checkpoint not assigned to you");
        }
        return alert;
      });
    });
  }

  private void acknowledge(RoutingContext ctx) {
    transition(ctx, "acknowledged", EventType.ALERT_ACKNOWLEDGED);
  }

  private void resolve(RoutingContext ctx) {
    transition(ctx, "resolved", EventType.ALERT_RESOLVED);
  }

  /**
   * Acknowledge or resolve by a duty officer or admin, with a comment; 409 when the state does not
   * allow it. With an Idempotency-Key header a retried request gets the first answer again.
   */
  private void transition(RoutingContext ctx, String action, EventType event) {
    CurrentUser actor = CurrentUser.of(ctx).require(Role.DUTY_OFFICER, Role.ADMIN);
    long id = QueryParams.pathId(ctx, "alertId");
    JsonObject body = JsonInput.object(ctx);
    String comment = Checked.requiredText(body, "comment"); // the contract checked it (AlertComment)
    OffsetDateTime now = app.now();
    Function<SqlConnection, Future<Outcome>> write = tx -> apply(tx, id, action, actor, comment, now)
        .compose(a -> app.events().appendAll(tx, List.of(new Alert.Change(event, a.unitId(), a.checkpointId(), a.id(),
                a.level().code(), a.status(), now).event(app::iso)))
            .map(v -> new Outcome(200, a.toJson(app::iso))));
    Future<Outcome> done = Idempotency.runIfKeyed(ctx, app, body, write);
    done.onFailure(ctx::fail);
  }

  private Future<Alert> apply(SqlConnection tx, long id, String action, CurrentUser actor, String comment,
      OffsetDateTime now) {
    return alerts.find(tx, id).compose(found -> {
      Alert before = found.orElseThrow(() -> ApiError.notFound("Alert", id));
      boolean acknowledge = action.equals("acknowledged");
      return (acknowledge ? alerts.acknowledge(tx, id, actor, comment, now) : alerts.resolve(tx, id, actor, comment, now))
          .compose(after -> {
            Alert a = after.orElseThrow(() -> ApiError.conflict("alert_" + before.status(),
                "Alert " + id + " is " + before.status() + " and cannot be " + action));
            return AuditLog.record(tx, now, actor, acknowledge ? "alert.acknowledge" : "alert.resolve", "alert", id,
                new JsonObject().put("comment", comment).put("level", a.level().code())).map(a);
          });
    });
  }

  private void sweep(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    monitor.sweep(app.now()).onSuccess(s -> {
      List<JsonObject> changes = new ArrayList<>();
      s.escalated().forEach(c -> changes.add(c.toJson(app::iso).put("type", c.type().wireName())));
      s.resolved().forEach(c -> changes.add(c.toJson(app::iso).put("type", c.type().wireName())));
      s.silent().forEach(c -> changes.add(c.toJson(app::iso).put("type", c.type().wireName())));
      Respond.ok(ctx, s.toJson().put("changes", new JsonArray(changes)));
    }).onFailure(ctx::fail);
  }
}
