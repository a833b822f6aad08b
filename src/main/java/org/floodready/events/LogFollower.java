package org.floodready.events;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one reader of the event log. It LISTENs on {@code live_events} (every node notifies after its
 * commits, {@link CommitNotifier}), polls every {@link #POLL_MS} besides (a lost notice, or a node that died
 * between its commit and its notice, only delays), reads the rows after its cursor in id order, as many
 * pages as there are, and hands them to {@link DomainEvents#deliver}. Everything runs on this verticle's
 * context, so it needs no lock.
 *
 * <p>At an id missing from the log the follower holds back until {@link LogGap} says no transaction that
 * could fill it is still running, so no committed event is delivered out of order or skipped, however long its
 * commit takes. Ids given up after {@link #GAP_GIVE_UP_MS} (a stuck session) are looked for again for
 * {@link #LATE_WATCH_MS}, so such a write is still delivered, late.
 */
public final class LogFollower extends VerticleBase {
  public static final String CHANNEL = "live_events";
  static final long POLL_MS = 1_000;
  static final long GAP_RETRY_MS = 50;
  static final long GAP_GIVE_UP_MS = LogGap.GIVE_UP_MS;
  static final long LATE_WATCH_MS = 600_000;
  static final int READ_LIMIT = 500;
  static final int MAX_WATCHED = 10_000;
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  private final EventLog eventLog;
  private final PgConnectOptions connect;
  private final DomainEvents events;
  private PgSubscriber subscriber;
  private long cursor;
  private final LogGap gap = new LogGap(GAP_GIVE_UP_MS);
  private boolean gapTimer;
  /** The row after a new gap, whose horizon is read once the page that saw it is taken; 0 when none. */
  private long horizonWanted;
  private boolean reading;
  private boolean again;
  /** Ids given up at a gap held too long → when: their write may still commit. */
  private final Map<Long, Long> passed = new LinkedHashMap<>();

  public LogFollower(EventLog eventLog, PgConnectOptions connect, DomainEvents events) {
    this.eventLog = eventLog;
    this.connect = connect;
    this.events = events;
  }

  @Override
  public Future<?> start() {
    return eventLog.newestId().compose(newest -> {
      cursor = newest;
      subscriber = PgSubscriber.subscriber(vertx, connect)
          .reconnectPolicy(retries -> 1_000L); // for ever: the node lives as long as its database
      subscriber.channel(CHANNEL)
          .subscribeHandler(v -> context.runOnContext(x -> read())) // (re)subscribed: catch up by id
          .handler(note -> context.runOnContext(x -> read()));
      vertx.setPeriodic(POLL_MS, t -> read());
      return subscriber.connect();
    });
  }

  @Override
  public Future<?> stop() {
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }

  private void read() {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    again = false;
    Future<List<LoggedEvent>> late = passed.isEmpty() ? Future.succeededFuture(List.of())
        : eventLog.withIds(List.copyOf(passed.keySet()));
    late.compose(found -> eventLog.page(cursor, READ_LIMIT).compose(page -> {
      List<LoggedEvent> batch = new ArrayList<>(found);
      found.forEach(e -> passed.remove(e.id()));
      boolean held = take(page, batch);
      forgetOldPassed();
      if (!batch.isEmpty()) {
        events.deliver(List.copyOf(batch));
      }
      boolean more = !held && page.rows().size() == READ_LIMIT;
      return horizonWanted == 0 ? Future.succeededFuture(more) : readHorizon().map(more);
    })).onComplete(ar -> {
      reading = false;
      if (ar.failed()) {
        log.debug("Event log read failed: {}", ar.cause().toString());
      } else if (again || ar.result()) {
        read();
      } else if (gap.open()) {
        retryAtGap();
      }
    });
  }

  /** The new gap's horizon: a transaction id drawn now, after the snapshot that saw the gap. */
  private Future<Void> readHorizon() {
    long next = horizonWanted;
    horizonWanted = 0;
    return eventLog.drawTransactionId().map(xid -> {
      gap.horizon(next, xid);
      return null;
    });
  }

  /** Adds to {@code batch} the rows that follow the cursor; answers whether it holds back at a gap. */
  private boolean take(EventLog.Page page, List<LoggedEvent> batch) {
    for (LoggedEvent e : page.rows()) {
      if (e.id() <= cursor) {
        continue;
      }
      if (e.id() != cursor + 1 && !gapEnded(page, e.id())) {
        return true;
      }
      gap.passed();
      cursor = e.id();
      batch.add(e);
    }
    return false;
  }

  /** Whether the follower may pass the ids between the cursor and {@code next} (all missing from the page). */
  private boolean gapEnded(EventLog.Page page, long next) {
    long now = System.currentTimeMillis();
    switch (gap.at(next, page.xmin(), now)) {
      case HOLD:
        return false;
      case NEEDS_HORIZON:
        horizonWanted = next;
        return false;
      case ROLLED_BACK:
        log.debug("Ids {}..{} of the event log rolled back", cursor + 1, next - 1);
        return true;
      default:
        log.warn("Event log ids {}..{} held back for {} s by a transaction still open: passed, watched for {} s",
            cursor + 1, next - 1, gap.heldMs(now) / 1000, LATE_WATCH_MS / 1000);
        for (long missing = cursor + 1; missing < next && passed.size() < MAX_WATCHED; missing++) {
          passed.put(missing, now);
        }
        return true;
    }
  }

  /** A gap whose write rolled back brings no notice: look again shortly. */
  private void retryAtGap() {
    if (!gapTimer) {
      gapTimer = true;
      vertx.setTimer(GAP_RETRY_MS, t -> {
        gapTimer = false;
        read();
      });
    }
  }

  private void forgetOldPassed() {
    long limit = System.currentTimeMillis() - LATE_WATCH_MS;
    for (Iterator<Long> at = passed.values().iterator(); at.hasNext(); ) {
      if (at.next() < limit) {
        at.remove();
      } else {
        break;
      }
    }
  }
}
