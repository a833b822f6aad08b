package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.floodready.cluster.HazelcastSettings;
import org.floodready.units.Unit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The snapshot on two real Hazelcast members with one backup, written the way a rebuild writes it (one batch
 * per partition) and read through {@link SnapshotSerializer}, whose entries keep their totals undecoded until an
 * entry processor reads them: the other member's mirror must hold the same bytes, the totals read back on
 * either member must be the ones computed, a second rebuild of unchanged inputs must change nothing, and after
 * the rebuilding member is gone, the backups' totals must carry an incremental update to the right figures.
 */
class SnapshotMembersTest {
  private static final long SEQ = 10;

  private Vertx vertx;
  private final List<HazelcastInstance> members = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    String cluster = "snapshot-members-" + UUID.randomUUID();
    int[] ports = {freePort(), freePort()};
    members.add(Hazelcast.newHazelcastInstance(config(cluster, ports[0], ports)));
    members.add(Hazelcast.newHazelcastInstance(config(cluster, ports[1], ports)));
  }

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() throws Exception {
    members.forEach(m -> m.getLifecycleService().terminate());
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Config config(String cluster, int port, int[] ports) {
    Config c = new Config().setClusterName(cluster);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    c.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    JoinConfig join = c.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + ports[0]).addMember("127.0.0.1:" + ports[1]);
    c.addMapConfig(new MapConfig(HazelcastSettings.READINESS_MAPS).setBackupCount(1));
    return SnapshotSerializer.register(c);
  }

  /** 2 cities × 4 districts × 5 streets × 3 communities, stock at every community, checkpoints at streets. */
  private static ReadinessInputs inputs(double pumpsAtFirstCommunity) {
    List<Unit> units = new ArrayList<>();
    List<StockLine> stock = new ArrayList<>();
    List<CheckpointLine> checkpoints = new ArrayList<>();
    List<PatrolLine> patrols = new ArrayList<>();
    long id = 1;
    for (int c = 0; c < 2; c++) {
      long city = id++;
      units.add(new Unit(city, "C" + c, "市" + c, "City " + c, "city", null));
      for (int d = 0; d < 4; d++) {
        long district = id++;
        units.add(new Unit(district, "C" + c + "-D" + d, "区" + d, "District " + d, "district", city));
        patrols.add(new PatrolLine(district, 3 + d, 2, d, d % 2));
        for (int s = 0; s < 5; s++) {
          long street = id++;
          units.add(new Unit(street, "C" + c + "-D" + d + "-S" + s, "街道" + s, "Street " + s, "street", district));
          checkpoints.add(new CheckpointLine(street, s == 0 ? "orange" : "none", s == 1, s % 3));
          for (int m = 0; m < 3; m++) {
            long community = id++;
            units.add(new Unit(community, "C" + c + "-D" + d + "-S" + s + "-" + m, "社区" + m, "Community " + m,
                "community", street));
            double pumps = community == 4 ? pumpsAtFirstCommunity : (community % 7) + 0.5;
            stock.add(new StockLine(community, "equipment", "泵", "submersible pump", "P", true, 2, 10, pumps,
                1000 + community));
            stock.add(new StockLine(community, "materials", "编织袋", "woven bags", "W", false, 1, 1000,
                community * 13.7 % 1000, 1000 + community));
          }
        }
      }
    }
    return new ReadinessInputs(units, stock, checkpoints, patrols);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private SnapshotStore store(int member) throws Exception {
    SnapshotStore store = new SnapshotStore(vertx, members.get(member), "m" + member);
    await(store.listen());
    return store;
  }

  /** Every unit's entry against a full computation of {@code in}: each metric's value. */
  private static void assertFigures(SnapshotStore store, ReadinessInputs in, Iterable<Long> ids) {
    Map<Long, UnitFigures> expected = ReadinessCalculator.compute(in);
    for (long id : ids) {
      SnapshotMirror.Held held = store.held(id);
      assertNotNull(held, "unit " + id + " in the mirror");
      JsonObject metrics = held.snapshot().toJson().getJsonObject("metrics");
      JsonObject want = expected.get(id).metrics();
      for (String name : want.fieldNames()) {
        assertTrue(ApplyFigures.same(metrics.getJsonObject(name).getValue("value"), want.getValue(name)),
            "unit " + id + " " + name + ": " + metrics.getJsonObject(name) + " vs " + want.getValue(name));
      }
    }
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "timed out waiting for " + what);
      Thread.sleep(50);
    }
  }

  @Test
  void twoMembersAgreeOnARebuildAndTheBackupsCarryTheNextUpdate() throws Exception {
    SnapshotStore first = store(0);
    SnapshotStore second = store(1);
    Context context = vertx.getOrCreateContext();
    ReadinessInputs in = inputs(4);
    ReadinessRefresh.RebuildPlan plan = ReadinessRefresh.rebuildPlan(in, SEQ, "T1");
    int units = plan.units().size();

    List<UnitSnapshot> changed = await(first.applyAll(plan.applies(), 8, context));
    assertEquals(units, changed.size(), "every entry is new");
    assertFigures(first, in, plan.units().keySet());

    // the other member's mirror, from listener events only: the same bytes, version and seq
    waitFor("the second member's mirror", () -> plan.units().keySet().stream().allMatch(id -> {
      SnapshotMirror.Held h = second.held(id);
      return h != null && h.version() == first.held(id).version();
    }));
    for (long id : plan.units().keySet()) {
      SnapshotMirror.Held a = first.held(id);
      SnapshotMirror.Held b = second.held(id);
      assertArrayEquals(a.json(), b.json(), "unit " + id);
      assertEquals(a.seq(), b.seq());
      assertEquals(a.level(), b.level());
      assertEquals(a.parentId(), b.parentId());
      assertEquals(a.score(), b.score());
    }

    // the totals as stored: read on the other member, decoded from the serializer's bytes
    Map<Long, UnitTotals> own = new HashMap<>();
    ReadinessCalculator.ownParts(in).forEach((id, parts) -> own.put(id, UnitTotals.own(parts)));
    Map<Long, UnitTotals> subtrees = ReadinessCalculator.subtrees(plan.units(), own);
    var map = members.get(1).<Long, UnitSnapshot>getMap(SnapshotStore.MAP);
    for (long id : plan.units().keySet()) {
      UnitTree tree = map.get(id).tree();
      assertTrue(tree.subtree().sameAs(subtrees.get(id)), "subtree totals of " + id);
      assertEquals(plan.children().get(id), tree.children().keySet(), "children of " + id);
    }

    // a rebuild of the same inputs, from the other member: nothing changes
    assertEquals(List.of(), await(second.applyAll(ReadinessRefresh.rebuildPlan(in, SEQ + 1, "T2").applies(), 8,
        context)), "an unchanged province rewrites no entry");

    // the rebuilding member goes: the backups hold the totals, and one community's new stock updates its chain
    members.remove(0).getLifecycleService().terminate();
    waitFor("one member left", () -> members.get(0).getCluster().getMembers().size() == 1);
    ReadinessInputs next = inputs(9);
    Map<String, UnitTotals> part = Map.of(UnitTotals.basePart(1004),
        ReadinessCalculator.ownParts(next).get(4L).get(UnitTotals.basePart(1004)));
    List<Long> chain = new ArrayList<>(ReadinessCalculator.chain(plan.units(), 4L));
    chain.sort((x, y) -> ReadinessCalculator.chain(plan.units(), y).size()
        - ReadinessCalculator.chain(plan.units(), x).size());
    ApplyFigures.Result below = null;
    long belowId = 0;
    for (long id : chain) {
      Map<Long, UnitTree.Slot> slots = below == null ? Map.of()
          : Map.of(belowId, new UnitTree.Slot(below.stamp(), below.subtree()));
      below = await(second.apply(plan.units().get(id), id == 4L ? part : Map.of(), false, SEQ + 2, slots,
          plan.children().get(id), "T3", context));
      assertTrue(!below.incomplete(), "unit " + id + " has all its totals after the failover");
      assertNotNull(below.changed(), "unit " + id + " changed");
      belowId = id;
    }
    assertEquals(4, chain.size());
    assertFigures(second, next, plan.units().keySet());
  }
}
