package org.floodready.readiness;

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
import org.floodready.AppContext;
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
  private final LiveLog liveLog;
  private final ReadinessSources sources;
  private final LiveAppender appender;

  private boolean running;
  private boolean pendingAll;
  private final Set<Long> pendingUnits = new HashSet<>();
  private final List<Promise<Void>> waiters = new ArrayList<>();
  /** Rank, peers and flag of each unit as this node last published them. */
  private final Map<Long, String> lastRanks = new HashMap<>();

  private final AtomicLong rebuilds = new AtomicLong();
  private volatile OffsetDateTime lastRebuildAt;
  private volatile String lastRebuildReason;
  private volatile boolean lastRebuildFailed;

  ReadinessService(AppContext app, SnapshotStore store, LiveLog liveLog, ReadinessSources sources,
      LiveAppender appender) {
    this.app = app;
    this.store = store;
    this.liveLog = liveLog;
    this.sources = sources;
    this.appender = appender;
  }

  /** Recomputes the unit and its ancestors (every unit when unitId is null). */
  public Future<Void> refresh(Long unitId) {
    return enqueue(unitId == null ? null : Set.of(unitId));
  }

  /** Recomputes every unit from PostgreSQL (cluster start, member lost, split brain healed). */
  public Future<Void> rebuild(String reason) {
    log.info("Rebuilding the readiness snapshot from PostgreSQL ({})", reason);
    return enqueue(null)
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

  private synchronized Future<Void> enqueue(Set<Long> units) {
    if (units == null) {
      pendingAll = true;
    } else {
      pendingUnits.addAll(units);
    }
    Promise<Void> done = Promise.promise();
    waiters.add(done);
    if (!running) {
      running = true;
      app.vertx().runOnContext(v -> runNext());
    }
    return done.future();
  }

  private void runNext() {
    Set<Long> units;
    List<Promise<Void>> done;
    synchronized (this) {
      if (waiters.isEmpty()) {
        running = false;
        return;
      }
      units = pendingAll ? null : new HashSet<>(pendingUnits);
      done = new ArrayList<>(waiters);
      pendingAll = false;
      pendingUnits.clear();
      waiters.clear();
    }
    Future<Void> run;
    try {
      run = refreshNow(units);
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    run.onComplete(ar -> {
      if (ar.failed()) {
        log.warn("Readiness refresh failed: {}", ar.cause().toString());
      }
      done.forEach(p -> p.handle(ar));
      runNext();
    });
  }

  /**
   * Reads the live-log sequence, then the own lines of the touched units (every line for a rebuild),
   * and applies them deepest unit first: each unit's entry takes its own totals and its children's new
   * subtree totals, and hands its subtree totals to its parent, up to the root.
   */
  private Future<Void> refreshNow(Set<Long> touched) {
    OffsetDateTime now = app.now();
    String nowIso = app.iso(now);
    return liveLog.currentSeq().compose(seq -> sources.read(now, touched).compose(inputs -> {
      Map<Long, Unit> units = ReadinessCalculator.byId(inputs.units());
      Map<Long, UnitTotals> own = ReadinessCalculator.ownTotals(inputs);
      Set<Long> targets = new LinkedHashSet<>();
      if (touched == null) {
        targets.addAll(units.keySet());
      } else {
        own.keySet().retainAll(touched); // the other units keep the own totals their entries hold
        touched.forEach(id -> targets.addAll(ReadinessCalculator.chain(units, id)));
      }
      return applyDeepestFirst(units, targets, own, seq, nowIso).compose(outcome -> {
        if (outcome.incomplete() && touched != null) {
          log.info("Readiness entries without their totals (new or lost): rebuilding every unit");
          enqueue(null);
        }
        return outcome.changed().isEmpty() ? Future.succeededFuture() : publishChanges(outcome.changed());
      });
    }));
  }

  private record Outcome(List<Long> changed, boolean incomplete) {
  }

  /** One round per depth, deepest first, so a parent gets the totals its children computed in this refresh. */
  private Future<Outcome> applyDeepestFirst(Map<Long, Unit> units, Set<Long> targets, Map<Long, UnitTotals> own,
      long seq, String nowIso) {
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
        return store.apply(units.get(id), own.get(id), seq, slots, children.get(id), nowIso)
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
          appender.append("readiness", id, entry.copy(), () -> { });
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
