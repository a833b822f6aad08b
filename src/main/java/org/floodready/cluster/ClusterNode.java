package org.floodready.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.splitbrainprotection.SplitBrainProtection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import org.floodready.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's Hazelcast member: who is in the cluster, whether this member is the oldest (the one
 * that runs cluster-wide chores), and callbacks when a member joins or is lost and when a split
 * brain has healed.
 */
public final class ClusterNode {
  private static final Logger log = LoggerFactory.getLogger(ClusterNode.class);

  private final HazelcastInstance hazelcast;
  private final AppConfig config;
  private final DatabaseIdentity database;

  public ClusterNode(HazelcastInstance hazelcast, AppConfig config, DatabaseIdentity database) {
    this.hazelcast = hazelcast;
    this.config = config;
    this.database = database;
  }

  /**
   * Refuses a cluster whose members use another database (same cluster name configured on both, or an
   * old member without the attribute): their readiness figures would mix. Called right after joining,
   * before this node reads or writes anything shared; the caller then leaves the cluster.
   */
  public void requireSameDatabase() {
    for (Member m : hazelcast.getCluster().getMembers()) {
      if (!m.localMember() && !database.digest().equals(m.getAttribute(HazelcastSettings.DATABASE_ATTRIBUTE))) {
        String message = "Refusing to join cluster '" + clusterName() + "': member " + describe(m)
            + " uses another database than this node (" + database.database() + "). Give this node its own"
            + " --cluster-name (or leave it empty to derive one from the database), or point it at the same database.";
        log.error(message);
        throw new IllegalStateException(message);
      }
    }
  }

  public String clusterName() {
    return hazelcast.getConfig().getClusterName();
  }

  public HazelcastInstance hazelcast() {
    return hazelcast;
  }

  public String nodeName() {
    return config.effectiveNodeName();
  }

  /** Listeners run on Hazelcast threads; keep them short and thread-safe. */
  public void listen(Runnable memberJoined, Runnable memberLost, Runnable merged) {
    hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
        log.info("Cluster member joined: {} ({} members)", describe(event.getMember()), event.getMembers().size());
        if (!database.digest().equals(event.getMember().getAttribute(HazelcastSettings.DATABASE_ATTRIBUTE))) {
          log.error("Cluster member {} uses another database than this node; it refuses the cluster and leaves",
              describe(event.getMember()));
        }
        memberJoined.run();
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        log.warn("Cluster member lost: {} ({} members left)", describe(event.getMember()), event.getMembers().size());
        memberLost.run();
      }
    });
    hazelcast.getLifecycleService().addLifecycleListener(event -> {
      if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
        log.warn("Split brain healed: this member merged back into the cluster");
        try {
          requireSameDatabase();
        } catch (IllegalStateException foreign) {
          return; // logged; the snapshot is not rebuilt from this node's database into theirs
        }
        merged.run();
      }
    });
  }

  /** The oldest member runs the chores that need doing once per cluster. */
  public boolean isOldest() {
    Iterator<Member> it = hazelcast.getCluster().getMembers().iterator();
    return it.hasNext() && it.next().localMember();
  }

  public int memberCount() {
    return hazelcast.getCluster().getMembers().size();
  }

  public JsonObject toJson() {
    JsonArray members = new JsonArray();
    boolean first = true;
    for (Member m : hazelcast.getCluster().getMembers()) {
      members.add(new JsonObject()
          .put("id", m.getUuid().toString())
          .put("address", m.getAddress().getHost() + ":" + m.getAddress().getPort())
          .put("node", m.getAttribute(HazelcastSettings.NODE_ATTRIBUTE))
          .put("httpPort", parsePort(m.getAttribute(HazelcastSettings.HTTP_ATTRIBUTE)))
          .put("oldest", first)
          .put("local", m.localMember()));
      first = false;
    }
    Member local = hazelcast.getCluster().getLocalMember();
    int quorumSize = HazelcastSettings.quorumSize(config.clusterMembers().size());
    JsonObject quorum = new JsonObject().put("configuredMembers", config.clusterMembers().size())
        .put("minimumSize", quorumSize > 0 ? quorumSize : null);
    if (quorumSize > 0) {
      SplitBrainProtection protection = hazelcast.getSplitBrainProtectionService()
          .getSplitBrainProtection(HazelcastSettings.QUORUM);
      quorum.put("present", protection.hasMinimumSize());
    } else {
      quorum.put("present", true);
    }
    return new JsonObject()
        .put("clusterName", clusterName())
        .put("clusterNameDerived", config.clusterName().isBlank())
        .put("you", new JsonObject().put("node", nodeName()).put("id", local.getUuid().toString())
            .put("address", local.getAddress().getHost() + ":" + local.getAddress().getPort()))
        .put("members", members)
        .put("quorum", quorum);
  }

  private static Integer parsePort(String s) {
    try {
      return s == null ? null : Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String describe(Member m) {
    String node = m.getAttribute(HazelcastSettings.NODE_ATTRIBUTE);
    return (node == null ? "" : node + " ") + m.getAddress();
  }
}
