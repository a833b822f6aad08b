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
 * The node's one reader of the event log. It LISTENs on {@code live_events} (PostgreSQL notifies on each
 * commit that appended a row), reads the rows after its cursor in id order and hands them to
 * {@link DomainEvents#deliver}. Everything runs on this verticle's context, so it needs no lock.
 *
 * <p>Ids are handed out at insert, not at commit: a write that took id 7 may commit after the write that
 * took id 8. At a missing id the follower therefore holds back for {@link #GAP_GRACE_MS} (the missing
 * write is usually committing right now and brings its own notification), then passes the gap (the write
 * rolled back, or is slow). Ids it passed are looked for again for {@link #LATE_WATCH_MS}: a slow write's
 * event found late is still delivered (after later ids), so no committed event is lost to the charts,
 * the scope cache or the readiness refresh. After the subscriber reconnects (a database restart) the
 * follower reads on from its cursor, and a slow poll covers a notification that never came.
 */
public final class LogFollower extends VerticleBase {
  public static final String CHANNEL = "live_events";
  static final long GAP_GRACE_MS = 2_000;
  static final long LATE_WATCH_MS = 300_000;
  static final long POLL_MS = 5_000;
  static final int READ_LIMIT = 500;
  static final int MAX_WATCHED = 10_000;
  private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

  private final EventLog eventLog;
  private final PgConnectOptions connect;
  private final DomainEvents events;
  private PgSubscriber subscriber;
  private long cursor;
  private long gapSince;
  private boolean gapTimer;
  private boolean reading;
  private boolean again;
  /** Ids passed at a gap → when: a slow write's row may still appear. */
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
    late.compose(found -> eventLog.after(cursor, READ_LIMIT).map(rows -> {
      List<LoggedEvent> batch = new ArrayList<>(found);
      found.forEach(e -> passed.remove(e.id()));
      int taken = take(rows, batch);
      forgetOldPassed();
      if (!batch.isEmpty()) {
        events.deliver(List.copyOf(batch));
      }
      return taken == READ_LIMIT;
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

  /** Adds to {@code batch} the rows that follow the cursor (holding back at a young gap); answers how many. */
  private int take(List<LoggedEvent> rows, List<LoggedEvent> batch) {
    int taken = 0;
    for (LoggedEvent e : rows) {
      if (e.id() <= cursor) {
        continue;
      }
      if (e.id() != cursor + 1) {
        long now = System.currentTimeMillis();
        if (gapSince == 0) {
          gapSince = now;
        }
        if (now - gapSince < GAP_GRACE_MS) {
          break;
        }
        for (long missing = cursor + 1; missing < e.id() && passed.size() < MAX_WATCHED; missing++) {
          passed.put(missing, now);
        }
        log.debug("Passed the gap {}..{} in the event log", cursor + 1, e.id() - 1);
      }
      gapSince = 0;
      cursor = e.id();
      batch.add(e);
      taken++;
    }
    return taken;
  }

  /** A gap whose write rolled back brings no notification: look again when its grace is over. */
  private void retryAtGap() {
    if (!gapTimer) {
      gapTimer = true;
      long wait = Math.max(10, gapSince + GAP_GRACE_MS - System.currentTimeMillis());
      vertx.setTimer(wait, t -> {
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
