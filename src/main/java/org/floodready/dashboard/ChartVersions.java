package org.floodready.dashboard;

import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.floodready.AppContext;
import org.floodready.cluster.DomainEvents;
import org.floodready.readiness.LiveFeed;

/**
 * The version of each chart data source on this node, so that a cached chart is found without reading
 * its data. A source's version moves when an event that changes its figures arrives: this node's own
 * events at once, as they are published (a GET right after a write on this node sees the change), every
 * node's events again when the clustered event bus delivers them. An event of a type not listed here
 * moves every source. The readiness chart moves with the live feed's nudges, which come after the
 * readiness snapshot was updated (the domain event itself comes before).
 *
 * <p>The version also carries the period of the node's clock ({@link #PERIOD_MS}): figures that change
 * with time alone (lots expiring, equipment tests falling overdue, hazards ageing, patrol periods, the
 * level chart's window) and writes that publish no event (catalogue names, keepers, reaches) are at most
 * one period stale. A new period costs a data read, not a render, when the figures did not change.
 */
final class ChartVersions implements Shareable {
  static final long PERIOD_MS = 60_000;
  static final String COVERAGE = "coverage";
  static final String COMPLIANCE = "compliance";
  static final String HAZARDS = "hazards";
  static final String READINESS = "readiness";
  static final String LEVELS = "levels-";

  private static final Map<String, List<String>> SOURCES_BY_EVENT = Map.ofEntries(
      Map.entry("stock.changed", List.of(COVERAGE)), Map.entry("stock.tested", List.of(COVERAGE)),
      Map.entry("transfer.changed", List.of(COVERAGE)), Map.entry("stocktake.closed", List.of(COVERAGE)),
      Map.entry("quota.changed", List.of(COVERAGE)), Map.entry("response_level.changed", List.of(COVERAGE)),
      Map.entry("patrol.logged", List.of(COMPLIANCE)), Map.entry("hazard.changed", List.of(COMPLIANCE, HAZARDS)),
      Map.entry("unit.created", List.of(COMPLIANCE)));
  /** Per checkpoint: the level chart of the event's checkpoint. */
  private static final Set<String> CHECKPOINT_EVENTS = Set.of("reading.recorded", "checkpoint.changed");
  /** Alerts are on no chart. */
  private static final Set<String> NO_CHART = Set.of("alert.raised", "alert.acknowledged", "alert.escalated",
      "alert.resolved");

  /** Events that change the coverage of the one base they name. */
  private static final Set<String> BASE_COVERAGE_EVENTS = Set.of("stock.changed", "stock.tested", "stocktake.closed",
      "quota.changed");

  /** What changed the coverage since the last {@link #takeCoverageChanges()}: some bases, or everything. */
  record CoverageChanges(boolean everything, Set<Long> bases) {
  }

  private final Clock clock;
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Set<Long> changedBases = new java.util.HashSet<>();
  private boolean coverageChangedEverywhere = true;
  private final AtomicLong everything = new AtomicLong();

  ChartVersions(Clock clock) {
    this.clock = clock;
  }

  /** The node's versions; the first caller on a node hooks them to the domain events. */
  static ChartVersions of(AppContext app) {
    LocalMap<String, ChartVersions> map = app.vertx().sharedData().getLocalMap("floodready.dashboard.versions");
    ChartVersions fresh = new ChartVersions(app.clock());
    ChartVersions earlier = map.putIfAbsent("versions", fresh);
    if (earlier != null) {
      return earlier;
    }
    app.events().onPublished(fresh::onEvent);
    app.vertx().eventBus().<JsonObject>consumer(DomainEvents.ADDRESS, m -> fresh.onEvent(m.body()));
    app.vertx().eventBus().consumer(LiveFeed.NUDGE_ADDRESS, m -> fresh.bump(READINESS));
    return fresh;
  }

  /** The current version of a source; read it BEFORE reading the data it versions. */
  String version(String source) {
    return eventVersion(source) + "@" + clock.millis() / PERIOD_MS;
  }

  /** The part of the version that events move. */
  String eventVersion(String source) {
    return everything.get() + "." + counter(source).get();
  }

  void onEvent(JsonObject event) {
    String type = event.getString("type", "");
    if (NO_CHART.contains(type)) {
      return;
    }
    noteCoverageChange(type, event);
    if (CHECKPOINT_EVENTS.contains(type) && event.getValue("checkpointId") instanceof Number id) {
      bump(LEVELS + id.longValue());
      return;
    }
    List<String> sources = SOURCES_BY_EVENT.get(type);
    if (sources == null) {
      everything.incrementAndGet();
    } else {
      sources.forEach(this::bump);
    }
  }

  /** Recorded before the version moves, so a read under the new version finds what it must read again. */
  private synchronized void noteCoverageChange(String type, JsonObject event) {
    if (BASE_COVERAGE_EVENTS.contains(type) && event.getValue("baseId") instanceof Number baseId) {
      changedBases.add(baseId.longValue());
    } else if (!CHECKPOINT_EVENTS.contains(type) && (!SOURCES_BY_EVENT.containsKey(type)
        || SOURCES_BY_EVENT.get(type).contains(COVERAGE))) {
      coverageChangedEverywhere = true;
    }
  }

  /** What changed the coverage since the last call (everything, the first time), and forgets it. */
  synchronized CoverageChanges takeCoverageChanges() {
    CoverageChanges changes = new CoverageChanges(coverageChangedEverywhere, Set.copyOf(changedBases));
    coverageChangedEverywhere = false;
    changedBases.clear();
    return changes;
  }

  /** After a failed read: what it should have read is read in full next time. */
  synchronized void coverageUnknown() {
    coverageChangedEverywhere = true;
  }

  /** The clock period the versions carry. */
  long period() {
    return clock.millis() / PERIOD_MS;
  }

  void bump(String source) {
    counter(source).incrementAndGet();
  }

  private AtomicLong counter(String source) {
    return counters.computeIfAbsent(source, s -> new AtomicLong());
  }
}
