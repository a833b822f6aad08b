package org.floodready.readiness;

import org.floodready.access.ScopeResolver;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.floodready.app.AppContext;
import org.floodready.cluster.ClusterNode;
import org.floodready.events.EventLog;
import org.floodready.events.EventType;
import org.floodready.events.LoggedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness parts of one node, wired once per node (the HTTP verticles are deployed once per core
 * and look these up by their Vert.x instance): the snapshot service and the cluster member.
 */
public final class ReadinessNode {
  static final long PRUNE_MS = 600_000;
  /** How long a start waits for the first rebuild before it serves anyway. */
  static final long START_REBUILD_WAIT_MS = 30_000;
  private static final Logger log = LoggerFactory.getLogger(ReadinessNode.class);
  private static final Map<Vertx, ReadinessNode> NODES = new ConcurrentHashMap<>();

  private final AppContext app;
  private final ClusterNode cluster;
  private final EventLog eventLog;
  private final SnapshotStore store;
  private final ReadinessRefresh refresher;
  private final ReadinessService service;
  private final TimeRound timeRound;
  private volatile boolean stopped;

  private ReadinessNode(AppContext app, ClusterNode cluster) {
    this.app = app;
    this.store = new SnapshotStore(app.vertx(), cluster.hazelcast(), app.events().node());
    this.cluster = cluster;
    this.eventLog = new EventLog(app.pool());
    ReadinessSources sources = ReadinessSources.of(app);
    this.refresher = new ReadinessRefresh(app, store, eventLog, sources);
    this.timeRound = new TimeRound(app, refresher);
    this.service = new ReadinessService(app, store, sources, refresher, timeRound);
  }

  /** Hooks the domain events and cluster changes, and builds the snapshot. */
  public static Future<ReadinessNode> start(AppContext app, ClusterNode cluster) {
    ReadinessNode node = new ReadinessNode(app, cluster);
    return node.store.listen().compose(listening -> app.vertx().deployVerticle(node.refresher))
        .compose(id -> node.timeRound.prime().otherwiseEmpty()).compose(primed -> {
      NODES.put(app.vertx(), node);
      app.events().follow(node::onEvents);
      cluster.listen(node::onMemberJoined, node::onMemberLost, node::onMerged);
      // the figures that time alone changes: only the units that crossed a threshold since the last round
      app.vertx().setPeriodic(app.config().sweepInterval().toMillis(), t -> node.chore(node.timeRound::run));
      app.vertx().setPeriodic(PRUNE_MS, t -> node.chore(node.eventLog::prune));
      // At the default size the rebuild takes well under a second and the node serves a whole snapshot from
      // its first request; at province scale it takes longer, and the node serves meanwhile (the snapshot
      // fills in as the rebuild applies each unit) instead of failing its start-up time-out.
      return node.service.rebuild("cluster start").timeout(START_REBUILD_WAIT_MS, TimeUnit.MILLISECONDS)
          .otherwiseEmpty().map(node);
    });
  }

  public static ReadinessNode of(Vertx vertx) {
    ReadinessNode node = NODES.get(vertx);
    if (node == null) {
      throw new IllegalStateException("readiness is not started on this node");
    }
    return node;
  }

  /** Before the node closes: cluster changes seen while shutting down no longer start rebuilds. */
  public void stop() {
    stopped = true;
    NODES.remove(app.vertx());
  }

  public ReadinessService service() {
    return service;
  }

  public ClusterNode cluster() {
    return cluster;
  }

  public ScopeResolver scopes() {
    return app.scopes();
  }

  /**
   * Every node follows the log; the oldest member recomputes what the events touched (one refresh per
   * event in the cluster; when the oldest leaves, the next one rebuilds everything).
   */
  private void onEvents(List<LoggedEvent> batch) {
    if (stopped || !cluster.isOldest()) {
      return;
    }
    for (LoggedEvent e : batch) {
      EventType.Reach reach = e.kind().map(EventType::reach).orElse(EventType.Reach.UNIT);
      if (reach == EventType.Reach.NONE) {
        continue;
      }
      Long baseId = reach == EventType.Reach.BASE && e.unitId() != null ? baseOf(e) : null;
      if (baseId != null) {
        service.refreshBase(e.unitId(), baseId);
      } else {
        service.refresh(e.unitId());
      }
    }
  }

  private static Long baseOf(LoggedEvent e) {
    return e.payload().getValue("baseId") instanceof Number n ? n.longValue() : null;
  }

  private void onMemberJoined() {
    if (!stopped && service.lastRebuildFailed() && cluster.isOldest()) {
      service.rebuild("member joined after a failed rebuild");
    }
  }

  private void onMemberLost() {
    if (!stopped && cluster.isOldest()) {
      service.rebuild("member lost");
    }
  }

  private void onMerged() {
    if (!stopped) {
      service.rebuild("split brain healed");
    }
  }

  private void chore(java.util.function.Supplier<Future<Void>> work) {
    if (!stopped && cluster.isOldest()) {
      work.get().onFailure(e -> log.debug("Readiness chore failed: {}", e.toString()));
    }
  }
}
