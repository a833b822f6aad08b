package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Optional;

/** What a message says about an alert: its checkpoint, level, reason and times. */
record AlertFacts(long id, long checkpointId, String nameZh, String checkpointKind, long unitId, String unitName,
    String kind, String level, String status, String reason, OffsetDateTime levelRaisedAt) {

  static final String SELECT = "SELECT a.id, a.checkpoint_id, c.name_zh, c.kind AS checkpoint_kind, c.unit_id,"
      + " u.name_zh AS unit_name, a.kind, a.level, a.status, a.reason, a.level_raised_at FROM alerts a"
      + " JOIN checkpoints c ON c.id = a.checkpoint_id JOIN units u ON u.id = c.unit_id";

  static Future<Optional<AlertFacts>> find(SqlClient db, long alertId) {
    return db.preparedQuery(SELECT + " WHERE a.id = $1").execute(Tuple.of(alertId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
  }

  static AlertFacts from(Row r) {
    return new AlertFacts(r.getLong("id"), r.getLong("checkpoint_id"), r.getString("name_zh"),
        r.getString("checkpoint_kind"), r.getLong("unit_id"), r.getString("unit_name"), r.getString("kind"),
        r.getString("level"), r.getString("status"), r.getString("reason"), r.getOffsetDateTime("level_raised_at"));
  }

  boolean open() {
    return "raised".equals(status) || "escalated".equals(status);
  }

  /** e.g. "红色预警：小魏庄水库（水库，管城回族区）设计洪水位: 156.20 m >= 156.00 m，07-20 03:00". */
  String describe(Texts texts) {
    String what = "silent".equals(kind) ? "监测中断 " + reason : reason;
    return Texts.level(level) + "预警：" + nameZh + "（" + Texts.checkpointKind(checkpointKind) + "，" + unitName + "）"
        + what + "，" + texts.time(levelRaisedAt);
  }

  /** The board's page of the alert, with the recipient's acknowledgement token. */
  String link(String publicUrl, String ackToken) {
    return publicUrl + "/?ack=" + ackToken + "#alert-" + id;
  }
}
