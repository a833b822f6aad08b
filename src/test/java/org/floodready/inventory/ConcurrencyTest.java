package org.floodready.inventory;

import static org.floodready.inventory.InventoryFixture.assertQty;
import static org.floodready.inventory.InventoryFixture.issue;
import static org.floodready.inventory.InventoryFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

@FloodReadyTest
class ConcurrencyTest {
  @Test
  void twoHundredConcurrentIssuesOnALotHoldingFiftyGiveExactlyFiftySuccesses(InventoryFixture f) throws Exception {
    long base = f.base(34.70, 113.70, f.keeperId);
    long lot = f.receive(base, f.item(), "50");
    List<Future<Resp>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(f.keeper.postAsync("/api/lots/" + lot + "/issues", issue("1"), key()));
    }
    int ok = 0;
    int conflict = 0;
    for (Future<Resp> call : calls) {
      Resp r = call.await(120, TimeUnit.SECONDS);
      if (r.status() == 201) {
        ok++;
      } else if (r.status() == 409) {
        conflict++;
        assertEquals("insufficient_stock", r.json().getString("error"));
      } else {
        throw new AssertionError("unexpected " + r);
      }
    }
    assertEquals(50, ok);
    assertEquals(150, conflict);
    assertQty("0", f.onHand(lot));
    assertQty("0", f.ledgerSum(lot));
    assertEquals(51, f.movementCount(lot));
    Resp check = f.admin.get("/api/movements/check");
    assertEquals(200, check.status(), check.toString());
    assertTrue(check.json().getLong("checkedLots") > 100, "demo lots and this one");
    assertEquals(0, check.json().getJsonArray("mismatches").size(), check.toString());
  }

  @Test
  void theSameIdempotencyKeySentTwentyTimesAtOnceWritesOneMovement(InventoryFixture f) throws Exception {
    long base = f.base(34.70, 113.70, f.keeperId);
    long lot = f.receive(base, f.item(), "100");
    String key = key();
    List<Future<Resp>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(f.keeper.postAsync("/api/lots/" + lot + "/issues", issue("3"), key));
    }
    List<Resp> answers = new ArrayList<>();
    for (Future<Resp> call : calls) {
      answers.add(call.await(120, TimeUnit.SECONDS));
    }
    for (Resp r : answers) {
      assertEquals(201, r.status(), r.toString());
      assertEquals(answers.get(0).json(), r.json(), "every retry gets the first answer");
    }
    assertEquals(2, f.movementCount(lot), "receipt and one issue");
    assertQty("97", f.onHand(lot));

    Resp reused = f.keeper.post("/api/lots/" + lot + "/issues", issue("4"), key);
    assertEquals(422, reused.status(), reused.toString());
    assertEquals("idempotency_key_reused", reused.json().getString("error"));
  }
}
