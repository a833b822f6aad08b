package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.floodready.inventory.InventoryFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.junit.jupiter.api.Test;

/** Test-run due dates follow the application clock: equipment becomes unusable when its test is overdue. */
@FloodReadyTest(clock = "now")
class TestRunDueTest {
  private static JsonObject coverage(InventoryFixture f, long base, long item) {
    Resp r = f.duty.get("/api/coverage?baseId=" + base + "&itemId=" + item + "&responseLevel=IV");
    assertEquals(200, r.status(), r.toString());
    return r.json().getJsonArray("items").getJsonObject(0);
  }

  @Test
  void anOverdueTestRunCountsTheLotAsNotUsableUntilItPasses(InventoryFixture f, TestClock clock) {
    long base = f.base(34.70, 113.70, f.keeperId);
    long generators = f.item("equipment", null, 30);
    long lot = f.receive(base, generators, "4");
    Resp quota = f.admin.put("/api/bases/" + base + "/quotas/" + generators, new JsonObject().put("required", 4));
    assertEquals(201, quota.status(), quota.toString());
    assertQty("4", coverage(f, base, generators).getValue("usable"));

    clock.advance(Duration.ofDays(32));
    assertQty("0", coverage(f, base, generators).getValue("usable"));
    assertEquals("test_overdue", f.lot(lot).getString("notUsableReason"));
    assertEquals(1, f.duty.get("/api/lots/tests-overdue?baseId=" + base).json().getJsonArray("items").size());

    Resp pass = f.keeper.post("/api/lots/" + lot + "/test-runs", new JsonObject().put("result", "pass"), key());
    assertEquals(201, pass.status(), pass.toString());
    assertQty("4", coverage(f, base, generators).getValue("usable"));
    assertEquals(0, f.duty.get("/api/lots/tests-overdue?baseId=" + base).json().getJsonArray("items").size());
    assertEquals(1.0, coverage(f, base, generators).getDouble("coverage"), 1e-9);
  }
}
