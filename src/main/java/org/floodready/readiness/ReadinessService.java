package org.floodready.readiness;

import org.floodready.access.Scope;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.floodready.app.AppContext;
import org.floodready.events.EventLog;
import org.floodready.events.EventType;
import org.floodready.units.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readiness for the rest of the node: reads answered from this node's mirror of the Hazelcast snapshot,
 * the figure-by-figure verify against PostgreSQL, and the refresh requests, which it hands to the one
 * {@link ReadinessRefresh} verticle that owns the refresh.
 */
public final class ReadinessService {
  private final AppContext app;
  private final SnapshotStore store;
  private final ReadinessSources sources;
  private final ReadinessRefresh refresher;
  private final TimeRound timeRound;

  ReadinessService(AppContext app, SnapshotStore store, ReadinessSources sources, ReadinessRefresh refresher,
      TimeRound timeRound) {
    this.app = app;
    this.store = store;
    this.sources = sources;
    this.refresher = refresher;
    this.timeRound = timeRound;
  }

  /** Recomputes the unit and its ancestors (every unit when unitId is null), on the refresh's owner. */
  public Future<Void> refresh(Long unitId) {
    return refresher.refresh(unitId);
  }

  /**
   * The round for the figures time alone changes (see {@link TimeRound}): the units that crossed a threshold
   * since the last round, each with its ancestors. Run by the oldest member at the sweep interval.
   */
  public Future<Void> timeRound() {
    return timeRound.run();
  }

  /** After a change at one base of the unit (stock, quota): reads only that base's lines again. */
  public Future<Void> refreshBase(long unitId, long baseId) {
    return refresher.refreshBase(unitId, baseId);
  }

  /** Recomputes every unit from PostgreSQL (cluster start, member lost, split brain healed). */
  public Future<Void> rebuild(String reason) {
    return refresher.rebuild(reason);
  }

  public boolean lastRebuildFailed() {
    return refresher.lastRebuildFailed();
  }

  /**
   * The readiness JSON of GET /api/readiness, limited to the caller's scope, as a fresh object. Its
   * {@code at} is the time of this call; the entries are those of this node's mirror of the snapshot.
   */
  public Future<JsonObject> snapshot(Scope scope) {
    return store.view().map(view -> view.json(scope, app.iso(app.now())));
  }

  /** {@link #snapshot(Scope)} with a filter (one level, a unit's children, the top levels). */
  Future<JsonObject> snapshot(Scope scope, SnapshotView.Filter filter) {
    return store.view().map(view -> view.json(scope, filter, app.iso(app.now())));
  }

  /** The snapshot's version, live-log position and number of entries, without encoding them. */
  public Future<JsonObject> summary() {
    return store.view().map(view -> new JsonObject().put("version", view.version).put("seq", view.seq)
        .put("units", view.size()));
  }

  /**
   * The encoded answer of GET /api/readiness: the caller's scope, one level (null = all), JSON or the CSV
   * sheet. Encoded once per change of the snapshot and scope; only {@code at} is written per call.
   */
  Future<SnapshotView.Answer> snapshotBody(Scope scope, SnapshotView.Filter filter, boolean csv) {
    return store.view().map(view -> view.body(scope, filter, csv, app.iso(app.now())));
  }

  /** {@link #snapshotBody}'s JSON answer gzipped: made at most once a second (see {@link SnapshotView#gzipped}). */
  Future<Buffer> snapshotGzipped(Scope scope, SnapshotView.Filter filter) {
    return store.view().compose(view -> view.gzipped(scope, filter, app.now(), app::iso, app::blocking));
  }

  /** One unit's ranked entry, if the snapshot has it (a copy). */
  public Future<Optional<JsonObject>> unit(long unitId) {
    return store.view().map(view -> Optional.ofNullable(view.entry(unitId)));
  }

  /**
   * Compares the live snapshot with a recompute from PostgreSQL, figure by figure. At a province's size the
   * recompute and the comparison hold every unit at once: they run on a worker, the entries come without their
   * totals, and the answer lists at most {@link #DIFFERENCES_LISTED} differences (all are counted).
   */
  public Future<JsonObject> verify() {
    OffsetDateTime now = app.now();
    return sources.read(now).compose(inputs -> store.all().compose(entries -> app.vertx().executeBlocking(
        () -> compare(ReadinessCalculator.compute(inputs), entries, now), false)));
  }

  static final int DIFFERENCES_LISTED = 200;

  private JsonObject compare(Map<Long, UnitFigures> figures, java.util.List<UnitSnapshot> entries,
      OffsetDateTime now) {
    Map<Long, UnitSnapshot> live = new HashMap<>();
    entries.forEach(s -> live.put(s.unitId(), s));
    JsonArray differences = new JsonArray();
    long count = 0;
    for (UnitFigures f : figures.values()) {
      UnitSnapshot s = live.get(f.unit().id());
      if (s == null) {
        count++;
        if (differences.size() < DIFFERENCES_LISTED) {
          differences.add(new JsonObject().put("unitId", f.unit().id()).put("metric", "*")
              .put("live", null).put("recomputed", "missing from the snapshot"));
        }
        continue;
      }
      JsonObject metrics = s.toJson().getJsonObject("metrics", new JsonObject());
      for (String name : f.metrics().fieldNames()) {
        Object liveValue = metrics.getJsonObject(name, new JsonObject()).getValue("value");
        Object fresh = f.metrics().getValue(name);
        if (!ApplyFigures.same(liveValue, fresh)) {
          count++;
          if (differences.size() < DIFFERENCES_LISTED) {
            differences.add(new JsonObject().put("unitId", f.unit().id()).put("metric", name)
                .put("live", liveValue).put("recomputed", fresh));
          }
        }
      }
    }
    long version = entries.stream().mapToLong(UnitSnapshot::version).sum();
    return new JsonObject()
        .put("consistent", count == 0)
        .put("units", figures.size())
        .put("snapshotUnits", entries.size())
        .put("version", version)
        .put("differenceCount", count)
        .put("differences", differences)
        .put("at", app.iso(now));
  }

  public JsonObject status() {
    return refresher.status().put("timeRound", timeRound.status());
  }
}
