package org.floodready.readiness;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.floodready.http.ApiError;

/** The live readiness snapshot: one entry per unit in a Hazelcast IMap (one backup, quorum-protected). */
public final class SnapshotStore {
  public static final String MAP = "readiness.units";

  private final Vertx vertx;
  private final IMap<Long, UnitSnapshot> map;

  public SnapshotStore(Vertx vertx, HazelcastInstance hazelcast) {
    this.vertx = vertx;
    this.map = hazelcast.getMap(MAP);
  }

  /** Applies freshly computed figures to the unit's entry; the new entry if it changed. */
  public Future<Optional<UnitSnapshot>> apply(UnitFigures figures, long seq, String nowIso) {
    JsonObject unit = figures.unit().toJson();
    unit.put("unitId", unit.remove("id"));
    return Future.fromCompletionStage(
            map.submitToKey(figures.unit().id(), new ApplyFigures(unit, figures.metrics(), seq, nowIso)),
            vertx.getOrCreateContext())
        .map(Optional::<UnitSnapshot>ofNullable)
        .recover(SnapshotStore::noQuorum);
  }

  /** Every unit's entry (a blocking read of the distributed map, run on a worker). */
  public Future<List<UnitSnapshot>> all() {
    return vertx.executeBlocking(() -> {
      List<UnitSnapshot> list = new ArrayList<>(map.values());
      list.sort(Comparator.comparingLong(UnitSnapshot::unitId));
      return list;
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
