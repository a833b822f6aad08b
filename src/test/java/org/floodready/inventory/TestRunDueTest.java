package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.floodready.inventory.InventoryFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Test-run due dates follow the application clock: equipment becomes unusable when its test is overdue. */
class TestRunDueTest {
  static TestClock clock = TestClock.now();
  static TestServer server;
  static InventoryFixture f;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(clock);
    f = new InventoryFixture(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonObject coverage(long base, long item) {
    Resp r = f.duty.get("/api/coverage?baseId=" + base + "&itemId=" + item + "&responseLevel=IV");
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonArray("items").getJsonObject(0);
  }

  @Test
  void anOverdueTestRunCountsTheLotAsNotUsableUntilItPasses() {
    long base = f.base(34.70, 113.70, f.keeperId);
    long generators = f.item("equipment", null, 30);
    long lot = f.receive(base, generators, "4");
    Resp quota = f.admin.put("/api/bases/" + base + "/quotas/" + generators, new JsonObject().put("required", 4));
    assertEquals(201, quota.status(), quota.toString());
    assertQty("4", coverage(base, generators).getValue("usable"));

    clock.advance(Duration.ofDays(32));
    assertQty("0", coverage(base, generators).getValue("usable"));
    assertEquals("test_overdue", f.lot(lot).getString("notUsableReason"));
    assertEquals(1, f.duty.get("/api/lots/tests-overdue?baseId=" + base).json().getJsonArray("items").size());

    Resp pass = f.keeper.post("/api/lots/" + lot + "/test-runs", new JsonObject().put("result", "pass"), key());
    assertEquals(201, pass.status(), pass.toString());
    assertQty("4", coverage(base, generators).getValue("usable"));
    assertEquals(0, f.duty.get("/api/lots/tests-overdue?baseId=" + base).json().getJsonArray("items").size());
    assertEquals(1.0, coverage(base, generators).getDouble("coverage"), 1e-9);
  }
}
