package org.floodready.readiness;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.floodready.AppContext;
import org.floodready.cluster.ClusterNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readiness parts of one node, wired once per node (the HTTP verticles are deployed once per core
 * and look these up by their Vert.x instance): the snapshot service, the live feed, the cluster member.
 */
public final class ReadinessNode {
  static final long REFRESH_MS = 60_000;
  static final long PRUNE_MS = 600_000;
  private static final Logger log = LoggerFactory.getLogger(ReadinessNode.class);
  private static final Map<Vertx, ReadinessNode> NODES = new ConcurrentHashMap<>();

  private final AppContext app;
  private final ClusterNode cluster;
  private final LiveLog liveLog;
  private final LiveAppender appender;
  private final SnapshotStore store;
  private final ReadinessService service;
  private final LiveFeed feed;
  private final ScopeResolver scopes;
  private volatile boolean stopped;

  private ReadinessNode(AppContext app, ClusterNode cluster) {
    this.app = app;
    this.store = new SnapshotStore(app.vertx(), cluster.hazelcast(), app.events().node());
    this.cluster = cluster;
    this.liveLog = new LiveLog(app.pool());
    this.appender = new LiveAppender(liveLog, app.events().node(), app::now, this::written);
    this.service = new ReadinessService(app, store, liveLog,
        ReadinessSources.of(app), appender);
    this.feed = new LiveFeed(liveLog, app.tokens());
    this.scopes = new ScopeResolver(app);
  }

  /** Starts the feed, hooks the domain events and cluster changes, and builds the snapshot. */
  public static Future<ReadinessNode> start(AppContext app, ClusterNode cluster) {
    ReadinessNode node = new ReadinessNode(app, cluster);
    return node.store.listen().compose(listening -> app.vertx().deployVerticle(node.feed)).compose(id -> {
      NODES.put(app.vertx(), node);
      app.events().onPublished(node::onDomainEvent);
      cluster.listen(node::onMemberJoined, node::onMemberLost, node::onMerged);
      app.vertx().setPeriodic(REFRESH_MS, t -> node.chore(() -> node.service.refresh(null)));
      app.vertx().setPeriodic(PRUNE_MS, t -> node.chore(node.liveLog::prune));
      return node.service.rebuild("cluster start").otherwiseEmpty().map(node);
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

  LiveFeed feed() {
    return feed;
  }

  LiveLog liveLog() {
    return liveLog;
  }

  public ScopeResolver scopes() {
    return scopes;
  }

  /** On the publishing node only: log the event for the live push, then recompute what it touched. */
  private void onDomainEvent(JsonObject event) {
    Long unitId = event.getValue("unitId") instanceof Number n ? n.longValue() : null;
    Long baseId = event.getValue("baseId") instanceof Number n ? n.longValue() : null;
    String type = event.getString("type");
    // stock and quota changes touch one base's lines only: the refresh reads just those again
    boolean oneBase = unitId != null && baseId != null && type != null
        && (type.startsWith("stock.") || type.startsWith("quota."));
    appender.append(type, unitId, event, () -> {
      if (oneBase) {
        service.refreshBase(unitId, baseId);
      } else {
        service.refresh(unitId);
      }
    });
  }

  /** This node's feed takes the rows as written; the other nodes' feeds are nudged to read them. */
  private void written(java.util.List<LiveMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    feed.written(messages);
    app.vertx().eventBus().publish(LiveFeed.NUDGE_ADDRESS, messages.get(messages.size() - 1).id());
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
