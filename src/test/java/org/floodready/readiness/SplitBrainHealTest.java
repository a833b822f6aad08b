package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.floodready.support.Http;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real split brain and its heal: node A in this JVM, node B in its own JVM, one PostgreSQL. B is frozen
 * with SIGSTOP until A drops it (no heartbeat for 10 s), A takes writes alone, then B is let go with
 * SIGCONT: it finds itself outside A's cluster, takes writes on its side, and Hazelcast merges the two
 * clusters again. The member that merged rebuilds the snapshot from PostgreSQL ("split brain healed"):
 * afterwards every node's snapshot equals a fresh recompute and holds every write made on either side.
 */
class SplitBrainHealTest {
  static TestServer a;
  static NodeProcess b;
  static Http adminA;
  static Http adminB;

  @BeforeAll
  static void startCluster() throws Exception {
    int hzA = TestServer.freePort();
    int hzB = TestServer.freePort();
    String[] common = {"--cluster-name", "fr-split-" + UUID.randomUUID(),
        "--cluster-members", "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB,
        "--jwt-secret", "split-test-" + UUID.randomUUID()};
    a = TestServer.start(Clock.systemUTC(), TestServer.concat(common,
        new String[] {"--cluster-port", Integer.toString(hzA), "--node-name", "node-a"}));
    List<String> args = new ArrayList<>(List.of(common));
    args.addAll(List.of("--cluster-port", Integer.toString(hzB), "--pg-url", a.server.pgUrl().url(),
        "--data-dir", Files.createTempDirectory("fr-split-b").toString()));
    b = NodeProcess.start("node-b", TestServer.freePort(), args);
    adminA = a.as("admin");
    adminB = b.as("admin");
    ClusterLiveTest.awaitMembers(adminA, 2);
    ClusterLiveTest.awaitMembers(adminB, 2);
    ClusterLiveTest.awaitConsistent(adminA);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (b != null) {
      b.close();
    }
    if (a != null) {
      a.close();
    }
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
      for (Http admin : List.of(adminA, adminB)) {
        JsonObject s = status(admin);
        if (s != null && reason.equals(s.getString("lastRebuildReason"))) {
          return s;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no node rebuilt with reason '" + reason + "': A " + status(adminA) + ", B " + status(adminB));
  }

  private static JsonObject status(Http admin) {
    Resp r = admin.get("/api/cluster");
    return r.status() == 200 ? r.json().getJsonObject("snapshot") : null;
  }

  private static int members(Http admin) {
    Resp r = admin.get("/api/cluster");
    return r.status() == 200 ? r.json().getJsonArray("members").size() : -1;
  }
}
