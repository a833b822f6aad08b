package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.floodready.app.AppContext;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.Eventually;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.SseClient;
import org.floodready.support.TestClock;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The time round recomputes only the units whose time-driven figures crossed a threshold between two rounds:
 * a lot expiring at midnight, a checkpoint falling silent, a hazard falling overdue each change that unit and
 * its ancestors (with their live messages), no other unit is recomputed, and the snapshot stays equal to a
 * recompute from PostgreSQL. The node's own rounds are a day apart here: the test runs each round itself.
 */
@FloodReadyTest(clock = "now", args = {"--sweep-interval-seconds", "86400"})
class TimeRoundTest {
  @Test
  void aLotExpiringAtMidnightChangesItsUnitOnly(TestServer node, @As("admin") Api admin, TestClock clock)
      throws Exception {
    AppContext app = node.server.app();
    StockFixture stock = StockFixture.find(app, admin, Set.of());
    ZonedDateTime local = app.now().atZoneSameInstant(app.config().zone());
    ZonedDateTime beforeMidnight = local.with(LocalTime.of(23, 59));
    if (!beforeMidnight.isAfter(local)) {
      beforeMidnight = beforeMidnight.plusDays(1);
    }
    clock.set(beforeMidnight.toInstant());
    round(app);
    // expiring tomorrow changes nothing today, so the write needs no event; at midnight it is not usable
    sql(app, "UPDATE lots SET expires_on = $2 WHERE id = $1", stock.lotId(), beforeMidnight.toLocalDate().plusDays(1));
    assertCrossingChangesOnly(app, admin, clock, stock.unitId(), "equipment", Duration.ofMinutes(2), "bases",
        stock.baseId());
  }

  @Test
  void aCheckpointFallingSilentChangesItsUnitOnly(TestServer node, @As("admin") Api admin, TestClock clock)
      throws Exception {
    AppContext app = node.server.app();
    round(app);
    long checkpoint = admin.get("/api/checkpoints?size=1").json().getJsonArray("items").getJsonObject(0).getLong("id");
    long unit = admin.get("/api/checkpoints/" + checkpoint).json().getLong("unitId");
    // its own 10-minute timeout, the last reading 8 minutes ago: silent in 2 minutes
    sql(app, "UPDATE checkpoints SET silent_minutes = 10 WHERE id = $1", checkpoint);
    sql(app, "UPDATE checkpoint_state SET last_reading_at = $2 WHERE checkpoint_id = $1", checkpoint,
        app.now().minusMinutes(8));
    assertCrossingChangesOnly(app, admin, clock, unit, "silentCheckpoints", Duration.ofMinutes(3), "units", unit);
  }

