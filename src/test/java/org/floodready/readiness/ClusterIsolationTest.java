package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;
import org.floodready.support.Api;
import org.floodready.support.Eventually;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/**
 * Two independent copies on one machine: their own databases, no cluster name configured, and each other's
 * Hazelcast port in their member lists (so they certainly meet on the wire). They must stay two clusters.
 */
@FloodReadyTest
class ClusterIsolationTest {

  @Test
  void twoServersWithDefaultClusterSettingsOnSeparateDatabasesNeverShareReadiness(Nodes nodes) throws Exception {
    int hzA = Nodes.freePort();
    int hzB = Nodes.freePort();
    String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    FloodReadyServer a = nodes.start(config(nodes, hzA, members));
    FloodReadyServer b = nodes.start(config(nodes, hzB, members));
    Api adminA = nodes.users(a).as("admin");
    Api adminB = nodes.users(b).as("admin");
    JsonObject clusterA = adminA.get("/api/cluster").json();
    JsonObject clusterB = adminB.get("/api/cluster").json();
    assertEquals(1, clusterA.getJsonArray("members").size(), clusterA.encode());
    assertEquals(1, clusterB.getJsonArray("members").size(), clusterB.encode());
    assertTrue(clusterA.getBoolean("clusterNameDerived"));
    assertTrue(clusterA.getString("clusterName").matches("floodready-[0-9a-f]{16}"), clusterA.encode());
    assertNotEquals(clusterA.getString("clusterName"), clusterB.getString("clusterName"));
    ClusterLiveTest.awaitConsistent(adminA);
    ClusterLiveTest.awaitConsistent(adminB);

    JsonObject before = adminB.get("/api/readiness").json();
    StockFixture stock = StockFixture.find(a.app(), adminA, Set.of());
    long unitVersionA = adminA.get("/api/readiness/units/" + stock.unitId()).json().getLong("version");
    Resp receipt = adminA.post("/api/bases/" + stock.baseId() + "/receipts",
        new JsonObject().put("itemId", stock.itemId()).put("quantity", 5), UUID.randomUUID().toString());
    assertEquals(201, receipt.status(), receipt.toString());
    stock.issueOne(adminA);
    awaitTrue(() -> adminA.get("/api/readiness/units/" + stock.unitId()).json().getLong("version") > unitVersionA,
        "A's own readiness shows its movements");

    Resp created = adminA.post("/api/admin/units", new JsonObject().put("code", "ISO-" + UUID.randomUUID())
        .put("nameZh", "隔离测试社区").put("nameEn", "Isolation test").put("parentId", streetId(adminA)));
    assertEquals(201, created.status(), created.toString());
    long newUnit = created.json().getLong("id");
    awaitTrue(() -> adminA.get("/api/readiness").json().getJsonArray("units").stream()
        .anyMatch(u -> ((JsonObject) u).getLong("unitId") == newUnit), "A ranks its new unit");

    // B's snapshot is exactly what it was; the same id on B (if any) is a different, older unit
    JsonObject after = adminB.get("/api/readiness").json();
    assertEquals(before.getLong("version"), after.getLong("version"), "B's readiness version moved");
    assertEquals(before.getJsonArray("units").size(), after.getJsonArray("units").size());
    assertFalse(after.getJsonArray("units").stream().map(JsonObject.class::cast)
        .anyMatch(u -> "隔离测试社区".equals(u.getString("nameZh"))), "A's unit appears in B's ranking");
    assertEquals(before.getJsonArray("units"), after.getJsonArray("units"));
    assertEquals(1, adminA.get("/api/cluster").json().getJsonArray("members").size());
    assertEquals(1, adminB.get("/api/cluster").json().getJsonArray("members").size());
  }

  @Test
  void aNodeConfiguredWithTheSameClusterNameButAnotherDatabaseRefusesToJoin(Nodes nodes) throws Exception {
    int hzA = Nodes.freePort();
    int hzB = Nodes.freePort();
    String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
    String name = "fr-same-name-" + UUID.randomUUID();
    FloodReadyServer a = nodes.start(config(nodes, hzA, members, "--cluster-name", name));
    AppConfig other = config(nodes, hzB, members, "--cluster-name", name);
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> {
      try (FloodReadyServer joined = FloodReadyServer.start(other, java.time.Clock.systemUTC())) {
        // must not get here
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause();
      }
    });
    assertTrue(refused.getMessage().contains("uses another database"), refused.getMessage());
    Api adminA = nodes.users(a).as("admin");
    awaitTrue(() -> adminA.get("/api/cluster").json().getJsonArray("members").size() == 1,
        "the refused node left A's cluster");
    ClusterLiveTest.awaitConsistent(adminA);
  }

  /** The test defaults but without the unique cluster name every test node gets: the product's default. */
  private static AppConfig config(Nodes nodes, int hzPort, String members, String... extra) throws Exception {
    String[] args = {"--pg-url", nodes.demoDatabase().url(), "--port", Integer.toString(Nodes.freePort()),
        "--data-dir", nodes.dataDir().toString(), "--http-instances", "1", "--host", "127.0.0.1",
        "--cluster-host", "127.0.0.1", "--cluster-port", Integer.toString(hzPort), "--cluster-members", members};
    return AppConfig.from(Nodes.concat(args, extra), Map.of());
  }

  private static long streetId(Api admin) {
    return admin.get("/api/units?level=street").json().getJsonArray("items").getJsonObject(0).getLong("id");
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    Eventually.waitFor(Duration.ofSeconds(30), what, condition);
  }
}
