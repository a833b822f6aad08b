package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.floodready.events.EventLog;
import org.floodready.db.DatabaseUnavailable;
import org.floodready.events.LogGap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the live log (table live_events) by id with a cursor stored in PostgreSQL and turns the events
 * into notifications. One transaction locks the cursor row, reads the events after it, inserts their
 * notifications and moves the cursor: a node that finds the row locked skips the round, so each event is
 * handled once in the cluster, and a crash rolls the whole round back. An id missing from the log (a write
 * whose log row has not committed yet) stops the round there until it appears or {@link LogGap} says it
 * rolled back, as for the node's live follower.
 */
final class EventFollower {
  private static final Logger log = LoggerFactory.getLogger(EventFollower.class);
  private static final int BATCH = 500;

  private final Pool pool;
  private final EventRules rules;
  private final NotificationRepository outbox;
  private final LongSupplier millis;
  private final EventLog eventLog;
  private final LogGap gap = new LogGap(LogGap.GIVE_UP_MS);
  /** The row after a new gap, whose horizon is drawn once the round has ended; 0 when none. */
  private long horizonWanted;

  EventFollower(Pool pool, EventRules rules, NotificationRepository outbox, LongSupplier millis) {
    this.pool = pool;
    this.eventLog = new EventLog(pool);
    this.rules = rules;
    this.outbox = outbox;
    this.millis = millis;
  }

  record Event(long id, String type, JsonObject payload) {
  }

  /** One round; answers the notifications made (0 when another node holds the cursor). */
  Future<Integer> run(OffsetDateTime now) {
    horizonWanted = 0;
    return locked(now).compose(made -> horizonWanted == 0 ? Future.succeededFuture(made)
        // after the round's transaction: drawn after the snapshot that saw the new gap
        : eventLog.drawTransactionId().map(xid -> {
          gap.horizon(horizonWanted, xid);
          return made;
        }));
  }

  private Future<Integer> locked(OffsetDateTime now) {
    // a look without a lock first: an idle round takes no row lock (and so no transaction id)
    return pool.query("SELECT c.last_id < coalesce((SELECT max(id) FROM live_events), 0) AS behind"
            + " FROM notify_cursor c WHERE c.name = 'events'").execute()
        .compose(look -> look.size() == 0 || !look.iterator().next().getBoolean("behind") ? Future.succeededFuture(0)
            : pool.withTransaction(tx -> tx.query("SELECT last_id FROM notify_cursor WHERE name = 'events'"
                    + " FOR UPDATE SKIP LOCKED").execute()
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture(0)
                    : round(tx, rows.iterator().next().getLong("last_id"), now))));
  }

  private Future<Integer> round(SqlConnection tx, long last, OffsetDateTime now) {
    return tx.preparedQuery(EventLog.withHorizon("SELECT id, type, CASE WHEN type = ANY($2) THEN payload END"
            + " AS payload FROM live_events WHERE id > $1 ORDER BY id LIMIT $3"))
        .execute(Tuple.of(last, EventRules.TYPES.toArray(new String[0]), BATCH))
        .compose(rows -> {
          List<Event> due = contiguous(last, rows);
          if (due.isEmpty()) {
            return Future.succeededFuture(0);
          }
          List<Draft> drafts = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          for (Event e : due) {
            if (e.payload() != null) {
              // a savepoint per event: one the rules cannot handle is logged and passed, never blocks the log
              chain = chain.compose(v -> tx.query("SAVEPOINT notify_event").execute())
                  .compose(v -> rules.drafts(tx, e.id(), e.type(), e.payload(), now))
                  .compose(list -> {
                    drafts.addAll(list);
                    return tx.query("RELEASE SAVEPOINT notify_event").execute().<Void>mapEmpty();
                  }, failure -> {
                    if (DatabaseUnavailable.is(failure)) {
                      // not the event's fault: the round rolls back and the event is read again next round
                      return Future.failedFuture(failure);
                    }
                    log.warn("Notifications: event {} ({}) skipped: {}", e.id(), e.type(), failure.toString());
                    return tx.query("ROLLBACK TO SAVEPOINT notify_event").execute().<Void>mapEmpty();
                  });
            }
          }
          long newLast = due.get(due.size() - 1).id();
          return chain.compose(v -> outbox.insert(tx, drafts, now))
              .compose(made -> tx.preparedQuery("UPDATE notify_cursor SET last_id = $1 WHERE name = 'events'")
                  .execute(Tuple.of(newLast)).map(made));
        });
  }

  /** The events that follow the cursor without a gap, or across one that can no longer be filled. */
  private List<Event> contiguous(long last, Iterable<Row> rows) {
    List<Event> due = new ArrayList<>();
    long expected = last + 1;
    for (Row r : rows) {
      Long id = r.getLong("id");
      if (id == null) {
        break; // nothing after the cursor: the row only carries the snapshot
      }
      if (id != expected) {
        LogGap.Verdict verdict = gap.at(id, r.getLong("xmin"), millis.getAsLong());
        if (verdict == LogGap.Verdict.NEEDS_HORIZON) {
          horizonWanted = id;
          break;
        }
        if (verdict == LogGap.Verdict.HOLD) {
          break;
        }
        if (verdict == LogGap.Verdict.GIVEN_UP) {
          log.warn("Notifications: event log ids {}..{} held back by a transaction still open: passed", expected, id - 1);
        }
      }
      gap.passed();
      due.add(new Event(id, r.getString("type"), (JsonObject) r.getJson("payload")));
      expected = id + 1;
    }
    return due;
  }
}
