package org.floodready.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import java.util.List;
import java.util.Map;
import org.floodready.config.AppConfig;
import org.floodready.config.ConfigException;
import org.junit.jupiter.api.Test;

class HazelcastSettingsTest {

  private static final DatabaseIdentity DB = DatabaseIdentity.of("7300000000000000001", "floodready", "/srv/pg");

  private static AppConfig config(String... args) {
    return AppConfig.from(args, Map.of());
  }

  @Test
  void defaultsJoinOverTcpOnLoopbackWithoutMulticastOrQuorum() {
    AppConfig app = config();
    assertEquals(List.of("127.0.0.1"), app.clusterMembers());
    assertEquals("127.0.0.1:8080", app.effectiveNodeName());
    Config c = HazelcastSettings.build(app, DB);
    assertEquals(DB.clusterName(), c.getClusterName(), "no name configured: derived from the database");
    assertTrue(c.getClusterName().matches("floodready-[0-9a-f]{16}"), c.getClusterName());
    assertEquals(DB.digest(), c.getMemberAttributeConfig().getAttribute(HazelcastSettings.DATABASE_ATTRIBUTE));
    assertEquals(5701, c.getNetworkConfig().getPort());
    assertFalse(c.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
    assertTrue(c.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled());
    assertEquals(List.of("127.0.0.1"), c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    MapConfig readiness = c.getMapConfig("readiness.units");
    assertEquals(1, readiness.getBackupCount());
    assertNull(readiness.getSplitBrainProtectionName());
    assertEquals(1, c.getMultiMapConfig("__vertx.subs").getBackupCount(), "Vert.x's own maps keep their settings");
    assertEquals(15 * 60, c.getMapConfig(org.floodready.auth.LoginLimiter.MAP).getTimeToLiveSeconds(),
        "failed logins live one login window");
  }

  @Test
  void threeOrMoreConfiguredMembersGetAMajorityQuorum() {
    AppConfig app = config("--cluster-members", "10.0.0.1:5701, 10.0.0.2:5701,10.0.0.3:5701", "--cluster-name", "hq",
        "--cluster-port", "5801", "--node-name", "duty-room-1");
    Config c = HazelcastSettings.build(app, DB);
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5701", "10.0.0.3:5701"),
        c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    assertEquals("hq", c.getClusterName());
    assertEquals(HazelcastSettings.QUORUM, c.getMapConfig("readiness.units").getSplitBrainProtectionName());
    assertEquals(2, c.getSplitBrainProtectionConfig(HazelcastSettings.QUORUM).getMinimumClusterSize());
    assertEquals("duty-room-1", c.getMemberAttributeConfig().getAttribute(HazelcastSettings.NODE_ATTRIBUTE));
    assertEquals(0, HazelcastSettings.quorumSize(2));
    assertEquals(3, HazelcastSettings.quorumSize(5));
  }

  @Test
  void anotherDatabaseGivesAnotherClusterName() {
    assertNotEquals(DB.clusterName(), DatabaseIdentity.of("7300000000000000002", "floodready", "/srv/pg").clusterName(),
        "another server");
    assertNotEquals(DB.clusterName(), DatabaseIdentity.of("7300000000000000001", "floodready2", "/srv/pg").clusterName(),
        "another database on the same server");
    assertNotEquals(DB.clusterName(), DatabaseIdentity.of("7300000000000000001", "floodready", "/srv/pg-copy").clusterName(),
        "a copied data directory");
    assertEquals(DB.clusterName(), DatabaseIdentity.of("7300000000000000001", "floodready", "/srv/pg").clusterName());
    assertEquals(DB.clusterName(), HazelcastSettings.build(config("--cluster-name", " "), DB).getClusterName());
  }

  @Test
  void emptyClusterSettingsAreRejected() {
    assertThrows(ConfigException.class, () -> config("--cluster-members", " , "));
    assertThrows(ConfigException.class, () -> config("--cluster-port", "0"));
  }
}
