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

  public ClusterNode(HazelcastInstance hazelcast, AppConfig config) {
    this.hazelcast = hazelcast;
    this.config = config;
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
        .put("clusterName", config.clusterName())
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
