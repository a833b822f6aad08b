package org.floodready.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.util.UUID;
import org.floodready.config.AppConfig;

/**
 * The Hazelcast member configuration of a node, built in code: TCP/IP join with the configured member
 * list (multicast and auto-detection off), a cluster name derived from the database unless one is configured,
 * the database's identity as a member attribute, one backup of every map, and a split-brain protection quorum
 * on the readiness maps when three or more members are configured.
 */
public final class HazelcastSettings {
  /** Maps whose names start with this hold the live readiness snapshot. */
  public static final String READINESS_MAPS = "readiness*";
  public static final String QUORUM = "floodready-quorum";
  public static final String NODE_ATTRIBUTE = "floodready.node";
  public static final String HTTP_ATTRIBUTE = "floodready.http";
  /** The digest of the member's {@link DatabaseIdentity}: members of one cluster must share it. */
  public static final String DATABASE_ATTRIBUTE = "floodready.db";

  private HazelcastSettings() {
  }

  public static Config build(AppConfig app, DatabaseIdentity database) {
    Config c = ConfigUtil.loadConfig(); // Vert.x's own maps (subscriptions, node info) with their settings
    c.setClusterName(clusterName(app, database));
    c.setInstanceName("floodready-" + UUID.randomUUID());
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "1");
    // a killed member is noticed within seconds, not the default minute
    c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    c.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    c.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    c.getMemberAttributeConfig().setAttribute(NODE_ATTRIBUTE, app.effectiveNodeName());
    c.getMemberAttributeConfig().setAttribute(HTTP_ATTRIBUTE, Integer.toString(app.httpPort()));
    c.getMemberAttributeConfig().setAttribute(DATABASE_ATTRIBUTE, database.digest());

    NetworkConfig network = c.getNetworkConfig();
    network.setPort(app.clusterPort()).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).clear().addInterface(app.clusterHost());
    c.setProperty("hazelcast.socket.bind.any", "false");
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(app.clusterMembers());

    MapConfig readiness = new MapConfig(READINESS_MAPS).setBackupCount(1);
    int quorum = quorumSize(app.clusterMembers().size());
    if (quorum > 0) {
      c.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(QUORUM, true, quorum));
      readiness.setSplitBrainProtectionName(QUORUM);
    }
    c.addMapConfig(readiness);
    // failed logins: an entry lives one window after its last failure
    c.addMapConfig(new MapConfig(org.floodready.auth.LoginLimiter.MAP).setBackupCount(1)
        .setTimeToLiveSeconds((int) Math.min(Integer.MAX_VALUE, app.loginWindow().toSeconds())));
    return c;
  }

  /** The configured cluster name, else one derived from the database, so nodes on other databases never meet. */
  public static String clusterName(AppConfig app, DatabaseIdentity database) {
    return app.clusterName().isBlank() ? database.clusterName() : app.clusterName();
  }

  /** A majority of the configured members when there are three or more, else 0 (no quorum). */
  public static int quorumSize(int configuredMembers) {
    return configuredMembers >= 3 ? configuredMembers / 2 + 1 : 0;
  }
}
