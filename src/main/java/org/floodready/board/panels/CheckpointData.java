package org.floodready.board.panels;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The board's reads of the checkpoint tables: open alerts, a checkpoint's series and thresholds. */
public final class CheckpointData {
  private final Pool pool;

  CheckpointData(Pool pool) {
    this.pool = pool;
  }

  /**
   * An open alert. The acknowledgement (time, who, comment) is the last one; it no longer counts once the
   * level rose after it ({@code levelRaisedAt} later), and the alert is then "raised" again.
   */
  record OpenAlert(long id, long checkpointId, String checkpointNameZh, long unitId, String kind, String level,
      String status, String reason, OffsetDateTime raisedAt, OffsetDateTime levelRaisedAt,
      OffsetDateTime acknowledgedAt, String acknowledgedBy, String acknowledgementComment,
      OffsetDateTime capWithdrawnAt) {
  }

  public record Site(long id, String nameZh, String kind, BigDecimal normalPool, BigDecimal floodHigh, BigDecimal design,
      BigDecimal check, BigDecimal watch, BigDecimal attention, BigDecimal closeRoad, BigDecimal severe) {
  }

  public record Reading(OffsetDateTime at, double value) {
  }

  public record LimitPeriod(String name, String startMd, String endMd, double level) {
  }

  record AlertOfDay(OffsetDateTime at, String checkpointNameZh, String action, String level, String status,
      String actor, String comment) {
  }

  Future<List<OpenAlert>> openAlerts() {
    return pool.query("""
            SELECT a.id, a.checkpoint_id, c.name_zh, c.unit_id, a.kind, a.level, a.status, a.reason, a.raised_at,
                   a.level_raised_at, a.acknowledged_at, u.display_name AS acked_by,
                   (SELECT e.comment FROM alert_events e WHERE e.alert_id = a.id AND e.action = 'acknowledged'
                    ORDER BY e.id DESC LIMIT 1) AS ack_comment,
                   (SELECT w.at FROM alert_events w WHERE w.alert_id = a.id AND w.action = 'withdrawn') AS withdrawn_at
            FROM alerts a JOIN checkpoints c ON c.id = a.checkpoint_id LEFT JOIN users u ON u.id = a.acknowledged_by
            WHERE a.status <> 'resolved'
            ORDER BY CASE a.level WHEN 'red' THEN 0 WHEN 'orange' THEN 1 WHEN 'yellow' THEN 2 ELSE 3 END,
                     a.raised_at DESC""").execute()
        .map(rows -> {
          List<OpenAlert> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new OpenAlert(r.getLong("id"), r.getLong("checkpoint_id"), r.getString("name_zh"),
                r.getLong("unit_id"), r.getString("kind"), r.getString("level"), r.getString("status"),
                r.getString("reason"), r.getOffsetDateTime("raised_at"), r.getOffsetDateTime("level_raised_at"),
                r.getOffsetDateTime("acknowledged_at"), r.getString("acked_by"), r.getString("ack_comment"),
                r.getOffsetDateTime("withdrawn_at")));
          }
          return out;
        });
  }

  /** Waterlogging points' kinds (underpass, tunnel, culvert, road) by checkpoint id. */
  Future<java.util.Map<Long, String>> pointKinds() {
    return pool.query("SELECT id, point_kind FROM checkpoints WHERE point_kind IS NOT NULL").execute()
        .map(rows -> {
          java.util.Map<Long, String> out = new java.util.HashMap<>();
          rows.forEach(r -> out.put(r.getLong("id"), r.getString("point_kind")));
          return out;
        });
  }

  Future<Optional<Site>> site(long id) {
    return pool.preparedQuery("""
            SELECT id, name_zh, kind, normal_pool_level, flood_high_level, design_flood_level, check_flood_level,
                   watch_cm, attention_cm, close_road_cm, severe_cm
            FROM checkpoints WHERE id = $1""").execute(Tuple.of(id))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row r = rows.iterator().next();
          return Optional.of(new Site(r.getLong("id"), r.getString("name_zh"), r.getString("kind"),
              r.getBigDecimal("normal_pool_level"), r.getBigDecimal("flood_high_level"),
              r.getBigDecimal("design_flood_level"), r.getBigDecimal("check_flood_level"), r.getBigDecimal("watch_cm"),
              r.getBigDecimal("attention_cm"), r.getBigDecimal("close_road_cm"), r.getBigDecimal("severe_cm")));
        });
  }

  /** Non-suspect readings in [from, to], oldest first; at most 2000 (a few weeks of 15-minute data). */
  Future<List<Reading>> readings(long checkpointId, OffsetDateTime from, OffsetDateTime to) {
    return pool.preparedQuery("""
            SELECT measured_at, value FROM readings
            WHERE checkpoint_id = $1 AND measured_at >= $2 AND measured_at <= $3 AND NOT suspect
            ORDER BY measured_at LIMIT 2000""").execute(Tuple.of(checkpointId, from, to))
        .map(rows -> {
          List<Reading> out = new ArrayList<>();
          rows.forEach(r -> out.add(new Reading(r.getOffsetDateTime("measured_at"),
              r.getBigDecimal("value").doubleValue())));
          return out;
        });
  }

  Future<List<LimitPeriod>> floodLimits(long checkpointId) {
    return pool.preparedQuery("SELECT name, start_md, end_md, level FROM flood_limit_periods WHERE checkpoint_id = $1"
            + " ORDER BY start_md").execute(Tuple.of(checkpointId))
        .map(rows -> {
          List<LimitPeriod> out = new ArrayList<>();
          rows.forEach(r -> out.add(new LimitPeriod(r.getString("name"), r.getString("start_md"),
              r.getString("end_md"), r.getBigDecimal("level").doubleValue())));
          return out;
        });
  }

  /** Every alert transition of the day, with who did it and the comment. */
  Future<List<AlertOfDay>> alertEvents(OffsetDateTime from, OffsetDateTime to, int limit) {
    return pool.preparedQuery("""
            SELECT e.at, c.name_zh, e.action, e.level, e.status, e.actor_name, e.comment
            FROM alert_events e JOIN alerts a ON a.id = e.alert_id JOIN checkpoints c ON c.id = a.checkpoint_id
            WHERE e.at >= $1 AND e.at < $2 ORDER BY e.at, e.id LIMIT $3""").execute(Tuple.of(from, to, limit))
        .map(rows -> {
          List<AlertOfDay> out = new ArrayList<>();
          for (Row r : rows) {
            out.add(new AlertOfDay(r.getOffsetDateTime("at"), r.getString("name_zh"), r.getString("action"),
                r.getString("level"), r.getString("status"), r.getString("actor_name"), r.getString("comment")));
          }
          return out;
        });
  }
}
