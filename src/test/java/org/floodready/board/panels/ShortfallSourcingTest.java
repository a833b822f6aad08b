package org.floodready.board.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shortfall panel's "where to get it from" on a generated dataset of many bases equals the rule computed
 * directly in SQL from every base's stock: for each line below quota, the two nearest other bases whose usable
 * stock exceeds their own quota (bases without a position last, then by id). The items are made so that the
 * givers are near (found in the first bases asked), further away, far and few (the whole item is read), or
 * nowhere.
 */
@FloodReadyTest
class ShortfallSourcingTest {
  static final int BASES = 140;
  static TestServer server;
  static Long[] items;

  @BeforeAll
  static void dataset(TestServer s) throws Exception {
    server = s;
    sql("INSERT INTO items (code, name_zh, name_en, category, unit_of_measure, criticality)"
        + " SELECT 'NS-I' || g, '调拨测试' || g, 'Sourcing item ' || g, 'materials', '件', 1"
        + " FROM generate_series(1, 4) g");
    items = rows("SELECT id FROM items WHERE code LIKE 'NS-I%' ORDER BY code").stream().map(r -> r.getLong(0))
        .toArray(Long[]::new);
    // scattered positions (no two bases at the same distance from a third), three bases without one
    sql("INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon, created_at)"
        + " SELECT 'NS-B' || g, '调拨测试仓库' || g, 'Sourcing base ' || g, (SELECT min(id) FROM units), 'test',"
        + " CASE WHEN g > $1 - 3 THEN NULL ELSE 34.5 + ((g * 7919) % 1000) / 2500.0 + g / 1e6 END,"
        + " CASE WHEN g > $1 - 3 THEN NULL ELSE 113.4 + ((g * 104729) % 1000) / 1500.0 END, now()"
        + " FROM generate_series(1, $1) g", BASES);
    // n = the base's number; per item, its quota (NULL = none) and usable lots
    String bases = "(SELECT id, substring(code from 5)::int AS n FROM bases WHERE code LIKE 'NS-B%')";
    // item 1: givers nearly everywhere, one base in ten short, a few at their quota exactly
    stock(1, bases, "100", "CASE WHEN n % 10 = 0 THEN 40 ELSE 100 + (n % 3) * 50 END");
    // item 2: givers few and far between (one with a position, and the bases without one)
    stock(2, bases, "100", "CASE WHEN n = 77 THEN 500 WHEN n > " + (BASES - 3)
        + " THEN 300 WHEN n % 7 = 0 THEN 10 ELSE 100 END");
    // item 3: no quota at most bases (all their stock is spare), short where it has one
    stock(3, bases, "CASE WHEN n % 9 = 0 THEN 100 END", "CASE WHEN n % 9 = 0 THEN 20 WHEN n % 6 = 1 THEN 30 END");
    // item 4: nobody has any to spare
    stock(4, bases, "CASE WHEN n % 5 = 0 THEN 100 END", "CASE WHEN n % 5 = 0 THEN 50 END");
    // lots that do not count: broken, and expired
    sql("INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition, created_at,"
        + " updated_at) SELECT b.id, $1, 'NS-X' || b.n || '-' || k, 1000, current_date - 400,"
        + " CASE WHEN k = 1 THEN current_date - 30 END, CASE WHEN k = 1 THEN 'usable' ELSE 'needs_repair' END,"
        + " now(), now() FROM " + bases + " b CROSS JOIN generate_series(1, 2) k WHERE b.n % 4 = 2", items[1]);
    // written behind the event log: the board's coverage, read ahead when the node started, is read in full again
    org.floodready.board.charts.ChartVersions.of(server.server.app()).coverageUnknown();
  }

  private static void stock(int item, String bases, String quota, String usable) throws Exception {
    long itemId = items[item - 1];
    sql("INSERT INTO quotas (base_id, item_id, required, mult_iv, mult_iii, mult_ii, mult_i, updated_at)"
        + " SELECT id, $1, q, 1, 1, 1, 1, now() FROM (SELECT id, " + quota + " AS q FROM " + bases + " b) x"
        + " WHERE q IS NOT NULL", itemId);
    sql("INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, condition, created_at, updated_at)"
        + " SELECT id, $1, 'NS-L' || n || '-' || $1, u, current_date - 10, 'usable', now(), now()"
        + " FROM (SELECT id, n, " + usable + " AS u FROM " + bases + " b) x WHERE u IS NOT NULL AND u > 0", itemId);
  }

