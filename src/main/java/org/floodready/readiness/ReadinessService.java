package org.floodready.readiness;

import org.floodready.access.Scope;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.floodready.app.AppContext;
import org.floodready.events.EventLog;
import org.floodready.events.EventType;
import org.floodready.units.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Hazelcast snapshot equal to PostgreSQL. Every refresh reads the live-log sequence, then
 * the inputs, recomputes the figures and applies them per unit key (the unit of the event and its
 * ancestors, or every unit for a rebuild). Requests arriving while a refresh runs are merged into
 * the next one, so a burst of writes costs a few recomputes, not one each.
 */
public final class ReadinessService {
  private static final Logger log = LoggerFactory.getLogger(ReadinessService.class);

  private final AppContext app;
  private final SnapshotStore store;
  private final EventLog eventLog;
  private final ReadinessSources sources;

  /**
   * Pause after a refresh before the next one starts, as a multiple of how long it took (capped): a cheap
   * refresh on a quiet node is followed at once, an expensive one under a write load leaves the writes
   * most of the machine and gathers more events for the next round.
   */
  static final long PAUSE_FACTOR = 4;
  static final long MAX_PAUSE_MS = 1000;
  /** Bases whose coverage one refresh reads again, at most. */
  static final int MAX_BASES_PER_REFRESH = 16;

  private boolean running;
  private long lastEndMillis;
  private long lastTookMillis;
  private boolean pendingAll;
  private final Set<Long> pendingUnits = new HashSet<>();
  private final Map<Long, Set<Long>> pendingBases = new HashMap<>();
  private final List<Promise<Void>> waiters = new ArrayList<>();
  /** Rank, peers and flag of each unit as this node last published them. */
  private final Map<Long, String> lastRanks = new HashMap<>();

  private final AtomicLong rebuilds = new AtomicLong();
  private volatile OffsetDateTime lastRebuildAt;
  private volatile String lastRebuildReason;
  private volatile boolean lastRebuildFailed;

  ReadinessService(AppContext app, SnapshotStore store, EventLog eventLog, ReadinessSources sources) {
    this.app = app;
    this.store = store;
    this.eventLog = eventLog;
    this.sources = sources;
  }

  /** Recomputes the unit and its ancestors (every unit when unitId is null). */
  public Future<Void> refresh(Long unitId) {
    return enqueue(unitId, null);
  }

  /** After a change at one base of the unit (stock, quota): reads only that base's lines again. */
  public Future<Void> refreshBase(long unitId, long baseId) {
    return enqueue(unitId, baseId);
  }

  /** Recomputes every unit from PostgreSQL (cluster start, member lost, split brain healed). */
  public Future<Void> rebuild(String reason) {
    log.info("Rebuilding the readiness snapshot from PostgreSQL ({})", reason);
    return enqueue(null, null)
        .onSuccess(v -> {
          rebuilds.incrementAndGet();
          lastRebuildAt = app.now();
          lastRebuildReason = reason;
          lastRebuildFailed = false;
        })
        .onFailure(e -> {
          lastRebuildFailed = true;
          log.warn("Readiness rebuild ({}) failed: {}", reason, e.toString());
        });
  }

  public boolean lastRebuildFailed() {
    return lastRebuildFailed;
  }

