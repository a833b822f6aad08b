package org.floodready.board.charts;

import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.floodready.app.AppContext;
import org.floodready.events.EventType;

/**
 * The version of each chart data source on this node, so that a cached chart is found without reading
 * its data. A source's version moves when the node's log follower hands over an event that changes its
 * figures, as the event catalogue ({@link EventType#charts()}) says: written on any node, each event
 * arrives once, shortly after its commit. This node's own events move the versions once more at their
 * commit, before the write answers, so a GET right after a write on this node sees the change. An event of a type the catalogue does not list moves every
 * source. The readiness chart moves with the readiness refresh's own log rows, which come after the
 * readiness snapshot was updated.
 *
 * <p>The version also carries the period of the node's clock ({@link #PERIOD_MS}): figures that change
 * with time alone (lots expiring, equipment tests falling overdue, hazards ageing, patrol periods, the
 * level chart's window) and writes that log no event (catalogue names, keepers, reaches) are at most
 * one period stale. A new period costs a data read, not a render, when the figures did not change.
 */
public final class ChartVersions implements Shareable {
  static final long PERIOD_MS = 60_000;
  public static final String COVERAGE = "coverage";
  public static final String COMPLIANCE = "compliance";
  public static final String HAZARDS = "hazards";
  public static final String READINESS = "readiness";
  public static final String LEVELS = "levels-";

  private static final Map<EventType.Chart, String> SOURCES = Map.of(EventType.Chart.COVERAGE, COVERAGE,
      EventType.Chart.COMPLIANCE, COMPLIANCE, EventType.Chart.HAZARDS, HAZARDS, EventType.Chart.READINESS, READINESS);

  /** What changed the coverage since the last {@link #takeCoverageChanges()}: some bases, or everything. */
  public record CoverageChanges(boolean everything, Set<Long> bases) {
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
  public static ChartVersions of(AppContext app) {
    LocalMap<String, ChartVersions> map = app.vertx().sharedData().getLocalMap("floodready.dashboard.versions");
    ChartVersions fresh = new ChartVersions(app.clock());
    ChartVersions earlier = map.putIfAbsent("versions", fresh);
    if (earlier != null) {
      return earlier;
    }
    app.events().follow(batch -> batch.forEach(e -> fresh.onEvent(e.type(), e.payload())));
    app.events().onOwnCommit(events -> events.forEach(e -> fresh.onEvent(e.type(), e.payload())));
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

  /** An event as logged: its payload carries its type. */
  void onEvent(JsonObject event) {
    onEvent(event.getString("type", ""), event);
  }

  void onEvent(String typeName, JsonObject payload) {
    Optional<EventType> type = EventType.of(typeName);
    if (type.isEmpty()) {
      coverageUnknown();
      everything.incrementAndGet();
      return;
    }
    Set<EventType.Chart> charts = type.get().charts();
    if (charts.contains(EventType.Chart.COVERAGE)) {
      noteCoverageChange(type.get().reach() == EventType.Reach.BASE ? payload.getValue("baseId") : null);
    }
    if (charts.contains(EventType.Chart.LEVELS)) {
      if (!(payload.getValue("checkpointId") instanceof Number id)) {
        everything.incrementAndGet(); // which level chart cannot be told
        return;
      }
      bump(LEVELS + id.longValue());
    }
    charts.stream().map(SOURCES::get).filter(Objects::nonNull).forEach(this::bump);
  }

  /** Recorded before the version moves, so a read under the new version finds what it must read again. */
  private synchronized void noteCoverageChange(Object baseId) {
    if (baseId instanceof Number id) {
      changedBases.add(id.longValue());
    } else {
      coverageChangedEverywhere = true;
    }
  }

  /** What changed the coverage since the last call (everything, the first time), and forgets it. */
  public synchronized CoverageChanges takeCoverageChanges() {
    CoverageChanges changes = new CoverageChanges(coverageChangedEverywhere, Set.copyOf(changedBases));
    coverageChangedEverywhere = false;
    changedBases.clear();
    return changes;
  }

  /** After a failed read: what it should have read is read in full next time. */
  public synchronized void coverageUnknown() {
    coverageChangedEverywhere = true;
  }

  /** The clock period the versions carry. */
  public long period() {
    return clock.millis() / PERIOD_MS;
  }

  void bump(String source) {
    counter(source).incrementAndGet();
  }

  private AtomicLong counter(String source) {
    return counters.computeIfAbsent(source, s -> new AtomicLong());
  }
}
