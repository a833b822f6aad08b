package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** The notifications outbox: rows are created by the rules, claimed and sent by any node. */
final class NotificationRepository {
  static final String COLUMNS = "id, recipient_id, recipient_name, address, channel, rule, subject, message, link,"
      + " entity_type, entity_id, source_event_id, state, attempts, next_attempt_at, claimed_by, last_error,"
      + " created_at, sent_at, member_ids, members";

  /** Who acknowledged the alert a message was about (the delivery log closes the loop). */
  private static final String ACKNOWLEDGED_BY = "(SELECT u.display_name FROM alerts a JOIN users u ON u.id = a.acknowledged_by"
      + " WHERE notifications.entity_type = 'alert' AND a.id = notifications.entity_id) AS acknowledged_by";

  /**
   * Inserts the drafts; a fact already notified to that person on that channel is skipped. A work-chat robot
   * posts into a group, so the drafts of one fact on one robot become one row naming them all
   * ({@link RobotGroups}). Answers rows made.
   */
  Future<Integer> insert(SqlClient tx, List<Draft> drafts, OffsetDateTime now) {
    if (drafts.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Tuple> batch = new ArrayList<>();
    RobotGroups groups = new RobotGroups();
    for (Draft d : drafts) {
      String channel = d.to().channel();
      if (RobotGroups.ROBOTS.contains(channel)) {
        groups.add(channel, d);
        continue;
      }
      boolean reachable = !"none".equals(channel);
      batch.add(row(d, d.to().id(), d.to().username(), d.to().address(channel), channel, d.link(),
          reachable ? "pending" : "failed", now, reachable ? null : "无联系方式 no phone or e-mail", null, null));
    }
    for (RobotGroups.Group g : groups.all()) {
      batch.add(row(g.first(), null, g.name(), g.mobiles(), g.channel(), AckLinks.withoutToken(g.first().link()),
          "pending", now, null, g.memberIds(), g.members()));
    }
    return tx.preparedQuery("INSERT INTO notifications (recipient_id, recipient_name, address, channel, rule, subject,"
            + " message, link, entity_type, entity_id, source_event_id, dedup_key, state, next_attempt_at, last_error,"
            + " created_at, member_ids, members) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,"
            + " $15, $14, $16, $17) ON CONFLICT (dedup_key, recipient_name, channel) DO NOTHING")
        .executeBatch(batch)
        .map(rows -> {
          int made = 0;
          for (RowSet<Row> set = rows; set != null; set = set.next()) {
            made += set.rowCount();
          }
          return made;
        });
  }

  private static Tuple row(Draft d, Long recipientId, String recipientName, String address, String channel,
      String link, String state, OffsetDateTime now, String error, Long[] memberIds, String members) {
    return Tuple.wrap(Arrays.asList(recipientId, recipientName, address, channel, d.rule(), d.subject(), d.message(),
        link, d.entityType(), d.entityId(), d.sourceEventId(), d.dedupKey(), state, now, error, memberIds, members));
  }

  /**
   * Claims up to {@code limit} due rows for this node: pending ones whose time has come, and rows another
   * node claimed but whose lease ran out (that node died or hangs). SKIP LOCKED lets nodes claim side by side
   * without waiting on or taking each other's rows; the attempt is counted at the claim.
   */
  Future<List<Outgoing>> claim(Pool pool, String node, OffsetDateTime now, Duration lease, int limit) {
    return pool.preparedQuery("UPDATE notifications SET state = 'sending', claimed_by = $1, claimed_until = $2,"
            + " attempts = attempts + 1 WHERE id IN (SELECT id FROM notifications"
            + " WHERE (state = 'pending' AND next_attempt_at <= $3) OR (state = 'sending' AND claimed_until < $3)"
            + " ORDER BY next_attempt_at, id LIMIT $4 FOR UPDATE SKIP LOCKED)"
            + " RETURNING id, recipient_name, address, channel, subject, message, link, attempts, members")
        .execute(Tuple.of(node, now.plus(lease), now, limit))
        .map(rows -> {
          List<Outgoing> list = new ArrayList<>();
          for (Row r : rows) {
            list.add(new Outgoing(r.getLong("id"), r.getString("recipient_name"), r.getString("address"),
                r.getString("channel"), r.getString("subject"), r.getString("message"), r.getString("link"),
                r.getInteger("attempts"), r.getString("members")));
          }
          return list;
        });
  }

  /** Marks a send done, if this node still holds the claim. */
  Future<Boolean> sent(Pool pool, long id, String node, OffsetDateTime now, String answer) {
    return pool.preparedQuery("UPDATE notifications SET state = 'sent', sent_at = $3, claimed_until = NULL,"
            + " last_error = $4 WHERE id = $1 AND claimed_by = $2 AND state = 'sending'")
        .execute(Tuple.of(id, node, now, answer))
        .map(rows -> rows.rowCount() > 0);
  }

  /**
   * A failed attempt: the row waits {@code base × 2^(attempts-1)} for the next one, or ends failed with the
   * channel's answer after the last attempt (or at once when retrying cannot help).
   */
  Future<Boolean> failed(Pool pool, long id, String node, OffsetDateTime now, String error, int maxAttempts,
      Duration base, boolean permanent) {
    return pool.preparedQuery("UPDATE notifications SET state = CASE WHEN $6 OR attempts >= $4 THEN 'failed'"
            + " ELSE 'pending' END, next_attempt_at = $3 + make_interval(secs => $5 * power(2, least(attempts - 1, 20))),"
            + " claimed_until = NULL, last_error = $7 WHERE id = $1 AND claimed_by = $2 AND state = 'sending'")
        .execute(Tuple.of(id, node, now, maxAttempts, (double) base.toMillis() / 1000.0, permanent, error))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Pending call-down steps of alerts acknowledged or resolved meanwhile are not sent any more. */
  Future<Integer> cancelAnswered(Pool pool) {
    return pool.query("UPDATE notifications n SET state = 'cancelled', last_error = '已确认或已解除 acknowledged or resolved'"
            + " FROM alerts a WHERE n.state = 'pending' AND n.rule = 'alert.calldown' AND n.entity_type = 'alert'"
            + " AND a.id = n.entity_id AND a.status IN ('acknowledged', 'resolved')")
        .execute().map(RowSet::rowCount);
  }

  Future<RowSet<Row>> page(Pool pool, Where where, PageRequest page) {
    return pool.preparedQuery(page.select(COLUMNS + ", " + ACKNOWLEDGED_BY, " FROM notifications", where))
        .execute(where.tuple());
  }

  Future<RowSet<Row>> all(Pool pool, Where where, int limit) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM notifications" + where.sql()
        + " ORDER BY created_at DESC, id DESC LIMIT " + limit).execute(where.tuple());
  }
}