  /** Every unit (unitId null), one unit's own lines (baseId null) or one base's. */
  private synchronized Future<Void> enqueue(Long unitId, Long baseId) {
    if (unitId == null) {
      pendingAll = true;
    } else if (baseId == null) {
      pendingUnits.add(unitId);
    } else {
      pendingBases.computeIfAbsent(unitId, k -> new HashSet<>()).add(baseId);
    }
    Promise<Void> done = Promise.promise();
    waiters.add(done);
    if (!running) {
      running = true;
      app.vertx().runOnContext(v -> runNext());
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
      var bases = entry.getValue().iterator();
      while (bases.hasNext() && count < max) {
        taken.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(bases.next());
        bases.remove();
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
    long wait;
    synchronized (this) {
      if (waiters.isEmpty()) {
        running = false;
        return;
      }
      wait = lastEndMillis + Math.min(MAX_PAUSE_MS, PAUSE_FACTOR * lastTookMillis) - System.currentTimeMillis();
    }
    if (wait > 0) {
      app.vertx().setTimer(wait, t -> runBatch());
    } else {
      runBatch();
    }
  }

  private void runBatch() {
    Touched units;
    List<Promise<Void>> done;
    long start = System.currentTimeMillis();
    synchronized (this) {
      if (pendingAll) {
        units = null;
        pendingUnits.clear();
        pendingBases.clear();
      } else {
        units = new Touched(Set.copyOf(pendingUnits), takeBases(MAX_BASES_PER_REFRESH));
        pendingUnits.clear();
      }
      pendingAll = false;
      // callers wait for the refresh that covers their change: the last chunk completes them all
      done = pendingBases.isEmpty() ? new ArrayList<>(waiters) : List.of();
      if (pendingBases.isEmpty()) {
        waiters.clear();
      }
    }
    Future<Void> run;
    try {
      run = refreshNow(units);
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    run.onComplete(ar -> {
      synchronized (this) {
        lastEndMillis = System.currentTimeMillis();
        lastTookMillis = lastEndMillis - start;
      }
      if (ar.failed()) {
        log.warn("Readiness refresh failed: {}", ar.cause().toString());
      }
      done.forEach(p -> p.handle(ar));
      runNext();
    });
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
   * up to the root.
   */
  private Future<Void> refreshNow(Touched touched) {
    OffsetDateTime now = app.now();
    String nowIso = app.iso(now);
    return eventLog.currentSeq().compose(seq -> (touched == null ? sources.read(now)
        : sources.read(now, touched.units(), touched.allBases())).compose(inputs -> {
      Map<Long, Unit> units = ReadinessCalculator.byId(inputs.units());
      Map<Long, TreeMap<String, UnitTotals>> parts = ReadinessCalculator.ownParts(inputs);
      Map<Long, Map<String, UnitTotals>> given = new HashMap<>();
      Set<Long> whole = new HashSet<>();
      Set<Long> targets = new LinkedHashSet<>();
      if (touched == null) {
        given.putAll(parts);
        whole.addAll(units.keySet());
        targets.addAll(units.keySet());
      } else {
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
      }
      return applyDeepestFirst(units, targets, given, whole, seq, nowIso).compose(outcome -> {
        if (outcome.incomplete() && touched != null) {
          log.info("Readiness entries without their totals (new or lost): rebuilding every unit");
          enqueue(null, null);
        }
        return outcome.changed().isEmpty() ? Future.succeededFuture() : publishChanges(outcome.changed());
      });
    }));
  }

  private record Outcome(List<Long> changed, boolean incomplete) {
  }

  /** One round per depth, deepest first, so a parent gets the totals its children computed in this refresh. */
  private Future<Outcome> applyDeepestFirst(Map<Long, Unit> units, Set<Long> targets,
      Map<Long, Map<String, UnitTotals>> parts, Set<Long> whole, long seq, String nowIso) {
    Map<Long, SortedSet<Long>> children = ReadinessCalculator.children(units);
    TreeMap<Integer, List<Long>> byDepth = new TreeMap<>(Comparator.reverseOrder());
    targets.forEach(id -> byDepth.computeIfAbsent(ReadinessCalculator.chain(units, id).size(), d -> new ArrayList<>())
        .add(id));
    Map<Long, ApplyFigures.Result> results = new ConcurrentHashMap<>();
    Future<Void> rounds = Future.succeededFuture();
    for (List<Long> round : byDepth.values()) {
      rounds = rounds.compose(v -> Future.all(round.stream().map(id -> {
        Map<Long, UnitTree.Slot> slots = new HashMap<>();
        for (long child : children.get(id)) {
          ApplyFigures.Result r = results.get(child);
          if (r != null) {
            slots.put(child, new UnitTree.Slot(r.stamp(), r.subtree()));
          }
        }
        return store.apply(units.get(id), parts.getOrDefault(id, Map.of()), whole.contains(id), seq, slots,
                children.get(id), nowIso)
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
      return new Outcome(changed, incomplete);
    });
  }

  /**
   * Queues one "readiness" live message per changed unit (its entry, ranked among its peers), and one for
   * each peer whose rank or flag moved because of the change.
   */
  private Future<Void> publishChanges(List<Long> changed) {
    return store.view().map(view -> {
      Map<Long, JsonObject> ranked = view.entries();
      Set<Long> send = new LinkedHashSet<>(changed);
      synchronized (lastRanks) {
        ranked.forEach((id, entry) -> {
          String standing = entry.getValue("rank") + "/" + entry.getValue("peers") + "/" + entry.getValue("flag");
          String before = lastRanks.put(id, standing);
          if (before != null && !before.equals(standing)) {
            send.add(id);
          }
        });
      }
      for (long id : send) {
        JsonObject entry = ranked.get(id);
        if (entry != null) {
          app.events().note(EventType.READINESS, id, entry.copy());
        }
      }
      return null;
    });
  }

  /**
   * The readiness JSON of GET /api/readiness, limited to the caller's scope, as a fresh object. Its
   * {@code at} is the time of this call; the entries are those of this node's mirror of the snapshot.
   */
  public Future<JsonObject> snapshot(Scope scope) {
    return store.view().map(view -> view.json(scope, app.iso(app.now())));
  }

  /**
   * The encoded answer of GET /api/readiness: the caller's scope, one level (null = all), JSON or the CSV
   * sheet. Encoded once per change of the snapshot and scope; only {@code at} is written per call.
   */
  Future<SnapshotView.Answer> snapshotBody(Scope scope, String level, boolean csv) {
    return store.view().map(view -> view.body(scope, level, csv, app.iso(app.now())));
  }

  /** One unit's ranked entry, if the snapshot has it (a copy). */
  public Future<Optional<JsonObject>> unit(long unitId) {
    return store.view().map(view -> Optional.ofNullable(view.entry(unitId)).map(JsonObject::copy));
  }

  /** Compares the live snapshot with a recompute from PostgreSQL, figure by figure. */
  public Future<JsonObject> verify() {
    OffsetDateTime now = app.now();
    return sources.read(now).compose(inputs -> store.all().map(entries -> {
      Map<Long, UnitFigures> figures = ReadinessCalculator.compute(inputs);
      Map<Long, UnitSnapshot> live = new HashMap<>();
      entries.forEach(s -> live.put(s.unitId(), s));
      JsonArray differences = new JsonArray();
      for (UnitFigures f : figures.values()) {
        UnitSnapshot s = live.get(f.unit().id());
        if (s == null) {
          differences.add(new JsonObject().put("unitId", f.unit().id()).put("metric", "*")
              .put("live", null).put("recomputed", "missing from the snapshot"));
          continue;
        }
        JsonObject metrics = s.toJson().getJsonObject("metrics", new JsonObject());
        for (String name : f.metrics().fieldNames()) {
          Object liveValue = metrics.getJsonObject(name, new JsonObject()).getValue("value");
          Object fresh = f.metrics().getValue(name);
          if (!ApplyFigures.same(liveValue, fresh)) {
            differences.add(new JsonObject().put("unitId", f.unit().id()).put("metric", name)
                .put("live", liveValue).put("recomputed", fresh));
          }
        }
      }
      long version = entries.stream().mapToLong(UnitSnapshot::version).sum();
      return new JsonObject()
          .put("consistent", differences.isEmpty())
          .put("units", figures.size())
          .put("snapshotUnits", entries.size())
          .put("version", version)
          .put("differences", differences)
          .put("at", app.iso(now));
    }));
  }

  public JsonObject status() {
    return new JsonObject()
        .put("rebuilds", rebuilds.get())
        .put("lastRebuildAt", app.iso(lastRebuildAt))
        .put("lastRebuildReason", lastRebuildReason)
        .put("lastRebuildFailed", lastRebuildFailed);
  }
}
