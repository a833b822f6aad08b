package org.floodready.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's one handle on the event path: writes {@link #append} their events inside their own transaction
 * (the {@link Outbox}); the node's {@link LogFollower} reads every committed event of the cluster from the
 * log, in id order, and hands it to the parts that {@link #follow} the log (the SSE push, chart versions,
 * the scope cache, the readiness refresh). Nothing travels between nodes on the event bus.
 */
public final class DomainEvents {
  private static final Logger log = LoggerFactory.getLogger(DomainEvents.class);

  private final Outbox outbox;
  private final LogAppender appender;
  private final CommitNotifier notifier;
  private final List<Consumer<List<LoggedEvent>>> followers = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<Outbox.Event>>> ownCommits = new CopyOnWriteArrayList<>();

  public DomainEvents(Pool pool, String node, Clock clock) {
    this.outbox = new Outbox(node, clock);
    this.notifier = new CommitNotifier(pool);
    this.appender = new LogAppender(pool, node, clock, notifier);
  }

  /** Inserts the event inside the caller's transaction; it is delivered to every node once that commits. */
  public Future<Void> append(SqlClient tx, EventType type, JsonObject payload) {
    return appendAll(tx, List.of(new Outbox.Event(type, payload)));
  }

  /** Like {@link #append} for several events of one write, in order. */
  public Future<Void> appendAll(SqlClient tx, List<Outbox.Event> events) {
    return outbox.appendAll(tx, events).onSuccess(v -> {
      Transaction t = tx instanceof SqlConnection c ? c.transaction() : null;
      if (t == null) {
        committedHere(events);
      } else {
        t.completion().onSuccess(done -> committedHere(events));
      }
    });
  }

  /**
   * Appends the event after the caller's write committed, in call order, outside any transaction.
   *
   * @deprecated a node dying between the write's commit and this call loses the event; append it inside
   *     the write's transaction with {@link #append}. Kept so that code not yet moved keeps compiling.
   */
  @Deprecated
  public void publish(String type, JsonObject payload) {
    JsonObject stamped = outbox.stamped(type, payload);
    appender.append(type, Outbox.unitOf(stamped), stamped);
    committedHere(List.of(new Outbox.Event(type, payload)));
  }

  /**
   * Logs a row derived from data already committed (the readiness refresh's {@link EventType#READINESS}
   * rows), in call order, outside any transaction: lost in a crash, it is derived again by the next refresh.
   */
  public void note(EventType type, Long unitId, JsonObject payload) {
    appender.append(type.wireName(), unitId, payload);
  }

  /** Runs {@code listener} on this node for every batch of committed events the follower reads, in id order. */
  public void follow(Consumer<List<LoggedEvent>> listener) {
    followers.add(listener);
  }

  /**
   * Runs {@code listener} with this node's own events as soon as their transaction commits, before the write
   * answers: a cache on this node (the chart versions) sees its own writes at once. It is a hint only; the
   * events still arrive through {@link #follow} like everyone else's.
   */
  public void onOwnCommit(Consumer<List<Outbox.Event>> listener) {
    ownCommits.add(listener);
  }

  private void committedHere(List<Outbox.Event> events) {
    notifier.committed();
    for (Consumer<List<Outbox.Event>> listener : ownCommits) {
      try {
        listener.accept(events);
      } catch (RuntimeException e) {
        log.warn("An own-commit listener failed on {} events: {}", events.size(), e.toString());
      }
    }
  }

  /** The follower hands each batch it read here. */
  void deliver(List<LoggedEvent> batch) {
    for (Consumer<List<LoggedEvent>> listener : followers) {
      try {
        listener.accept(batch);
      } catch (RuntimeException e) {
        log.warn("An event follower failed on {} events: {}", batch.size(), e.toString());
      }
    }
  }

  public String node() {
    return outbox.node();
  }
}
