package org.floodready.readiness;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.floodready.app.AppContext;
import org.floodready.checkpoints.CheckpointStates;
import org.floodready.inventory.BaseOfUnit;
import org.floodready.inventory.CoverageService;
import org.floodready.patrols.ComplianceService;
import org.floodready.patrols.DeadlineClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The minute's round on the oldest member, for the figures that time alone changes (a lot expiring or falling
 * due for its test run, a checkpoint falling silent, a hazard falling overdue, a patrol period turning): it
 * asks each domain which units crossed a threshold of theirs in the window since the last round, by the
 * application's clock, and refreshes exactly those (each with its ancestors) through the events' path.
 *
 * <p>The window never loses a crossing: it starts where the last successful round ended, or where the last
 * recompute of every unit started reading if that is later (a rebuild at start, after a member was lost or a
 * merge: a node that becomes the oldest starts from its own rebuild); a round that fails, or that a busy round
 * before it skipped, leaves the start where it was, so the next window is wider. A window holding more than
 * {@link #MAX_UNITS} units, or no start at all, is a recompute of every unit. What no domain query models
 * (rows written without an event, a gauge's key revoked, a warning that came and went within one round) is
 * caught by the recompute of every unit at most every {@link #SAFETY_NET_MS}.
 */
final class TimeRound {
  private static final Logger log = LoggerFactory.getLogger(TimeRound.class);
  /**
   * Above this many units, one recompute of every unit costs about as much as refreshing each with its ancestors:
   * at province size 500 crossed units took 3.5 s and ~3.7 s of JVM CPU, a recompute of every unit 27.5 s and
   * ~4 s of JVM CPU plus PostgreSQL's reads (scripts/bench.d/round4-readiness-time.md).
   */
  static final int MAX_UNITS = 2_000;
  /** The recompute of every unit kept for what no window query sees. */
  static final long SAFETY_NET_MS = 3_600_000;
  /** A round not done by then counts as failed. */
  static final long ROUND_TIMEOUT_MS = 600_000;

  private final AppContext app;
  private final ReadinessRefresh refresher;
  private final CoverageService stock;
  private final CheckpointStates checkpoints;
  private final ComplianceService patrols;

  /** Written by one round at a time (see {@link #running}); read by the status. */
  private volatile OffsetDateTime since;
  private volatile DeadlineClock deadlines;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile long rounds;
  private volatile long failures;
  private volatile long unitsAsked;
  private volatile JsonObject last = new JsonObject();

  TimeRound(AppContext app, ReadinessRefresh refresher) {
    this.app = app;
    this.refresher = refresher;
    this.stock = new CoverageService(app);
    this.checkpoints = new CheckpointStates(app);
    this.patrols = new ComplianceService(app);
  }

  /** Before the node's first rebuild: the warnings its snapshot will hold, so the first round sees them change. */
  Future<Void> prime() {
    return patrols.deadlineClock().onSuccess(clock -> deadlines = clock).mapEmpty();
  }

  /** One round; a round still running (a slow refresh) makes this one a no-op, and the next window wider. */
  Future<Void> run() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    long started = System.currentTimeMillis();
    OffsetDateTime to = app.now();
    OffsetDateTime from = later(since, refresher.everyUnitReadFrom());
    Future<Void> round;
    if (refresher.everyUnitDue()) {
      // it reads after this round's end: the next window starts at its reading (or at the last round's end)
      round = Future.succeededFuture();
    } else if (from == null || started - refresher.lastEveryUnitEnd() > SAFETY_NET_MS) {
      round = everyUnit(to, from == null ? "no round or rebuild yet" : "safety net", started);
    } else if (!to.isAfter(from)) {
      // an empty window (the clock stood still, or a recompute of every unit read after it began)
      since = from;
      round = Future.succeededFuture();
    } else {
      round = crossings(from, to).compose(c -> c.size() > MAX_UNITS
          ? everyUnit(to, c.size() + " units crossed", started)
          : refresh(c, from, to, started));
    }
    // a refresh that never answers (a member hanging) must not stop the rounds: the window stays open
    return round.timeout(ROUND_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .onFailure(e -> {
          failures++;
          log.warn("Readiness time round after {} failed (the next one widens its window): {}", from, e.toString());
        })
        .onComplete(ar -> running.set(false));
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  /** What time changed in a window: units to recompute whole, and bases (per unit) whose stock to re-read. */
  private record Crossed(Set<Long> units, Map<Long, Set<Long>> bases, DeadlineClock deadlines) {
    int size() {
      Set<Long> all = new TreeSet<>(units);
      all.addAll(bases.keySet());
      return all.size();
    }
  }

  private Future<Crossed> crossings(OffsetDateTime from, OffsetDateTime to) {
    Set<Long> units = new TreeSet<>();
    Map<Long, Set<Long>> bases = new TreeMap<>();
    return stock.basesWithUsabilityCrossed(from, to)
        .compose(crossed -> {
          for (BaseOfUnit b : crossed) {
            bases.computeIfAbsent(b.unitId(), k -> new TreeSet<>()).add(b.baseId());
          }
          return checkpoints.unitsWithSilenceCrossed(from, to);
        })
        .compose(silent -> {
          units.addAll(silent);
          return patrols.unitsWithPeriodTurned(from, to);
        })
        .compose(turned -> {
          units.addAll(turned);
          return patrols.unitsWithDeadlineCrossed(from, to, deadlines);
        })
        .map(overdue -> {
          units.addAll(overdue.units());
          return new Crossed(units, bases, overdue.clock());
        });
  }

  /** Refreshes the crossed units and bases; the window ends at {@code to} once all of them are applied. */
  private Future<Void> refresh(Crossed c, OffsetDateTime from, OffsetDateTime to, long started) {
    List<Future<Void>> refreshes = new ArrayList<>();
    c.units().forEach(id -> refreshes.add(refresher.refresh(id)));
    c.bases().forEach((unit, ids) -> {
      if (!c.units().contains(unit)) {
        ids.forEach(base -> refreshes.add(refresher.refreshBase(unit, base)));
      }
    });
    return Future.all(refreshes).onSuccess(v -> {
      JsonArray bases = new JsonArray();
      c.bases().forEach((unit, ids) -> ids.forEach(bases::add));
      ended(to, c.deadlines(), new JsonObject().put("from", app.iso(from)).put("to", app.iso(to))
          .put("everyUnit", false).put("units", new JsonArray(List.copyOf(c.units()))).put("bases", bases)
          .put("millis", System.currentTimeMillis() - started));
      unitsAsked += c.size();
      if (c.size() > 0) {
        log.info("Readiness time round ({}, {}]: {} units crossed a threshold, {} bases' stock", app.iso(from),
            app.iso(to), c.units().size(), bases.size());
      }
    }).mapEmpty();
  }

  /**
   * A recompute of every unit instead of a window; it reads after {@code to}, so the next window starts there.
   * Too soon after the last one (see {@link ReadinessRefresh#everyUnitSpacedOut}) the window is left open.
   */
  private Future<Void> everyUnit(OffsetDateTime to, String reason, long started) {
    if (!refresher.everyUnitSpacedOut()) {
      return Future.succeededFuture();
    }
    log.info("Readiness time round: recomputing every unit ({})", reason);
    return patrols.deadlineClock().compose(clock -> refresher.refresh(null).onSuccess(v -> ended(to, clock,
        new JsonObject().put("to", app.iso(to)).put("everyUnit", true).put("reason", reason)
            .put("millis", System.currentTimeMillis() - started))));
  }

  private void ended(OffsetDateTime to, DeadlineClock clock, JsonObject round) {
    since = later(since, to);
    deadlines = clock;
    rounds++;
    last = round;
  }

  JsonObject status() {
    return new JsonObject().put("rounds", rounds).put("failures", failures).put("since", app.iso(since))
        .put("unitsAsked", unitsAsked).put("last", last.copy());
  }
}
