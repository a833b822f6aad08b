package org.floodready.notify;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Map;
import io.vertx.core.Future;
import java.time.OffsetDateTime;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.checkpoints.Alert;
import org.floodready.checkpoints.AlertRepository;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.events.EventType;
import org.floodready.web.JsonInput;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.db.Where;
import org.floodready.sheets.Csv;
import org.floodready.db.PageRequest;
import org.floodready.web.Paging;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** The delivery log of the duty room: what was sent to whom, when, on which channel, and how it went. */
public final class NotificationRoutes {
  private static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "sentAt", "sent_at",
      "id", "id", "state", "state");
  private static final int CSV_ROWS = 10_000;
  static final List<String> CHANNELS = List.of("email", "sms", "wecom", "dingtalk", "feishu", "none");

  private final AppContext app;
  private final NotificationRepository outbox = new NotificationRepository();
  private final AlertRepository alerts;
  private Future<AckLinks> acks;

  public NotificationRoutes(AppContext app) {
    this.app = app;
    this.alerts = new AlertRepository(app.pool());
  }

  public void mount(Router api) {
    api.get("/notifications").handler(this::list);
    api.post("/notifications/acknowledge").handler(this::acknowledgeByLink);
    new NotifyRulesRoutes(app).mount(api);
  }

  /**
   * {@code {token, comment}}: the recipient of an alert message acknowledges that alert from the message's
   * link, whatever their role, while the token lasts ({@link AckLinks#TTL}).
   */
  private void acknowledgeByLink(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    if (user.isGauge()) {
      throw ApiError.forbidden("A gauge cannot acknowledge alerts");
    }
    Fields in = new Fields(JsonInput.object(ctx));
    String token = in.requiredText("token", 300);
    String comment = in.requiredText("comment", 1000);
    in.validate();
    if (acks == null) {
      acks = AckLinks.load(app);
    }
    OffsetDateTime now = app.now();
    acks.compose(links -> {
      AckLinks.Claim claim = links.read(token).orElseThrow(() -> ApiError.invalid("token",
          "is not an acknowledgement link of this system"));
      if (claim.userId() != user.id()) {
        throw ApiError.forbidden("This link was sent to another person; log in as its recipient");
      }
      if (now.toInstant().isAfter(claim.expires())) {
        throw new ApiError(403, "ack_link_expired", "The link has expired; acknowledge the alert on the board",
            Map.of("token", "has expired"));
      }
      return app.pool().withTransaction(tx -> alerts.acknowledge(tx, claim.alertId(), user, comment, now)
          .compose(after -> {
            Alert a = after.orElseThrow(() -> ApiError.conflict("alert_not_open",
                "Alert " + claim.alertId() + " is no longer waiting for an acknowledgement"));
            return AuditLog.record(tx, now, user, "alert.acknowledge", "alert", a.id(), new JsonObject()
                .put("comment", comment).put("level", a.level().code()).put("via", "message link"))
                .compose(v -> app.events().appendAll(tx, List.of(new Alert.Change(EventType.ALERT_ACKNOWLEDGED, a.unitId(),
                    a.checkpointId(), a.id(), a.level().code(), a.status(), now).event(app::iso))))
                .map(a);
          }));
    }).onSuccess(a -> Respond.ok(ctx, a.toJson(app::iso))).onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    QueryParams q = new QueryParams(ctx);
    boolean csv = "csv".equals(q.oneOf("format", List.of("json", "csv")));
    Where where = new Where()
        .and("state = ?", q.oneOf("state", Sender.states()))
        .and("channel = ?", q.oneOf("channel", CHANNELS))
        .and("(recipient_id = ? OR ? = ANY(member_ids))", q.id("recipientId"))
        .and("recipient_name = ?", q.text("recipient"))
        .and("rule = ?", q.text("rule"))
        .and("entity_type = ?", q.oneOf("entityType", List.of("alert", "hazard", "transfer", "settings", "base")))
        .and("entity_id = ?", q.id("entityId"))
        .and("created_at >= ?", q.time("from"))
        .and("created_at < ?", q.time("to"));
    if (csv) {
      outbox.all(app.pool(), where, CSV_ROWS).onSuccess(rows -> {
        Csv out = new Csv().row("编号 id", "创建 created", "接收人 recipient", "渠道 channel", "地址 address",
            "规则 rule", "标题 subject", "状态 state", "次数 attempts", "发送 sent", "应答/错误 answer",
            "群消息成员 group members");
        for (Row r : rows) {
          out.row(r.getLong("id"), app.iso(r.getOffsetDateTime("created_at")), r.getString("recipient_name"),
              r.getString("channel"), r.getString("address"), r.getString("rule"), r.getString("subject"),
              r.getString("state"), r.getInteger("attempts"), app.iso(r.getOffsetDateTime("sent_at")),
              r.getString("last_error"), r.getString("members"));
        }
        Respond.csv(ctx, "notifications.csv", out.toString());
      }).onFailure(ctx::fail);
      return;
    }
    PageRequest page = Paging.from(ctx, app.config(), SORTABLE, "-createdAt");
    Respond.ok(ctx, outbox.page(app.pool(), where, page).map(rows -> page.result(rows, this::toJson)));
  }

  private JsonObject toJson(Row r) {
    return new JsonObject().put("id", r.getLong("id")).put("recipientId", r.getLong("recipient_id"))
        .put("recipient", r.getString("recipient_name")).put("address", r.getString("address"))
        .put("channel", r.getString("channel")).put("rule", r.getString("rule")).put("subject", r.getString("subject"))
        .put("message", r.getString("message")).put("link", r.getString("link"))
        .put("entityType", r.getString("entity_type")).put("entityId", r.getLong("entity_id"))
        .put("sourceEventId", r.getLong("source_event_id")).put("state", r.getString("state"))
        .put("attempts", r.getInteger("attempts")).put("nextAttemptAt", app.iso(r.getOffsetDateTime("next_attempt_at")))
        .put("claimedBy", r.getString("claimed_by")).put("answer", r.getString("last_error"))
        .put("createdAt", app.iso(r.getOffsetDateTime("created_at"))).put("sentAt", app.iso(r.getOffsetDateTime("sent_at")))
        .put("acknowledgedBy", r.getString("acknowledged_by")).put("members", r.getString("members"));
  }
}
