package org.floodready.readiness;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
        .map(Optional::ofNullable);
  }

  /** Every unit's entry (a blocking read of the distributed map, run on a worker). */
  public Future<List<UnitSnapshot>> all() {
    return vertx.executeBlocking(() -> {
      List<UnitSnapshot> list = new ArrayList<>(map.values());
      list.sort(Comparator.comparingLong(UnitSnapshot::unitId));
      return list;
    }, false);
  }

  public Future<Optional<UnitSnapshot>> get(long unitId) {
    return Future.fromCompletionStage(map.getAsync(unitId), vertx.getOrCreateContext()).map(Optional::ofNullable);
  }
}
