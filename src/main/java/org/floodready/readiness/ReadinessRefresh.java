package org.floodready.readiness;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.floodready.app.AppContext;
import org.floodready.events.EventType;
import org.floodready.events.EventLog;
import org.floodready.units.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the readiness refresh on a node: the pending units and bases, the callers waiting for
 * them, the pause between rounds and the ranks last published all live on this verticle's context, so
 * they need no lock. {@link #refresh}, {@link #refreshBase} and {@link #rebuild} may be called from any
 * thread: they hand the request over to the context. A refresh reads the live-log sequence, then the
 * inputs, recomputes the figures and applies them per unit key (the unit of the event and its ancestors,
 * or every unit for a rebuild). Requests arriving while a refresh runs are merged into the next one, so a
 * burst of writes costs a few recomputes, not one each.
 */
public final class ReadinessRefresh extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ReadinessRefresh.class);

  /**
   * Pause after a refresh before the next one starts, as a multiple of how long it took (capped): a cheap
   * refresh on a quiet node is followed at once, an expensive one under a write load leaves the writes
   * most of the machine and gathers more events for the next round.
   */
  static final long PAUSE_FACTOR = 4;
  static final long MAX_PAUSE_MS = 1000;
  /** Bases whose coverage one refresh reads again, at most, while few are waiting. */
  static final int MAX_BASES_PER_REFRESH = 16;
  /**
   * With a backlog a refresh takes up to an eighth of it, up to this many: its fixed cost (the chain of
   * ancestors, the ranks, the snapshot's writes) is then shared by more bases. At 16 a refresh, a province's
   * peak load (stock moving at bases all over the province) queued bases faster than they were read, and the
   * readiness of a base fell minutes behind its stock.
   */
  static final int MAX_BASES_BACKLOGGED = 128;
  /**
   * Entry processors one refresh has in flight at most: a rebuild at province scale applies 47,000 village
   * entries in its first round, and all at once they held hundreds of MB of operations and results.
   */
  static final int MAX_APPLIES_AT_ONCE = 256;
  /** The minute's recompute of every unit leaves this many times its duration free for the events. */
  static final long EVERY_UNIT_SPACING = 10;
  /** Live messages one refresh sends at most for every changed entry (see {@link #publishChanges}). */
  static final int MAX_MESSAGES = 1_000;
  /** Partitions a rebuild writes at once (one operation each, carrying all its units' totals). */
  static final int PARTITIONS_AT_ONCE = 8;

  private final AppContext app;
  private final SnapshotStore store;
  private final EventLog eventLog;
  private final ReadinessSources sources;

  private boolean running;
  private long lastEndMillis;
  private volatile long lastTookMillis;
  private boolean pendingAll;
  private final Set<Long> pendingUnits = new HashSet<>();
  /** Bases to read again, per unit, each with the number of the request that first asked for it. */
  private final Map<Long, Map<Long, Long>> pendingBases = new LinkedHashMap<>();
  private int pendingBaseCount;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private long requests;

  /**
   * A caller waiting for the refresh that covers its request (number {@code request}): every unit (unitId
   * null), a unit's own lines (baseId null) or one base's.
   */
  private record Waiter(long request, Long unitId, Long baseId, Promise<Void> done) {
  }
  /** Read by other threads (GET /api/cluster): the queue and the last refresh, as of its start. */
  private volatile int basesWaiting;
  private volatile int callersWaiting;
  private volatile int lastBasesTaken;
  private volatile long refreshes;
  /** Rank, peers and flag of each unit as this node last published them. */
  private final PublishedStandings published = new PublishedStandings();
  /** The unit tree and each unit's children, as last read (see {@link #knownUnits}). */
  private Map<Long, Unit> unitsById;
  private Map<Long, SortedSet<Long>> childrenOf;

  /** When the last recompute of every unit ended and how long it took (read by the minute's timer). */
  private volatile long lastEveryUnitEnd;
  private volatile long lastEveryUnitTook;
  /** The application time before the last successful recompute of every unit read anything (null: none yet). */
  private volatile OffsetDateTime everyUnitReadFrom;
  /** Recomputes of every unit, and units a refresh of some units recomputed (each with its ancestors). */
  private volatile long everyUnitRecomputes;
  /** A recompute of every unit is queued or running. */
  private volatile boolean everyUnitDue;
  private volatile long unitsRecomputed;

  /** Read by other threads (GET /api/cluster); written on the context only. */
  private volatile long rebuilds;
  private volatile OffsetDateTime lastRebuildAt;
  private volatile String lastRebuildReason;
  private volatile boolean lastRebuildFailed;
  private volatile long lastRebuildMillis = -1;
  private volatile Context owner;

  ReadinessRefresh(AppContext app, SnapshotStore store, EventLog eventLog, ReadinessSources sources) {
    this.app = app;
    this.store = store;
    this.eventLog = eventLog;
    this.sources = sources;
  }

  @Override
  public Future<?> start() {
    owner = context;
    return Future.succeededFuture();
  }

  /** Recomputes the unit and its ancestors (every unit when unitId is null). */
  public Future<Void> refresh(Long unitId) {
    return onContext(() -> enqueue(unitId, null));
  }

  /**
   * Whether the last recompute of every unit ended at least {@link #EVERY_UNIT_SPACING} times its duration ago:
   * at province scale it takes tens of seconds, and the events' refreshes wait behind it, so the time round
   * asks for another one only then.
   */
  boolean everyUnitSpacedOut() {
    return System.currentTimeMillis() - lastEveryUnitEnd >= EVERY_UNIT_SPACING * lastEveryUnitTook;
  }

  /** After a change at one base of the unit (stock, quota): reads only that base's lines again. */
  public Future<Void> refreshBase(long unitId, long baseId) {
    return onContext(() -> enqueue(unitId, baseId));
  }

  /** Recomputes every unit from PostgreSQL (cluster start, member lost, split brain healed). */
  public Future<Void> rebuild(String reason) {
    log.info("Rebuilding the readiness snapshot from PostgreSQL ({})", reason);
    return onContext(() -> {
      long start = System.currentTimeMillis();
      return enqueue(null, null)
          .onSuccess(v -> {
            lastRebuildMillis = System.currentTimeMillis() - start;
            rebuilds++;
            lastRebuildAt = app.now();
            lastRebuildReason = reason;
            lastRebuildFailed = false;
          })
          .onFailure(e -> {
            lastRebuildFailed = true;
            log.warn("Readiness rebuild ({}) failed: {}", reason, e.toString());
          });
    });
  }

  boolean lastRebuildFailed() {
    return lastRebuildFailed;
  }

  /**
   * The application time before the last successful recompute of every unit started reading (null: none yet):
   * every figure that time alone changes is in the snapshot as of that moment or later.
   */
  OffsetDateTime everyUnitReadFrom() {
    return everyUnitReadFrom;
  }

  /** A recompute of every unit is queued or running. */
  boolean everyUnitDue() {
    return everyUnitDue;
  }

  /** When the last recompute of every unit ended (wall clock, 0: none yet). */
  long lastEveryUnitEnd() {
    return lastEveryUnitEnd;
  }

  JsonObject status() {
    return new JsonObject()
        .put("rebuilds", rebuilds)
        .put("lastRebuildAt", app.iso(lastRebuildAt))
        .put("lastRebuildReason", lastRebuildReason)
        .put("lastRebuildFailed", lastRebuildFailed)
        .put("lastRebuildMillis", lastRebuildMillis < 0 ? null : lastRebuildMillis)
        .put("everyUnitRecomputes", everyUnitRecomputes)
        .put("unitsRecomputed", unitsRecomputed)
        .put("refreshes", refreshes)
        .put("basesWaiting", basesWaiting)
        .put("callersWaiting", callersWaiting)
        .put("lastRefreshBases", lastBasesTaken)
        .put("lastRefreshMillis", lastTookMillis);
  }

  /** Runs {@code work} on this verticle's context: at once when called there, else as a task queued to it. */
  private <T> Future<T> onContext(java.util.function.Supplier<Future<T>> work) {
    Context ctx = owner;
    if (ctx == null) {
      return Future.failedFuture(new IllegalStateException("the readiness refresh is not deployed"));
    }
    if (Vertx.currentContext() == ctx) {
      return work.get();
    }
    Promise<T> promise = Promise.promise();
    ctx.runOnContext(v -> work.get().onComplete(promise));
    return promise.future();
  }

  /** {@code future}, completed on this verticle's context whichever thread completes it. */
  private <T> Future<T> here(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(ar -> context.runOnContext(v -> promise.handle(ar)));
    return promise.future();
  }

  /** Every unit (unitId null), one unit's own lines (baseId null) or one base's. On the context. */
  private Future<Void> enqueue(Long unitId, Long baseId) {
    if (unitId == null) {
      pendingAll = true;
      everyUnitDue = true;
    } else if (baseId == null) {
      pendingUnits.add(unitId);
    } else if (pendingBases.computeIfAbsent(unitId, k -> new LinkedHashMap<>())
        .putIfAbsent(baseId, requests) == null) {
      pendingBaseCount++;
    }
    Promise<Void> done = Promise.promise();
    waiters.add(new Waiter(requests++, unitId, baseId, done));
    if (!running) {
      running = true;
      context.runOnContext(v -> runNext());
    }
    return done.future();
  }

  /**
   * Takes at most {@code max} pending bases: a refresh reads their coverage in one query, and many hundreds
   * of rows in one query hold a core long enough to show in the writes' latency; smaller rounds spread it.
   */
  private Map<Long, Set<Long>> takeBases(int max) {
    Map<Long, Set<Long>> taken = new HashMap<>();
    int count = 0;
    var units = pendingBases.entrySet().iterator();
    while (units.hasNext() && count < max) {
      var entry = units.next();
      var bases = entry.getValue().keySet().iterator();
      while (bases.hasNext() && count < max) {
        taken.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(bases.next());
        bases.remove();
        pendingBaseCount--;
        count++;
      }
      if (entry.getValue().isEmpty()) {
        units.remove();
      }
    }
    return taken;
  }

  /** Starts the next refresh once the pause after the last one (see {@link #PAUSE_FACTOR}) is over. */
  private void runNext() {
    if (waiters.isEmpty()) {
      running = false;
      return;
    }
    long wait = lastEndMillis + Math.min(MAX_PAUSE_MS, PAUSE_FACTOR * lastTookMillis) - System.currentTimeMillis();
    if (wait > 0) {
      vertx.setTimer(wait, t -> runBatch());
    } else {
      runBatch();
    }
  }

  private void runBatch() {
    Touched units;
    long start = System.currentTimeMillis();
    int taken = 0;
    if (pendingAll) {
      units = null;
      pendingUnits.clear();
      pendingBases.clear();
      pendingBaseCount = 0;
    } else {
      taken = Math.min(MAX_BASES_BACKLOGGED, Math.max(MAX_BASES_PER_REFRESH, pendingBaseCount / 8));
      units = new Touched(Set.copyOf(pendingUnits), takeBases(taken));
      pendingUnits.clear();
    }
    pendingAll = false;
    List<Promise<Void>> done = answered();
    basesWaiting = pendingBaseCount;
    callersWaiting = waiters.size();
    lastBasesTaken = taken;
    refreshes++;
    OffsetDateTime readFrom = app.now();
    Future<Void> run;
    try {
      run = refreshNow(units);
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    boolean everyUnit = units == null;
    run.onComplete(ar -> context.runOnContext(v -> {
      lastEndMillis = System.currentTimeMillis();
      lastTookMillis = lastEndMillis - start;
      if (everyUnit) {
        lastEveryUnitEnd = lastEndMillis;
        lastEveryUnitTook = lastTookMillis;
      }
      if (everyUnit) {
        everyUnitDue = pendingAll;
      }
      if (everyUnit && ar.succeeded()) {
        everyUnitReadFrom = readFrom;
        everyUnitRecomputes++;
        log.info("Readiness of every unit ({}) recomputed in {} ms", unitsById == null ? "?" : unitsById.size(),
            lastTookMillis);
      }
      if (ar.failed()) {
        log.warn("Readiness refresh failed: {}", ar.cause().toString());
      }
      done.forEach(p -> p.handle(ar));
      runNext();
    }));
  }

  /**
   * The callers this refresh covers, taken off the queue: every caller that asked for every unit or a unit's own
   * lines (all taken), and those whose base is no longer pending as they asked for it. Each waits for its own
   * request only: waiting for every earlier caller's bases as well held the time round (its few units) behind
   * a backlog of bases for minutes at province peak load.
   */
  private List<Promise<Void>> answered() {
    List<Promise<Void>> done = new ArrayList<>();
    for (var it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (w.baseId() == null || !stillPending(w)) {
        done.add(w.done());
        it.remove();
      }
    }
    return done;
  }

  /** Whether the waiter's base is still queued from its request or an earlier one (not from a later one). */
  private boolean stillPending(Waiter w) {
    Map<Long, Long> bases = pendingBases.get(w.unitId());
    Long request = bases == null ? null : bases.get(w.baseId());
    return request != null && request <= w.request();
  }

  /** What a refresh reads again: every own line of {@code units}, and the lines of some bases of others. */
  private record Touched(Set<Long> units, Map<Long, Set<Long>> bases) {
    Set<Long> allBases() {
      Set<Long> all = new HashSet<>();
      bases.forEach((unit, ids) -> {
        if (!units.contains(unit)) {
          all.addAll(ids);
        }
      });
      return all;
    }
  }

  /**
   * Reads the live-log sequence, then the touched units' own lines (or only the touched bases' lines;
   * every line for a rebuild), and applies them deepest unit first: each unit's entry takes those parts
   * of its own totals and its children's new subtree totals, and hands its subtree totals to its parent,
   * up to the root. A rebuild adds up the whole tree here in one pass and applies every entry at once.
   */
  private Future<Void> refreshNow(Touched touched) {
    OffsetDateTime now = app.now();
    String nowIso = app.iso(now);
    if (touched == null) {
      long[] at = {System.nanoTime(), 0, 0, 0};
      long cpuAtStart = processCpuNanos();
      return eventLog.currentSeq().compose(seq -> sources.read(now)
          // 50,000 units and their sums at province scale: off the event loop
          .compose(inputs -> {
            at[1] = System.nanoTime();
            return here(vertx.executeBlocking(() -> rebuildPlan(inputs, seq, nowIso), false));
          })
          .compose(plan -> {
            at[2] = System.nanoTime();
            unitsById = plan.units();
            childrenOf = plan.children();
            return store.applyAll(plan.applies(), PARTITIONS_AT_ONCE, context);
          })
          .compose(changed -> {
            at[3] = System.nanoTime();
            return changed.isEmpty() ? Future.succeededFuture()
                : publishEveryStanding(changed.stream().map(UnitSnapshot::unitId).toList());
          })
          .onSuccess(v -> log.info("Readiness of every unit: read {} ms, sums {} ms, applied {} ms, published {} ms"
                  + " (JVM CPU {} ms)", (at[1] - at[0]) / 1_000_000, (at[2] - at[1]) / 1_000_000,
              (at[3] - at[2]) / 1_000_000, (System.nanoTime() - at[3]) / 1_000_000,
              (processCpuNanos() - cpuAtStart) / 1_000_000)));
    }
    Set<Long> ids = new HashSet<>(touched.units());
    ids.addAll(touched.bases().keySet());
    return eventLog.currentSeq().compose(seq -> knownUnits(ids).compose(units -> sources.read(now,
            ids.stream().map(units::get).filter(java.util.Objects::nonNull).toList(), touched.units(),
            touched.allBases())
        .map(inputs -> plan(inputs, touched, units))
        .compose(plan -> applyDeepestFirst(plan.units(), childrenOf, plan.targets(), plan.given(), plan.whole(), seq,
            nowIso))
        .compose(outcome -> {
          unitsRecomputed += outcome.applied();
          if (outcome.incomplete()) {
            log.info("Readiness entries without their totals (new or lost): rebuilding every unit");
            onContext(() -> enqueue(null, null));
          }
          return outcome.changed().isEmpty() ? Future.succeededFuture() : publishChanges(outcome.changed());
        })));
  }

  /** CPU time of the whole JVM so far (a rebuild's own share on a loaded machine; -1 when unknown). */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }

  /**
   * The unit tree as the last rebuild read it, read again only when a refresh names a unit it lacks (a new
   * one): a refresh does not read the province's 50,000 units.
   */
  private Future<Map<Long, Unit>> knownUnits(Set<Long> ids) {
    if (unitsById != null && unitsById.keySet().containsAll(ids)) {
      return Future.succeededFuture(unitsById);
    }
    return here(sources.units()).map(list -> {
      unitsById = ReadinessCalculator.byId(list);
      childrenOf = ReadinessCalculator.children(unitsById);
      return unitsById;
    });
  }

  /** What one refresh applies: the parts given to each unit, the units given all their parts, every target. */
  private record Plan(Map<Long, Unit> units, Set<Long> targets, Map<Long, Map<String, UnitTotals>> given,
      Set<Long> whole) {
  }

  /** {@code inputs} hold the touched units only; {@code units} is the whole tree. */
  private static Plan plan(ReadinessInputs inputs, Touched touched, Map<Long, Unit> units) {
    Map<Long, TreeMap<String, UnitTotals>> parts = ReadinessCalculator.ownParts(inputs);
    Map<Long, Map<String, UnitTotals>> given = new HashMap<>();
    Set<Long> whole = new HashSet<>();
    Set<Long> targets = new LinkedHashSet<>();
    for (long id : touched.units()) {
      if (units.containsKey(id)) {
        given.put(id, parts.get(id));
        whole.add(id);
      }
    }
    touched.bases().forEach((id, bases) -> {
      if (units.containsKey(id) && !whole.contains(id)) {
        Map<String, UnitTotals> some = new HashMap<>();
        // a base without lines now (or moved to another unit) leaves an empty part here
        bases.forEach(b -> some.put(UnitTotals.basePart(b),
            parts.get(id).getOrDefault(UnitTotals.basePart(b), new UnitTotals())));
        given.put(id, some);
      }
    });
    given.keySet().forEach(id -> targets.addAll(ReadinessCalculator.chain(units, id)));
    return new Plan(units, targets, given, whole);
  }

  /** A rebuild: the tree, and every unit's apply with all its own parts and each child's subtree totals. */
  record RebuildPlan(Map<Long, Unit> units, Map<Long, SortedSet<Long>> children,
      Map<Long, ApplyFigures> applies) {
  }

  static RebuildPlan rebuildPlan(ReadinessInputs inputs, long seq, String nowIso) {
    Map<Long, Unit> units = ReadinessCalculator.byId(inputs.units());
    Map<Long, SortedSet<Long>> children = ReadinessCalculator.children(units);
    Map<Long, TreeMap<String, UnitTotals>> parts = ReadinessCalculator.ownParts(inputs);
    Map<Long, UnitTotals> own = new HashMap<>();
    parts.forEach((id, p) -> own.put(id, UnitTotals.own(p)));
    Map<Long, UnitTotals> subtrees = ReadinessCalculator.subtrees(units, own);
    // not above any stamp the children's entries take when applied after this
    long stamp = UnitTree.nextStamp(0);
    Map<Long, ApplyFigures> applies = new HashMap<>();
    for (Unit u : units.values()) {
      Map<Long, UnitTree.Slot> slots = new HashMap<>();
      children.get(u.id()).forEach(c -> slots.put(c, new UnitTree.Slot(stamp, subtrees.get(c))));
      applies.put(u.id(), new ApplyFigures(SnapshotStore.entryJson(u), parts.get(u.id()), true, seq, slots,
          children.get(u.id()), nowIso, true));
    }
    return new RebuildPlan(units, children, applies);
  }

  private record Outcome(List<Long> changed, boolean incomplete, int applied) {
  }

  /** One round per depth, deepest first, so a parent gets the totals its children computed in this refresh. */
  private Future<Outcome> applyDeepestFirst(Map<Long, Unit> units, Map<Long, SortedSet<Long>> children,
      Set<Long> targets, Map<Long, Map<String, UnitTotals>> parts, Set<Long> whole, long seq, String nowIso) {
    TreeMap<Integer, List<Long>> byDepth = new TreeMap<>(Comparator.reverseOrder());
    targets.forEach(id -> byDepth.computeIfAbsent(ReadinessCalculator.chain(units, id).size(), d -> new ArrayList<>())
        .add(id));
    // written on the context only: each apply's result comes back there (SnapshotStore.apply)
    Map<Long, ApplyFigures.Result> results = new HashMap<>();
    Future<Void> rounds = Future.succeededFuture();
    List<List<Long>> chunks = new ArrayList<>();
    for (List<Long> round : byDepth.values()) {
      for (int i = 0; i < round.size(); i += MAX_APPLIES_AT_ONCE) {
        chunks.add(round.subList(i, Math.min(round.size(), i + MAX_APPLIES_AT_ONCE)));
      }
    }
    for (List<Long> chunk : chunks) {
      rounds = rounds.compose(v -> Future.all(chunk.stream().map(id -> {
        Map<Long, UnitTree.Slot> slots = new HashMap<>();
        for (long child : children.get(id)) {
          ApplyFigures.Result r = results.get(child);
          if (r != null) {
            slots.put(child, new UnitTree.Slot(r.stamp(), r.subtree()));
          }
        }
        return store.apply(units.get(id), parts.getOrDefault(id, Map.of()), whole.contains(id), seq, slots,
                children.get(id), nowIso, context)
            .map(r -> results.put(id, r));
      }).toList()).mapEmpty());
    }
    return rounds.map(v -> {
      List<Long> changed = new ArrayList<>();
      boolean incomplete = false;
      for (Map.Entry<Long, ApplyFigures.Result> e : results.entrySet()) {
        if (e.getValue().changed() != null) {
          changed.add(e.getKey());
        }
        incomplete |= e.getValue().incomplete();
      }
      return new Outcome(changed, incomplete, results.size());
    });
  }

  /**
   * Queues one "readiness" live message per changed unit (its entry, ranked among its peers), and one for
   * each peer whose rank or flag moved because of the change: every unit is ranked again (a recompute of
   * every unit, or the first refresh of this node).
   */
  private Future<Void> publishEveryStanding(List<Long> changed) {
    return here(vertx.executeBlocking(() -> Standings.of(places(store.held())), false)).map(every -> {
      send(published.all(every, changed));
      return null;
    });
  }

  /**
   * {@link #publishEveryStanding} for a refresh of a few units: only they move in the ranking, and only the
   * peers between their old and new places (all of a level when its number of ranked units changes) are
   * compared with what was last published.
   */
  private Future<Void> publishChanges(List<Long> changed) {
    if (!published.ready()) {
      return publishEveryStanding(changed);
    }
    Map<Long, Standings.Place> moved = new HashMap<>();
    for (long id : changed) {
      SnapshotMirror.Held h = store.held(id);
      moved.put(id, h == null ? null : new Standings.Place(h.level(), h.score()));
    }
    send(published.changed(moved));
    return Future.succeededFuture();
  }

  private static Map<Long, Standings.Place> places(List<SnapshotMirror.Held> held) {
    Map<Long, Standings.Place> places = new HashMap<>(held.size() * 2);
    held.forEach(h -> places.put(h.unitId(), new Standings.Place(h.level(), h.score())));
    return places;
  }

  /** Above {@link #MAX_MESSAGES} units, only those of the levels the default answer holds. */
  private void send(Set<Long> send) {
    Standings standings = published.standings();
    if (send.size() > MAX_MESSAGES) {
      // a rebuild at province scale changes tens of thousands of communities: their streets, districts and
      // cities change with them, and a board refreshes its panels on those; the rest is in the snapshot
      int before = send.size();
      send.removeIf(id -> !standings.inDefaultAnswer(id));
      log.info("Readiness: {} entries changed or moved rank; live messages for the {} of the default answer's"
          + " levels", before, send.size());
    }
    for (long id : send) {
      SnapshotMirror.Held h = store.held(id);
      Standings.Standing standing = standings.standing(id);
      if (h != null && standing != null) {
        app.events().note(EventType.READINESS, id, SnapshotView.entry(h, standing));
      }
    }
  }
}
