package org.floodready.checkpoints;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.floodready.access.CurrentUser;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;
import org.floodready.events.EventType;

/**
 * Alerts and their transitions. Every transition is one conditional statement that also writes its
 * alert_events row, so concurrent sweeps on several nodes each apply a transition at most once.
 */
public final class AlertRepository {
  private static final String EVENT_COLUMNS = "alert_id, at, action, status, level, actor_id, actor_name, comment";

  private final Pool pool;

  public AlertRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Alert>> find(SqlClient client, long id) {
    return client.preparedQuery(Alert.SELECT + " WHERE a.id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Alert.from(rows.iterator().next())));
  }

  public Future<Optional<Alert>> find(long id) {
    return find(pool, id);
  }

  public Future<Optional<Alert>> openOf(SqlClient tx, long checkpointId, String kind) {
    return tx.preparedQuery(Alert.SELECT + " WHERE a.checkpoint_id = $1 AND a.kind = $2 AND a.status <> 'resolved'"
            + " FOR UPDATE OF a")
        .execute(Tuple.of(checkpointId, kind))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Alert.from(rows.iterator().next())));
  }

  public Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(Alert.COLUMNS, Alert.FROM, where))
        .execute(where.tuple());
  }

  /** Like {@link #page}, with the last acknowledgement's actor and comment ({@code ack_by}, {@code ack_comment}). */
  public Future<RowSet<Row>> pageWithAcknowledgement(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(Alert.COLUMNS + ", ack.actor_name AS ack_by, ack.comment AS ack_comment",
            Alert.FROM + " LEFT JOIN LATERAL (SELECT e.actor_name, e.comment FROM alert_events e"
                + " WHERE e.alert_id = a.id AND e.action = 'acknowledged' ORDER BY e.id DESC LIMIT 1) ack ON true",
            where))
        .execute(where.tuple());
  }

  public Future<RowSet<Row>> events(long alertId) {
    return events(pool, alertId);
  }

  /** Raises a level alert; the unique index on open alerts makes a concurrent second raise a no-op. */
  public Future<Optional<Long>> raise(SqlClient tx, long checkpointId, String kind, WarningLevel level, String reason,
      Double value, OffsetDateTime triggerAt, OffsetDateTime now) {
    return tx.preparedQuery("""
            WITH ins AS (
              INSERT INTO alerts (checkpoint_id, kind, level, status, reason, trigger_value, trigger_at, raised_at,
                level_raised_at, updated_at)
              VALUES ($1, $2, $3, 'raised', $4, $5::float8::numeric(8, 2), $6, $7, $7, $7)
              ON CONFLICT (checkpoint_id, kind) WHERE status <> 'resolved' DO NOTHING
              RETURNING id, level, status, raised_at)
            INSERT INTO alert_events (""" + EVENT_COLUMNS + """
            ) SELECT id, raised_at, 'raised', status, level, NULL, 'system', $4 FROM ins
            RETURNING alert_id""")
        .execute(Tuple.of(checkpointId, kind, level.code(), reason, value, triggerAt, now))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("alert_id")));
  }

  /** A higher level on an open alert: it needs acknowledging again. */
  public Future<Void> upgrade(SqlClient tx, long alertId, WarningLevel level, String reason, Double value,
      OffsetDateTime triggerAt, OffsetDateTime now) {
    return tx.preparedQuery("""
            WITH up AS (
              UPDATE alerts SET level = $2, status = 'raised', reason = $3, trigger_value = $4::float8::numeric(8, 2),
                trigger_at = $5, level_raised_at = $6, escalated_at = NULL, revision = revision + 1, updated_at = $6
              WHERE id = $1 AND status <> 'resolved' RETURNING id, level, status)
            INSERT INTO alert_events (""" + EVENT_COLUMNS + """
            ) SELECT id, $6, 'upgraded', status, level, NULL, 'system', $3 FROM up""")
        .execute(Tuple.of(alertId, level.code(), reason, value, triggerAt, now))
        .mapEmpty();
  }

  /** Acknowledges a raised or escalated alert; empty when it is in another state. */
  public Future<Optional<Alert>> acknowledge(SqlClient tx, long id, CurrentUser actor, String comment,
      OffsetDateTime now) {
    return transition(tx, "status = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3",
        "status IN ('raised', 'escalated')", "acknowledged", id, actor, comment, now);
  }

  /** Resolves an open alert by hand; empty when it is already resolved. */
  public Future<Optional<Alert>> resolve(SqlClient tx, long id, CurrentUser actor, String comment,
      OffsetDateTime now) {
    return transition(tx, "status = 'resolved', resolved_at = $2, resolved_by = $3", "status <> 'resolved'",
        "resolved", id, actor, comment, now);
  }

  private Future<Optional<Alert>> transition(SqlClient tx, String set, String when, String action, long id,
      CurrentUser actor, String comment, OffsetDateTime now) {
    return tx.preparedQuery("WITH up AS (UPDATE alerts SET " + set + ", revision = revision + 1, updated_at = $2"
            + " WHERE id = $1 AND " + when + " RETURNING id, level, status)"
            + " INSERT INTO alert_events (" + EVENT_COLUMNS + ")"
            + " SELECT id, $2, '" + action + "', status, level, $3, $4, $5 FROM up RETURNING alert_id")
        .execute(Tuple.of(id, now, actor.id(), actor.username(), comment))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(Optional.<Alert>empty()) : find(tx, id));
  }

  /**
   * Withdraws the alert's public messages (CAP Cancel) with the reason; false when they were withdrawn
   * already (a unique index allows one withdrawal per alert, so of two at once one is refused).
   */
  public Future<Boolean> withdraw(SqlClient tx, long id, CurrentUser actor, String reason, OffsetDateTime now) {
    return tx.preparedQuery("WITH up AS (UPDATE alerts SET revision = revision + 1, updated_at = $2 WHERE id = $1"
            + " RETURNING id, level, status) INSERT INTO alert_events (" + EVENT_COLUMNS + ")"
            + " SELECT id, $2, '" + CapDocument.WITHDRAWN + "', status, level, $3, $4, $5 FROM up"
            + " ON CONFLICT (alert_id) WHERE action = '" + CapDocument.WITHDRAWN + "' DO NOTHING RETURNING alert_id")
        .execute(Tuple.of(id, now, actor.id(), actor.username(), reason))
        .map(rows -> rows.size() > 0);
  }

  /** The alerts withdrawn since {@code since} with when and why, for the Atom index's Cancel entries. */
  public Future<RowSet<Row>> withdrawnSince(Where where, OffsetDateTime since) {
    where.and("w.at >= ?", since);
    return pool.preparedQuery("SELECT " + Alert.COLUMNS + ", w.at AS withdrawn_at, w.comment AS withdraw_reason"
            + Alert.FROM + " JOIN alert_events w ON w.alert_id = a.id AND w.action = '" + CapDocument.WITHDRAWN + "'"
            + where.sql() + " ORDER BY w.at DESC LIMIT 500")
        .execute(where.tuple());
  }

  public Future<RowSet<Row>> events(SqlClient client, long alertId) {
    return client.preparedQuery("SELECT id, " + EVENT_COLUMNS + " FROM alert_events WHERE alert_id = $1 ORDER BY id")
        .execute(Tuple.of(alertId));
  }

  /** Resolves the open silent alert of a checkpoint that sent a reading again. */
  public Future<List<Alert.Change>> resolveSilent(SqlClient tx, long checkpointId, long unitId, OffsetDateTime now) {
    return tx.preparedQuery("""
            WITH up AS (
              UPDATE alerts SET status = 'resolved', resolved_at = $2, revision = revision + 1, updated_at = $2
              WHERE checkpoint_id = $1 AND kind = 'silent' AND status <> 'resolved' RETURNING id, level, status)
            INSERT INTO alert_events (""" + EVENT_COLUMNS + """
            ) SELECT id, $2, 'resolved', status, level, NULL, 'system', 'readings received again' FROM up
            RETURNING alert_id, level, status""")
        .execute(Tuple.of(checkpointId, now))
        .map(rows -> changes(rows, EventType.ALERT_RESOLVED, unitId, checkpointId, now));
  }

  /** Escalates raised alerts left unacknowledged longer than their level allows. */
  public Future<List<Alert.Change>> escalateDue(SqlClient client, OffsetDateTime now) {
    return client.preparedQuery("""
            WITH up AS (
              UPDATE alerts SET status = 'escalated', escalated_at = $1, revision = revision + 1, updated_at = $1
              WHERE status = 'raised' AND level_raised_at <= $1::timestamptz - make_interval(mins => CASE level
                WHEN 'red' THEN $2::int WHEN 'orange' THEN $3::int WHEN 'yellow' THEN $4::int ELSE $5::int END)
              RETURNING id, checkpoint_id, level, status),
            ev AS (
              INSERT INTO alert_events (""" + EVENT_COLUMNS + """
              ) SELECT id, $1, 'escalated', status, level, NULL, 'system', 'not acknowledged in time' FROM up)
            SELECT up.id AS alert_id, up.checkpoint_id, up.level, up.status, c.unit_id
            FROM up JOIN checkpoints c ON c.id = up.checkpoint_id""")
        .execute(Tuple.of(now, CheckpointDefaults.ESCALATE_RED_MINUTES, CheckpointDefaults.ESCALATE_ORANGE_MINUTES,
            CheckpointDefaults.ESCALATE_YELLOW_MINUTES, CheckpointDefaults.ESCALATE_BLUE_MINUTES))
        .map(rows -> changes(rows, EventType.ALERT_ESCALATED, now));
  }

  /**
   * Resolves level alerts of checkpoints whose level has stayed at none for their resolve time. The
   * state rows are locked first so a reading raising the level at the same moment is not overtaken.
   */
  public Future<List<Alert.Change>> resolveCleared(SqlClient client, OffsetDateTime now) {
    return client.preparedQuery("""
            WITH due AS (
              SELECT s.checkpoint_id FROM checkpoint_state s JOIN checkpoints c ON c.id = s.checkpoint_id
              WHERE s.level = 'none' AND s.clear_since IS NOT NULL
                AND s.clear_since <= $1::timestamptz - make_interval(mins => coalesce(c.resolve_minutes, $2::int))
                AND EXISTS (SELECT 1 FROM alerts a WHERE a.checkpoint_id = s.checkpoint_id AND a.kind = 'level'
                  AND a.status <> 'resolved')
              FOR UPDATE OF s),
            up AS (
              UPDATE alerts SET status = 'resolved', resolved_at = $1, revision = revision + 1, updated_at = $1
              WHERE kind = 'level' AND status <> 'resolved' AND checkpoint_id IN (SELECT checkpoint_id FROM due)
              RETURNING id, checkpoint_id, level, status),
            ev AS (
              INSERT INTO alert_events (""" + EVENT_COLUMNS + """
              ) SELECT id, $1, 'resolved', status, level, NULL, 'system', 'level back below threshold minus margin'
              FROM up)
            SELECT up.id AS alert_id, up.checkpoint_id, up.level, up.status, c.unit_id
            FROM up JOIN checkpoints c ON c.id = up.checkpoint_id""")
        .execute(Tuple.of(now, CheckpointDefaults.RESOLVE_MINUTES))
        .map(rows -> changes(rows, EventType.ALERT_RESOLVED, now));
  }

  /** Raises a silent alert for every gauged (or overridden) checkpoint without a recent reading. */
  public Future<List<Alert.Change>> raiseSilent(SqlClient client, OffsetDateTime now, int defaultSilentMinutes,
      java.time.ZoneId zone) {
    return client.preparedQuery("""
            WITH silent AS (
              SELECT c.id, coalesce(s.last_reading_at, c.created_at) AS last_seen
              FROM checkpoints c JOIN checkpoint_state s ON s.checkpoint_id = c.id
              WHERE\s""" + SilentRule.CONDITION + """
            ),
            ins AS (
              INSERT INTO alerts (checkpoint_id, kind, level, status, reason, trigger_at, raised_at, level_raised_at,
                updated_at)
              SELECT id, 'silent', $3, 'raised', 'no reading since ' || to_char(last_seen AT TIME ZONE $4,
                'YYYY-MM-DD HH24:MI'), last_seen, $1, $1, $1 FROM silent
              ON CONFLICT (checkpoint_id, kind) WHERE status <> 'resolved' DO NOTHING
              RETURNING id, checkpoint_id, level, status, reason),
            ev AS (
              INSERT INTO alert_events (""" + EVENT_COLUMNS + """
              ) SELECT id, $1, 'raised', status, level, NULL, 'system', reason FROM ins)
            SELECT ins.id AS alert_id, ins.checkpoint_id, ins.level, ins.status, c.unit_id
            FROM ins JOIN checkpoints c ON c.id = ins.checkpoint_id""")
        .execute(Tuple.of(now, defaultSilentMinutes, CheckpointDefaults.SILENT_ALERT_LEVEL.code(),
            zone.getId()))
        .map(rows -> changes(rows, EventType.ALERT_RAISED, now));
  }

  private static List<Alert.Change> changes(RowSet<Row> rows, EventType type, OffsetDateTime now) {
    List<Alert.Change> out = new ArrayList<>();
    rows.forEach(r -> out.add(new Alert.Change(type, r.getLong("unit_id"), r.getLong("checkpoint_id"),
        r.getLong("alert_id"), r.getString("level"), r.getString("status"), now)));
    return out;
  }

  private static List<Alert.Change> changes(RowSet<Row> rows, EventType type, long unitId, long checkpointId,
      OffsetDateTime now) {
    List<Alert.Change> out = new ArrayList<>();
    rows.forEach(r -> out.add(new Alert.Change(type, unitId, checkpointId, r.getLong("alert_id"),
        r.getString("level"), r.getString("status"), now)));
    return out;
  }
}
