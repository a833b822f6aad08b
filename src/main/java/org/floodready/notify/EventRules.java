package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.floodready.events.EventType;
import org.floodready.inventory.CoverageRow;
import org.floodready.inventory.CoverageService;

/**
 * The notification rules: which people hear of which fact, and what they read. Who hears is read from the
 * admin-editable rules ({@link RulesCache}); the defaults seeded by V18 are:
 * <ul>
 *   <li>alert raised or risen → the checkpoint's inspectors, the officers on duty and the unit's responsible
 *       persons; red also the leader on call;</li>
 *   <li>hazard assigned → the assigned unit's responsible persons;</li>
 *   <li>hazard overdue (escalated, 挂牌督办) → that unit's responsible persons and the officers on duty;</li>
 *   <li>tracked transfer dispatched → the receiving base's keepers;</li>
 *   <li>response level changed → every unit's responsible persons, and the keepers of each base that falls
 *       short of its quota at the new level.</li>
 * </ul>
 */
final class EventRules {
  static final List<String> TYPES = Stream.of(EventType.ALERT_RAISED, EventType.HAZARD_CHANGED,
      EventType.TRANSFER_CHANGED, EventType.RESPONSE_LEVEL_CHANGED).map(EventType::wireName).toList();

  private final Recipients recipients;
  private final Texts texts;
  private final String publicUrl;
  private final AckLinks acks;
  private final CoverageService coverage;
  private final RulesCache rules;

  EventRules(Recipients recipients, Texts texts, String publicUrl, AckLinks acks, CoverageService coverage,
      RulesCache rules) {
    this.rules = rules;
    this.coverage = coverage;
    this.recipients = recipients;
    this.texts = texts;
    this.publicUrl = publicUrl;
    this.acks = acks;
  }

  Future<List<Draft>> drafts(SqlClient db, long eventId, String type, JsonObject payload, OffsetDateTime now) {
    EventType kind = EventType.of(type).orElse(null);
    if (kind == null) {
      return none();
    }
    return switch (kind) {
      case ALERT_RAISED -> alertRaised(db, eventId, payload.getLong("alertId"), now);
      case HAZARD_CHANGED -> hazardChanged(db, eventId, payload.getLong("hazardId"), now);
      case TRANSFER_CHANGED -> "dispatched".equals(payload.getString("status"))
          ? transferDispatched(db, eventId, payload.getLong("transferId"), now) : none();
      case RESPONSE_LEVEL_CHANGED -> responseLevel(db, eventId, payload.getString("level"),
          payload.getString("previous"), now);
      default -> none();
    };
  }

  /** The people the stored rule names for a fact in that scope. */
  private Future<List<Person>> named(SqlClient db, String rule, String level, Recipients.Scope scope,
      OffsetDateTime now) {
    return rules.get().compose(set -> recipients.resolve(db, set.recipientsOf(rule, level), scope, now))
        .compose(ids -> recipients.people(db, ids));
  }

  private static Future<List<Draft>> none() {
    return Future.succeededFuture(List.of());
  }

  private Future<List<Draft>> alertRaised(SqlClient db, long eventId, Long alertId, OffsetDateTime now) {
    if (alertId == null) {
      return none();
    }
    return AlertFacts.find(db, alertId).compose(found -> {
      if (found.isEmpty() || !found.get().open()) {
        return none();
      }
      AlertFacts a = found.get();
      return named(db, "alert.raised", a.level(), new Recipients.Scope(a.unitId(), a.checkpointId(), null), now)
          .map(people -> {
            String subject = "【防汛预警】" + Texts.level(a.level()) + "预警 " + a.nameZh();
            String message = a.describe(texts) + "，请及时确认处置。";
            return people.stream().map(p -> new Draft(p, "alert.raised", subject, message,
                a.link(publicUrl, acks.token(a.id(), p.id(), now.toInstant())),
                "alert", a.id(), eventId, "alert:" + a.id() + ":" + a.level())).toList();
          });
    });
  }

  private Future<List<Draft>> hazardChanged(SqlClient db, long eventId, Long hazardId, OffsetDateTime now) {
    if (hazardId == null) {
      return none();
    }
    return db.preparedQuery("SELECT h.id, h.status, h.type, h.severity, h.description, h.unit_id, h.assigned_unit_id,"
            + " h.assigned_at, h.deadline_at, h.escalated_at, coalesce(au.name_zh, u.name_zh) AS unit_name,"
            + " r.name_zh AS reach_name FROM hazards h JOIN units u ON u.id = h.unit_id"
            + " LEFT JOIN units au ON au.id = h.assigned_unit_id LEFT JOIN reaches r ON r.id = h.reach_id"
            + " WHERE h.id = $1")
        .execute(Tuple.of(hazardId))
        .compose(rows -> {
          Optional<Row> found = rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
          if (found.isEmpty()) {
            return none();
          }
          Row h = found.get();
          String status = h.getString("status");
          boolean open = "assigned".equals(status) || "rectifying".equals(status);
          long unitId = h.getLong("assigned_unit_id") != null ? h.getLong("assigned_unit_id") : h.getLong("unit_id");
          String where = (h.getString("reach_name") == null ? "" : h.getString("reach_name") + " ")
              + h.getString("unit_name");
          String what = "隐患 #" + h.getLong("id") + "（" + h.getString("type") + "，" + severity(h.getString("severity"))
              + "）：" + shorten(h.getString("description"), 60);
          String link = publicUrl + "/#hazard-" + h.getLong("id");
          if (open && h.getOffsetDateTime("escalated_at") != null) {
            OffsetDateTime at = h.getOffsetDateTime("escalated_at");
            return named(db, "hazard.escalated", "", new Recipients.Scope(unitId, null, null), now)
                .map(people -> people.stream().map(p -> new Draft(p, "hazard.escalated", "【挂牌督办】隐患逾期 " + where,
                    what + "。整改期限 " + texts.time(h.getOffsetDateTime("deadline_at")) + " 已过，"
                        + texts.time(at) + " 挂牌督办。", link, "hazard", h.getLong("id"), eventId,
                    "hazard:" + h.getLong("id") + ":escalated:" + at.toEpochSecond())).toList());
          }
          if ("assigned".equals(status) && h.getOffsetDateTime("assigned_at") != null) {
            OffsetDateTime at = h.getOffsetDateTime("assigned_at");
            return named(db, "hazard.assigned", "", new Recipients.Scope(unitId, null, null), now)
                .map(people -> people.stream().map(p -> new Draft(p, "hazard.assigned", "【隐患交办】" + where,
                    what + "。" + texts.time(at) + " 交办，整改期限 " + texts.time(h.getOffsetDateTime("deadline_at"))
                        + "。", link, "hazard", h.getLong("id"), eventId,
                    "hazard:" + h.getLong("id") + ":assigned:" + at.toEpochSecond())).toList());
          }
          return none();
        });
  }