  @Test
  void aHazardFallingOverdueChangesItsUnitOnly(TestServer node, @As("admin") Api admin, TestClock clock)
      throws Exception {
    AppContext app = node.server.app();
    round(app);
    long hazard = app.pool().query("SELECT id FROM hazards ORDER BY id LIMIT 1").execute()
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).iterator().next().getLong(0);
    long unit = app.pool().preparedQuery("UPDATE hazards SET status = 'assigned', severity = 'low', assigned_at = $2,"
            + " deadline_at = $3 WHERE id = $1 RETURNING unit_id")
        .execute(Tuple.of(hazard, app.now().minusHours(1), app.now().plusMinutes(3)))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).iterator().next().getLong(0);
    assertCrossingChangesOnly(app, admin, clock, unit, "overdueHazards", Duration.ofMinutes(4), "units", unit);
  }

  @Test
  void aRoundWithoutCrossingsRecomputesNothing(TestServer node, @As("admin") Api admin, TestClock clock)
      throws Exception {
    AppContext app = node.server.app();
    round(app);
    JsonObject before = status(app);
    clock.advance(Duration.ofSeconds(1));
    JsonObject after = round(app);
    assertEquals(before.getLong("unitsRecomputed"), after.getLong("unitsRecomputed"), after.encode());
    assertEquals(before.getLong("everyUnitRecomputes"), after.getLong("everyUnitRecomputes"), after.encode());
    assertEquals(0, after.getJsonObject("timeRound").getJsonObject("last").getJsonArray("units").size());
    assertTrue(admin.get("/api/readiness/verify").json().getBoolean("consistent"));
  }

  /**
   * Advances the clock by {@code step} over the unit's crossing and runs a round: the round lists {@code id} in
   * its {@code list} (units or bases), the unit's {@code metric} changes and is pushed live, only the unit and its ancestors are recomputed (no recompute of every unit),
   * no other entry changes, and the snapshot equals a recompute from PostgreSQL.
   */
  private static void assertCrossingChangesOnly(AppContext app, Api admin, TestClock clock, long unit, String metric,
      Duration step, String list, long id) throws Exception {
    settle(app, unit);
    Map<Long, JsonObject> before = entries(admin);
    List<Long> chain = chain(before, unit);
    JsonObject statusBefore = status(app);
    try (SseClient live = SseClient.open(admin.base(), admin.token(), null)) {
      clock.advance(step);
      JsonObject statusAfter = round(app);
      assertEquals(statusBefore.getLong("everyUnitRecomputes"), statusAfter.getLong("everyUnitRecomputes"),
          statusAfter.encode());
      assertEquals(statusBefore.getLong("unitsRecomputed") + chain.size(), statusAfter.getLong("unitsRecomputed"),
          "only the unit and its ancestors " + chain + ": " + statusAfter.encode());
      JsonObject last = statusAfter.getJsonObject("timeRound").getJsonObject("last");
      assertTrue(last.getJsonArray(list).contains(id), last.encode());
      Map<Long, JsonObject> after = entries(admin);
      assertTrue(!value(before.get(unit), metric).equals(value(after.get(unit), metric)),
          metric + " of unit " + unit + " unchanged: " + after.get(unit).getJsonObject("metrics"));
      Set<Long> changed = new HashSet<>();
      after.forEach((other, entry) -> {
        if (!entry.getLong("version").equals(before.get(other).getLong("version"))) {
          changed.add(other);
        }
      });
      assertTrue(chain.containsAll(changed) && changed.contains(unit), "changed " + changed + ", chain " + chain);
      SseClient.Message pushed = live.await(m -> "readiness".equals(m.event())
          && m.json().getLong("unitId") == unit, Duration.ofSeconds(20));
      assertNotNull(pushed, SseClient.brief(live.seen()));
    }
    JsonObject verify = admin.get("/api/readiness/verify").json();
    assertTrue(verify.getBoolean("consistent"), verify.encode());
  }

  private static String value(JsonObject entry, String metric) {
    return String.valueOf(entry.getJsonObject("metrics").getJsonObject(metric).getValue("value"));
  }

  /** Runs a round at the clock's time and waits until a round has covered it; the refresh status after it. */
  private static JsonObject round(AppContext app) throws Exception {
    OffsetDateTime now = app.now();
    ReadinessService service = ReadinessNode.of(app.vertx()).service();
    service.timeRound().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Eventually.waitFor(Duration.ofSeconds(60), "no round covered " + now, () -> {
      String since = status(app).getJsonObject("timeRound").getString("since");
      if (since == null || OffsetDateTime.parse(since).isBefore(now)) {
        service.timeRound();
        return false;
      }
      return true;
    });
    return status(app);
  }

  /** Recomputes the unit after the test's set-up wrote without an event, as an event would. */
  private static void settle(AppContext app, long unit) throws Exception {
    ReadinessNode.of(app.vertx()).service().refresh(unit).toCompletionStage().toCompletableFuture()
        .get(60, TimeUnit.SECONDS);
  }

  private static JsonObject status(AppContext app) {
    return ReadinessNode.of(app.vertx()).service().status();
  }

  private static Map<Long, JsonObject> entries(Api admin) {
    Map<Long, JsonObject> byId = new HashMap<>();
    admin.get("/api/readiness").json().getJsonArray("units").forEach(o -> {
      JsonObject e = (JsonObject) o;
      byId.put(e.getLong("unitId"), e);
    });
    return byId;
  }

  private static List<Long> chain(Map<Long, JsonObject> entries, long unit) {
    List<Long> chain = new java.util.ArrayList<>();
    Long id = unit;
    while (id != null && entries.containsKey(id)) {
      chain.add(id);
      id = entries.get(id).getLong("parentId");
    }
    return chain;
  }

  private static void sql(AppContext app, String sql, Object... args) throws Exception {
    app.pool().preparedQuery(sql).execute(Tuple.from(args)).toCompletionStage().toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }
}
