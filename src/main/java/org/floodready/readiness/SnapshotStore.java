package org.floodready.readiness;

import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.floodready.errors.ApiError;
import org.floodready.units.Unit;

/**
 * The live readiness snapshot: one entry per unit in a Hazelcast IMap (one backup, quorum-protected),
 * and this node's mirror of it from which reads are answered without touching the map.
 */
public final class SnapshotStore {
  public static final String MAP = "readiness.units";
  /** The mirror is read again from the map this often, in case listener events were lost. */
  static final long MAX_AGE_MS = 5_000;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final IMap<Long, UnitSnapshot> map;
  private final String node;
  private final String quorumName;
  private final SnapshotMirror mirror = new SnapshotMirror();
  private final AtomicReference<SnapshotView> view = new AtomicReference<>();
  private final AtomicBoolean reloading = new AtomicBoolean();
  private final AtomicReference<Future<Void>> firstLoad = new AtomicReference<>();
  private final AtomicReference<Build> building = new AtomicReference<>();

  public SnapshotStore(Vertx vertx, HazelcastInstance hazelcast, String node) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.map = hazelcast.getMap(MAP);
    this.node = node;
    MapConfig config = hazelcast.getConfig().findMapConfig(MAP);
    this.quorumName = config == null ? null : config.getSplitBrainProtectionName();
  }

  /** Registers the mirror's entry listener (a blocking cluster call, run on a worker). */
  public Future<Void> listen() {
    return vertx.executeBlocking(() -> map.addEntryListener(new MirrorListener(mirror), true), false)
        .mapEmpty();
  }

  /**
   * Applies parts of a unit's own totals (all of them with {@code wholeUnit}) and its children's newer
   * subtree totals to its entry, on the key's owner; the entry when its figures changed, and the subtree
   * totals for the parent.
   */
  Future<ApplyFigures.Result> apply(Unit unit, Map<String, UnitTotals> parts, boolean wholeUnit, long seq,
      Map<Long, UnitTree.Slot> slots, Set<Long> children, String nowIso, Context context) {
    return Future.fromCompletionStage(
            map.submitToKey(unit.id(), new ApplyFigures(entryJson(unit), parts, wholeUnit, seq, slots, children, nowIso)),
            context)
        .map(result -> {
          if (result.changed() != null) {
            mirror.put(result.changed()); // a read on this node sees its own apply at once
          }
          return result;
        })
        .recover(SnapshotStore::noQuorum);
  }

  /**
   * Runs each unit's apply on its key's owner, one operation per partition and at most {@code inFlight}
   * partitions at once; the entries whose figures changed (without their totals).
   */
  Future<List<UnitSnapshot>> applyAll(Map<Long, ApplyFigures> byUnit, int inFlight, Context context) {
    Map<Integer, Map<Long, ApplyFigures>> byPartition = new java.util.TreeMap<>();
    var partitions = hazelcast.getPartitionService();
    byUnit.forEach((id, apply) -> byPartition.computeIfAbsent(partitions.getPartition(id).getPartitionId(),
        p -> new java.util.HashMap<>()).put(id, apply));
    List<UnitSnapshot> changed = new ArrayList<>();
    java.util.Iterator<Map<Long, ApplyFigures>> next = byPartition.values().iterator();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      lanes.add(applyNext(next, changed, context));
    }
    return Future.all(lanes).map(v -> changed).recover(SnapshotStore::noQuorum);
  }

  /** One lane: the next partition's batch, then the next, until none is left (on {@code context}). */
  private Future<Void> applyNext(java.util.Iterator<Map<Long, ApplyFigures>> next, List<UnitSnapshot> changed,
      Context context) {
    if (!next.hasNext()) {
      return Future.succeededFuture();
    }
    Map<Long, ApplyFigures> batch = next.next();
    return Future.fromCompletionStage(map.submitToKeys(batch.keySet(), new ApplyBatch(batch)), context)
        .compose(results -> {
          for (UnitSnapshot s : results.values()) {
            if (s != null) {
              mirror.put(s);
              changed.add(s);
            }
          }
          return applyNext(next, changed, context);
        });
  }

  /** The unit's fields as its entry shows them. */
  static JsonObject entryJson(Unit unit) {
    JsonObject json = unit.toJson();
    json.put("unitId", json.remove("id"));
    return json;
  }

  /** Every unit's entry read from the map itself, without its totals (a blocking read, run on a worker). */
  public Future<List<UnitSnapshot>> all() {
    return vertx.executeBlocking(() -> {
      List<UnitSnapshot> list = new ArrayList<>(map.project(new WithoutTree()));
      list.sort(Comparator.comparingLong(UnitSnapshot::unitId));
      return list;
    }, false).recover(SnapshotStore::noQuorum);
  }

  /**
   * The ranked view of this node's mirror, rebuilt only when the mirror changed since the last one.
   * Fails with 503 without a quorum, like a read of the map would.
   */
  Future<SnapshotView> view() {
    if (quorumName != null && !hazelcast.getSplitBrainProtectionService().getSplitBrainProtection(quorumName)
        .hasMinimumSize()) {
      return noQuorum(new SplitBrainProtectionException("no quorum"));
    }
    if (!mirror.loaded()) {
      return firstLoad().compose(v -> current(mirror.generation()));
    }
    if (System.nanoTime() - mirror.loadedAtNanos() > TimeUnit.MILLISECONDS.toNanos(maxAgeMs())) {
      reloadInBackground();
    }
    return current(mirror.generation());
  }

  /**
   * The mirror is read again after this long: 5 s, and 5 s more per 5,000 entries (each reload reads every
   * entry from the map).
   */
  private long maxAgeMs() {
    return MAX_AGE_MS * Math.max(1, mirror.size() / 5_000);
  }

  /** A view being built (on a worker) from the mirror as it was at {@code generation} or later. */
  private record Build(long generation, Future<SnapshotView> view) {
  }

  /**
   * A view holding every change up to {@code wanted}: the last one built if it does, else the one being
   * built if it will, else a new one once the one being built is done. Views are built off the event loop
   * (a province's 50,000 entries take a while) and one at a time; callers asking meanwhile share the build.
   */
  private Future<SnapshotView> current(long wanted) {
    SnapshotView v = view.get();
    if (v != null && v.generation >= wanted) {
      return Future.succeededFuture(v);
    }
    Build running = building.get();
    if (running != null && !running.view().isComplete()) {
      return running.generation() >= wanted ? running.view() : running.view().transform(ar -> current(wanted));
    }
    Promise<SnapshotView> promise = Promise.promise();
    // taken before the copy: a change during the build leaves this view stale, never wrongly fresh
    Build mine = new Build(mirror.generation(), promise.future());
    if (!building.compareAndSet(running, mine)) {
      return current(wanted);
    }
    vertx.executeBlocking(() -> SnapshotView.ranked(mine.generation(), mirror.held(), node), false)
        .onSuccess(built -> view.accumulateAndGet(built,
            (old, next) -> old == null || next.generation >= old.generation ? next : old))
        .onComplete(promise);
    return promise.future();
  }

  /** One unit's entry in this node's mirror (null when it lacks it). */
  SnapshotMirror.Held held(long unitId) {
    return mirror.held(unitId);
  }

  /** Every entry of this node's mirror, a copy. */
  List<SnapshotMirror.Held> held() {
    return mirror.held();
  }

  /** Several callers may ask at once: whoever sets the future first starts the one load. */
  private Future<Void> firstLoad() {
    Future<Void> current = firstLoad.get();
    if (current != null && !current.failed()) {
      return current;
    }
    Promise<Void> mine = Promise.promise();
    if (!firstLoad.compareAndSet(current, mine.future())) {
      return firstLoad();
    }
    reload().onComplete(mine);
    return mine.future();
  }

  private void reloadInBackground() {
    if (reloading.compareAndSet(false, true)) {
      reload().onComplete(ar -> reloading.set(false));
    }
  }

  private Future<Void> reload() {
    return vertx.executeBlocking(() -> {
      Set<Long> before = mirror.keys();
      mirror.reload(before, map.project(new WithoutTree()));
      return (Void) null;
    }, false).recover(SnapshotStore::noQuorum);
  }

  /** Without a quorum of members this part of the cluster must not serve or change the snapshot. */
  private static <T> Future<T> noQuorum(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SplitBrainProtectionException) {
        return Future.failedFuture(new ApiError(503, "no_quorum",
            "Too few cluster members are reachable to serve the live snapshot; try again shortly", null));
      }
    }
    return Future.failedFuture(e);
  }
}