  private Future<List<Draft>> transferDispatched(SqlClient db, long eventId, Long transferId, OffsetDateTime now) {
    if (transferId == null) {
      return none();
    }
    return db.preparedQuery("SELECT t.id, t.to_base_id, tb.unit_id AS to_unit_id, t.quantity, t.tracked, t.dispatched_at, i.name_zh AS item,"
            + " i.unit_of_measure, fb.name_zh AS from_base, tb.name_zh AS to_base FROM transfers t"
            + " JOIN items i ON i.id = t.item_id JOIN bases fb ON fb.id = t.from_base_id"
            + " JOIN bases tb ON tb.id = t.to_base_id WHERE t.id = $1")
        .execute(Tuple.of(transferId))
        .compose(rows -> {
          if (rows.size() == 0 || !rows.iterator().next().getBoolean("tracked")) {
            return none();
          }
          Row t = rows.iterator().next();
          String message = t.getString("from_base") + " 调拨 " + t.getString("item") + " "
              + t.getBigDecimal("quantity").stripTrailingZeros().toPlainString() + t.getString("unit_of_measure")
              + " 至 " + t.getString("to_base") + "，" + texts.time(t.getOffsetDateTime("dispatched_at"))
              + " 已下达，请准备接收。";
          return named(db, "transfer.dispatched", "",
              new Recipients.Scope(t.getLong("to_unit_id"), null, t.getLong("to_base_id")), now)
              .map(people -> people.stream().map(p -> new Draft(p, "transfer.dispatched",
                  "【物资调拨】" + t.getString("to_base") + " 待接收", message,
                  publicUrl + "/#transfer-" + t.getLong("id"), "transfer", t.getLong("id"), eventId,
                  "transfer:" + t.getLong("id") + ":dispatched")).toList());
        });
  }

  private Future<List<Draft>> responseLevel(SqlClient db, long eventId, String level, String previous,
      OffsetDateTime now) {
    String message = "全区防汛应急响应由" + Texts.responseLevel(previous) + "调整为" + Texts.responseLevel(level) + "（"
        + texts.time(now) + "），请按新等级落实人员、物资和值守。";
    List<Draft> drafts = new ArrayList<>();
    return named(db, "response_level.changed", "", new Recipients.Scope(null, null, null), now)
        .map(people -> people.stream().map(p -> new Draft(p, "response_level.changed",
            "【应急响应】" + Texts.responseLevel(level), message, publicUrl + "/", "settings", 0, eventId,
            "response_level:" + eventId)).toList())
        .compose(told -> {
          drafts.addAll(told);
          return coverage.coverage(now);
        })
        .compose(rows -> {
          Map<Long, List<CoverageRow>> shortByBase = new TreeMap<>();
          rows.stream().filter(r -> r.usable().compareTo(r.required()) < 0)
              .forEach(r -> shortByBase.computeIfAbsent(r.baseId(), b -> new ArrayList<>()).add(r));
          Future<Void> chain = Future.succeededFuture();
          for (var base : shortByBase.entrySet()) {
            Recipients.Scope scope = new Recipients.Scope(base.getValue().get(0).unitId(), null, base.getKey());
            chain = chain.compose(v -> named(db, "quota.short", "", scope, now)
                .map(keepers -> {
                  keepers.forEach(p -> drafts.add(shortfall(p, base.getValue(), level, eventId)));
                  return null;
                }));
          }
          return chain.map(drafts);
        });
  }

  /** A base short of quota at the new level: which items, how much is missing. */
  private Draft shortfall(Person keeper, List<CoverageRow> lines, String level, long eventId) {
    CoverageRow first = lines.get(0);
    String items = lines.stream().limit(3).map(r -> r.itemNameZh() + " 缺 "
        + r.required().subtract(r.usable()).stripTrailingZeros().toPlainString()).collect(Collectors.joining("，"));
    String message = "应急响应" + Texts.responseLevel(level) + "：" + first.baseNameZh() + " 有 " + lines.size()
        + " 项物资低于储备定额（" + items + (lines.size() > 3 ? "…" : "") + "），请补足或申请调拨。";
    return new Draft(keeper, "quota.short", "【储备不足】" + first.baseNameZh(), message, publicUrl + "/",
        "base", first.baseId(), eventId, "quota_short:" + eventId + ":" + first.baseId());
  }

  private static String severity(String s) {
    return switch (s) {
      case "high" -> "严重";
      case "medium" -> "较重";
      default -> "一般";
    };
  }

  static String shorten(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
