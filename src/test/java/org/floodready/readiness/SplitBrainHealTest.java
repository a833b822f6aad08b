package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeProcess;
import org.floodready.support.On;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real split brain and its heal: node A in this JVM, node B in its own JVM, one PostgreSQL. B is frozen
 * with SIGSTOP until A drops it (no heartbeat for 10 s), A takes writes alone, then B is let go with
 * SIGCONT: it finds itself outside A's cluster, takes writes on its side, and Hazelcast merges the two
 * clusters again. The member that merged rebuilds the snapshot from PostgreSQL ("split brain healed"):
 * afterwards every node's snapshot equals a fresh recompute and holds every write made on either side.
 */
@FloodReadyTest(nodes = 2, separateJvm = true)
class SplitBrainHealTest {
  static TestServer a;
  static NodeProcess b;
  static Api adminA;
  static Api adminB;

  @BeforeAll
  static void cluster(TestServer nodeA, @On("b") NodeProcess nodeB, @As("admin") Api admin,
      @On("b") @As("admin") Api admin2) throws Exception {
    a = nodeA;
    b = nodeB;
    adminA = admin;
    adminB = admin2;
    ClusterLiveTest.awaitConsistent(adminA);
  }

  @Test
  void afterASplitBrainHealsTheSnapshotEqualsARecomputeWithEveryWriteOfBothSides() throws Exception {
    StockFixture equipment = StockFixture.find(a.server.app(), adminA, java.util.Set.of());
    StockFixture stock = StockFixture.plenty(a.server.app(), adminA, 100);
    List<Long> acknowledged = new ArrayList<>();
    long rebuildsOnA = status(adminA).getLong("rebuilds");

    b.suspend();
    try {
      ClusterLiveTest.awaitMembers(adminA, 1);
      acknowledged.add(equipment.issueOne(adminA));
      acknowledged.add(stock.issueOne(adminA));
    } finally {
      b.resume();
    }

    // B now learns it was dropped; it serves on its own side until the clusters merge
    int writesOnB = 0;
    int writesOnBAlone = 0;
    boolean sawBAlone = false;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      int membersOnB = members(adminB);
      if (membersOnB == 1) {
        sawBAlone = true;
      } else if (sawBAlone && membersOnB == 2 && members(adminA) == 2) {
        break;
      }
      try {
        acknowledged.add((writesOnB % 2 == 0 ? equipment : stock).issueOne(adminB));
        writesOnB++;
        writesOnBAlone += membersOnB == 1 ? 1 : 0;
        acknowledged.add(stock.issueOne(adminA));
      } catch (IllegalStateException notAcknowledged) {
        // a write refused while the node sorts out its membership is no write; only acknowledged ones count
      }
      Thread.sleep(300);
    }
    assertTrue(sawBAlone, "B never saw itself outside A's cluster: no split happened");
    assertTrue(writesOnBAlone >= 1, "no write was acknowledged by B during the split");
    ClusterLiveTest.awaitMembers(adminA, 2);
    ClusterLiveTest.awaitMembers(adminB, 2);

    JsonObject healed = awaitRebuild("split brain healed");
    JsonObject verifyA = ClusterLiveTest.awaitConsistent(adminA);
    JsonObject verifyB = ClusterLiveTest.awaitConsistent(adminB);
    assertEquals(verifyA.getInteger("units"), verifyA.getInteger("snapshotUnits"), verifyA.encode());
    assertEquals(verifyB.getInteger("units"), verifyB.getInteger("snapshotUnits"), verifyB.encode());
    assertEquals(acknowledged.size(), ClusterLiveTest.countMovements(a, acknowledged),
        "every movement acknowledged on either side is in PostgreSQL");
    assertTrue(healed.getLong("rebuilds") > 0, healed.encode());
    assertTrue(status(adminA).getLong("rebuilds") >= rebuildsOnA);
    System.out.printf("split brain: %d writes on B (%d while B was alone), %d in all; healed: %s%n",
        writesOnB, writesOnBAlone, acknowledged.size(), healed.encode());
  }

  /** The status of the node whose last rebuild had this reason, waiting for it. */
  private static JsonObject awaitRebuild(String reason) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      for (Api admin : List.of(adminA, adminB)) {
        JsonObject s = status(admin);
        if (s != null && reason.equals(s.getString("lastRebuildReason"))) {
          return s;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no node rebuilt with reason '" + reason + "': A " + status(adminA) + ", B " + status(adminB));
  }

  private static JsonObject status(Api admin) {
    Resp r = admin.get("/api/cluster");
    return r.status() == 200 ? r.json().getJsonObject("snapshot") : null;
  }

  private static int members(Api admin) {
    Resp r = admin.get("/api/cluster");
    return r.status() == 200 ? r.json().getJsonArray("members").size() : -1;
  }
}