  /** The rule in SQL, from every base's stock: short line (base-item) → givers as "id:spare@km". */
  static Map<String, List<String>> expected() throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    for (Row r : rows("""
        WITH usable AS (
          SELECT base_id, item_id, sum(quantity) FILTER (WHERE condition = 'usable'
            AND (expires_on IS NULL OR expires_on > (now() AT TIME ZONE 'Asia/Shanghai')::date)) AS usable
          FROM lots WHERE item_id = ANY($1) GROUP BY base_id, item_id),
        stock AS (
          SELECT b.id AS base_id, b.lat, b.lon, i.id AS item_id, COALESCE(u.usable, 0) AS usable, q.required
          FROM bases b CROSS JOIN items i LEFT JOIN usable u ON u.base_id = b.id AND u.item_id = i.id
          LEFT JOIN quotas q ON q.base_id = b.id AND q.item_id = i.id WHERE i.id = ANY($1))
        SELECT s.base_id, s.item_id, g.base_id AS giver, g.spare, g.km
        FROM stock s LEFT JOIN LATERAL (
          SELECT o.base_id, o.usable - COALESCE(o.required, 0) AS spare,
            2 * 6371.0088 * asin(sqrt(sin(radians(o.lat - s.lat) / 2) ^ 2
              + cos(radians(s.lat)) * cos(radians(o.lat)) * sin(radians(o.lon - s.lon) / 2) ^ 2)) AS km
          FROM stock o WHERE o.item_id = s.item_id AND o.base_id <> s.base_id
            AND o.usable - COALESCE(o.required, 0) > 0
          ORDER BY km NULLS LAST, o.base_id LIMIT 2) g ON true
        WHERE s.required IS NOT NULL AND s.usable < s.required
        ORDER BY s.base_id, s.item_id, g.km NULLS LAST, g.base_id""", (Object) items)) {
      List<String> givers = out.computeIfAbsent(r.getLong("base_id") + "-" + r.getLong("item_id"),
          k -> new ArrayList<>());
      if (r.getValue("giver") != null) {
        Double km = r.getDouble("km");
        givers.add(r.getLong("giver") + ":" + r.getBigDecimal("spare").stripTrailingZeros().toPlainString() + "@"
            + tenths(km));
      }
    }
    return out;
  }

  @Test
  void theSourcesOfEveryShortLineAreTheNearestBasesWithASpareAsSqlFindsThem(@As("duty") Api duty)
      throws Exception {
    Map<String, List<String>> expected = expected();
    JsonObject panel = duty.get("/api/dashboard/panels/coverage").json();
    Map<String, List<String>> actual = new TreeMap<>();
    List<Long> ours = List.of(items);
    for (Object o : panel.getJsonArray("items")) {
      JsonObject line = (JsonObject) o;
      if (!ours.contains(line.getLong("itemId"))) {
        continue;
      }
      List<String> givers = new ArrayList<>();
      JsonArray sources = line.getJsonArray("sources");
      for (Object s : sources) {
        JsonObject g = (JsonObject) s;
        Double km = g.getDouble("distanceKm");
        givers.add(g.getLong("baseId") + ":" + java.math.BigDecimal.valueOf(g.getDouble("surplus"))
            .stripTrailingZeros().toPlainString() + "@" + tenths(km));
      }
      actual.put(line.getString("key"), givers);
    }
    assertTrue(expected.size() > 40, "a dataset with many short lines: " + expected.size());
    assertTrue(expected.values().stream().anyMatch(g -> g.size() == 2 && g.get(1).endsWith("@-")),
        "some lines get a base without a position");
    assertTrue(expected.values().stream().anyMatch(List::isEmpty), "some lines have nowhere to get it from");
    assertEquals(expected, actual);
  }

  private static String tenths(Double km) {
    return km == null ? "-" : Double.toString(Math.round(km * 10) / 10.0);
  }

  private static void sql(String statement, Object... args) throws Exception {
    rows(statement, args);
  }

  private static RowSet<Row> rows(String statement, Object... args) throws Exception {
    return server.server.app().pool().preparedQuery(statement).execute(Tuple.wrap(args)).toCompletionStage()
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
