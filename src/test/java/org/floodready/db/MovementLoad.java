package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.floodready.support.Api;
import org.floodready.support.Resp;

/**
 * Stock movements posted over HTTP by several concurrent clients, each with its own lot: a receipt, then
 * issues and receipts in turn, every request with an Idempotency-Key and retried with the same key until
 * it is answered. Remembers every movement the server acknowledged (2xx), to be looked for in the ledger.
 */
final class MovementLoad implements AutoCloseable {
  static final String LOT_PREFIX = "KILL-";

  private final Supplier<Api> admin;
  private final long baseId;
  private final long itemId;
  private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
      new java.util.concurrent.atomic.AtomicReference<>();
  private final List<Thread> clients = new ArrayList<>();

  /** {@code admin} gives a logged-in admin client for the node currently serving (it may change after a restart). */
  MovementLoad(Supplier<Api> admin, int clientCount) {
    this.admin = admin;
    Api a = admin.get();
    this.baseId = a.get("/api/bases").json().getJsonArray("items").getJsonObject(0).getLong("id");
    Resp item = a.post("/api/items", new JsonObject().put("code", "KILL-" + UUID.randomUUID().toString().substring(0, 8))
        .put("nameZh", "断电测试物资").put("nameEn", "Kill test item").put("category", "materials")
        .put("unitOfMeasure", "件").put("needsTestRun", false).put("criticality", 2));
    assertEquals(201, item.status(), item.toString());
    this.itemId = item.json().getLong("id");
    for (int i = 0; i < clientCount; i++) {
      String lotCode = LOT_PREFIX + i + "-" + UUID.randomUUID().toString().substring(0, 6);
      Thread t = new Thread(() -> {
        try {
          run(lotCode);
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }, "movement-load-" + i);
      t.setDaemon(true);
      clients.add(t);
      t.start();
    }
  }

  private void run(String lotCode) {
    Long lotId = null;
    for (int n = 0; running.get(); n++) {
      boolean receipt = lotId == null || n % 2 == 0;
      String path = receipt ? "/api/bases/" + baseId + "/receipts" : "/api/lots/" + lotId + "/issues";
      JsonObject body = receipt
          ? new JsonObject().put("itemId", itemId).put("quantity", 3).put("lotCode", lotCode)
          : new JsonObject().put("quantity", 1).put("recipientType", "incident").put("recipient", "kill test");
      JsonObject answer = postUntilAnswered(path, body, UUID.randomUUID().toString());
      if (answer != null) {
        acknowledged.add(answer.getLong("id"));
        if (lotId == null) {
          lotId = answer.getLong("lotId");
        }
      }
    }
  }

  /** The acknowledged movement, or null when the load was stopped before an answer came. */
  private JsonObject postUntilAnswered(String path, JsonObject body, String key) {
    while (running.get()) {
      try {
        Resp r = admin.get().post(path, body, key);
        if (r.status() == 201 || r.status() == 200) {
          return r.json();
        }
        if (r.status() != 503) {
          throw new IllegalStateException(path + " answered " + r);
        }
        refused.incrementAndGet();
      } catch (IllegalStateException notListening) {
        if (notListening.getMessage().contains("answered")) {
          throw notListening;
        }
        refused.incrementAndGet(); // the node is down or restarting
      }
      pause(100);
    }
    return null;
  }

  int acknowledgedCount() {
    return acknowledged.size();
  }

  int refusedCount() {
    return refused.get();
  }

  /** Waits until at least {@code more} further movements have been acknowledged. */
  void awaitMore(int more, long timeoutMs) {
    int target = acknowledged.size() + more;
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (acknowledged.size() < target && System.currentTimeMillis() < deadline && failure.get() == null) {
      pause(50);
    }
    if (failure.get() != null) {
      throw new AssertionError("a load client failed: " + failure.get().getMessage(), failure.get());
    }
    assertTrue(acknowledged.size() >= target, "the load stalled at " + acknowledged.size() + " movements");
  }

  Set<Long> acknowledged() {
    return new HashSet<>(acknowledged);
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread t : clients) {
      t.join(90_000);
    }
  }

  /**
   * Every acknowledged movement is in the ledger, and every lot of the load holds exactly the sum of its
   * ledger (on-hand = ledger), read straight from the database.
   */
  static void assertLedgerHolds(PgUrl db, Set<Long> acknowledged) throws Exception {
    Set<Long> inLedger = new HashSet<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT m.id FROM stock_movements m JOIN lots l ON l.id = m.lot_id "
          + "WHERE l.lot_code LIKE '" + LOT_PREFIX + "%'")) {
        while (rs.next()) {
          inLedger.add(rs.getLong(1));
        }
      }
      Set<Long> lost = new HashSet<>(acknowledged);
      lost.removeAll(inLedger);
      assertEquals(Set.of(), lost, "acknowledged movements missing from the ledger");
      try (ResultSet rs = st.executeQuery("SELECT l.id, l.quantity, (SELECT coalesce(sum(m.quantity), 0) "
          + "FROM stock_movements m WHERE m.lot_id = l.id) AS ledger FROM lots l WHERE l.lot_code LIKE '"
          + LOT_PREFIX + "%'")) {
        int lots = 0;
        while (rs.next()) {
          lots++;
          assertEquals(0, rs.getBigDecimal("quantity").compareTo(rs.getBigDecimal("ledger")),
              "lot " + rs.getLong("id") + ": on hand " + rs.getBigDecimal("quantity") + ", ledger "
                  + rs.getBigDecimal("ledger"));
        }
        assertTrue(lots > 0, "the load created no lot");
      }
    }
  }

  static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
