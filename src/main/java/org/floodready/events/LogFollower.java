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
 * <p>Ids are drawn at insert, not at commit: a write that took id 7 may commit after the write that took
 * id 8, or roll back. At a missing id the follower holds back, and does not guess by the clock: each read
 * also gives its snapshot's horizon ({@link EventLog.Page}). A transaction draws a log id only once it has a
 * transaction id (V21), so whatever took a missing id below a row seen in a snapshot has a transaction id
 * below that snapshot's {@code xmax}. Once a later snapshot's {@code xmin} has passed that {@code xmax},
 * every such transaction has ended: a missing id still not in the log then rolled back and is passed. So
 * no committed event is delivered out of order or skipped, however long its commit takes, and a rollback
 * holds the follower only until the transactions that were running with it have ended. A transaction left
 * open for {@link #GAP_GIVE_UP_MS} (a stuck session holds the horizon) is passed with a warning, and its
 * ids are looked for again for {@link #LATE_WATCH_MS}, so such a write is still delivered, late.
 */
public final class LogFollower extends VerticleBase {
  public static final String CHANNEL = "live_events";
  static final long POLL_MS = 1_000;
  static final long GAP_RETRY_MS = 50;
  static final long GAP_GIVE_UP_MS = 120_000;
  static final long LATE_WATCH_MS = 600_000;
  static final int READ_LIMIT = 500;
  static final int MAX_WATCHED = 10_000;
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  private final EventLog eventLog;
  private final PgConnectOptions connect;
  private final DomainEvents events;
  private PgSubscriber subscriber;
  private long cursor;
  /** Missing ids below {@code gapBelow} can no longer commit once a snapshot's xmin reaches {@code gapHorizon}. */
  private long gapBelow;
  private long gapHorizon;
  private long gapSince;
  private boolean gapTimer;
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
    late.compose(found -> eventLog.page(cursor, READ_LIMIT).map(page -> {
      List<LoggedEvent> batch = new ArrayList<>(found);
      found.forEach(e -> passed.remove(e.id()));
      boolean held = take(page, batch);
      forgetOldPassed();
      if (!batch.isEmpty()) {
        events.deliver(List.copyOf(batch));
      }
      return !held && page.rows().size() == READ_LIMIT;
    })).onComplete(ar -> {
      reading = false;
      if (ar.failed()) {
        log.debug("Event log read failed: {}", ar.cause().toString());
      } else if (again || ar.result()) {
        read();
      } else if (gapSince != 0) {
        retryAtGap();
      }
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
      gapSince = 0;
      cursor = e.id();
      batch.add(e);
    }
    return false;
  }

  /** Whether the ids between the cursor and {@code next} (all missing from the page) will never commit. */
  private boolean gapEnded(EventLog.Page page, long next) {
    long now = System.currentTimeMillis();
    if (gapSince == 0) {
      gapSince = now;
    }
    if (gapHorizon == 0 || next > gapBelow) {
      // whatever took these ids drew them before `next`, which this snapshot sees committed
      gapHorizon = page.xmax();
      gapBelow = next;
    }
    if (page.xmin() >= gapHorizon) {
      log.debug("Ids {}..{} of the event log rolled back", cursor + 1, next - 1);
      return true;
    }
    if (now - gapSince < GAP_GIVE_UP_MS) {
      return false;
    }
    log.warn("Event log ids {}..{} held back for {} s by a transaction still open: passed, watched for {} s",
        cursor + 1, next - 1, (now - gapSince) / 1000, LATE_WATCH_MS / 1000);
    for (long missing = cursor + 1; missing < next && passed.size() < MAX_WATCHED; missing++) {
      passed.put(missing, now);
    }
    return true;
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
