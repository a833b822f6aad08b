package org.floodready.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A generated four-level tree bigger than the default answer (3 cities × 10 districts × 12 streets × 15
 * communities = 5,793 units, bases with quotas and lots, checkpoints) rebuilds from PostgreSQL, and the
 * bounded GET, the {@code parent} and {@code depth} filters answer with figures equal to a direct SQL sum
 * over each unit's subtree.
 */
@FloodReadyTest
class ReadinessTreeScaleTest {
  private static final String GENERATE = """
      INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
      SELECT 'GT-C' || c, '生成市' || c, 'Generated city ' || c, 'city', NULL, now() FROM generate_series(1, 3) c;
      INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
      SELECT p.code || '-D' || d, '生成区' || d, 'Generated district ' || d, 'district', p.id, now()
      FROM units p CROSS JOIN generate_series(1, 10) d WHERE p.code LIKE 'GT-C%' AND p.level = 'city';
      INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
      SELECT p.code || '-S' || s, '生成街道' || s, 'Generated street ' || s, 'street', p.id, now()
      FROM units p CROSS JOIN generate_series(1, 12) s WHERE p.code LIKE 'GT-C%' AND p.level = 'district';
      INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)
      SELECT p.code || '-V' || v, '生成社区' || v, 'Generated community ' || v, 'community', p.id, now()
      FROM units p CROSS JOIN generate_series(1, 15) v WHERE p.code LIKE 'GT-C%' AND p.level = 'street';
      INSERT INTO bases (code, name_zh, name_en, unit_id, address, lat, lon, created_at)
      SELECT 'GT-B' || u.id, '生成仓库' || u.id, 'Generated base ' || u.id, u.id, 'generated', 34.7, 113.6, now()
      FROM units u WHERE u.code LIKE 'GT-C%' AND (u.level = 'street' OR (u.level = 'community' AND u.id % 3 = 0));
      INSERT INTO quotas (base_id, item_id, required, updated_at, updated_by)
      SELECT b.id, i.id, 10 + (b.id + i.id) % 20, now(), (SELECT id FROM users WHERE username = 'admin')
      FROM bases b CROSS JOIN (SELECT id FROM items WHERE NOT needs_test_run ORDER BY id LIMIT 5) i
      WHERE b.code LIKE 'GT-B%';
      INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition, created_at,
        updated_at)
      SELECT q.base_id, q.item_id, 'GT-L' || q.base_id || '-' || q.item_id, 1 + (q.base_id * 7 + q.item_id * 3) % 25,
        current_date - 1, NULL, 'usable', now(), now()
      FROM quotas q JOIN bases b ON b.id = q.base_id WHERE b.code LIKE 'GT-B%';
      INSERT INTO checkpoints (code, kind, name_zh, name_en, unit_id, lat, lon, point_kind, watch_cm, attention_cm,
        close_road_cm, severe_cm, created_at, updated_at)
      SELECT 'GT-P' || u.id, 'waterlogging', '生成积水点' || u.id, 'Generated point ' || u.id, u.id, 34.7, 113.6,
        'road', 10, 15, 25, 40, now(), now()
      FROM units u WHERE u.code LIKE 'GT-C%' AND u.level = 'community' AND u.id % 5 = 0;
      INSERT INTO checkpoint_state (checkpoint_id, level, updated_at)
      SELECT id, 'none', now() FROM checkpoints WHERE code LIKE 'GT-P%';
      """;

  /** Stock index, short lines and checkpoints of a unit's whole subtree, added up by PostgreSQL directly. */
  private static final String SUBTREE_FIGURES = """
      WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = $1
        UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id),
      line AS (SELECT q.required::float8 AS required, CASE WHEN i.criticality > 0 THEN i.criticality ELSE 1 END AS w,
        COALESCE((SELECT sum(l.quantity) FROM lots l WHERE l.base_id = q.base_id AND l.item_id = q.item_id
          AND l.condition = 'usable' AND (l.expires_on IS NULL OR l.expires_on > current_date)), 0)::float8 AS usable
        FROM quotas q JOIN bases b ON b.id = q.base_id JOIN items i ON i.id = q.item_id
        WHERE b.unit_id IN (SELECT id FROM sub))
      SELECT (sum(w * least(usable / required, 1)) / sum(w))::float8 AS stock_index,
        count(*) FILTER (WHERE usable < required) AS short_items,
        (SELECT count(*) FROM checkpoints WHERE unit_id IN (SELECT id FROM sub)) AS checkpoints
      FROM line""";

  @Test
  void aGeneratedTreeRebuildsAndTheBoundedAnswerMatchesSql(TestServer server, @As("admin") Api admin)
      throws Exception {
    var app = server.server.app();
    Pool pool = app.pool();
    pool.query(GENERATE).execute().await(120, TimeUnit.SECONDS);
    int all = count(pool, "SELECT count(*) FROM units");
    int topThree = count(pool, "SELECT count(*) FROM units WHERE level <> 'community'");
    assertTrue(all > SnapshotView.DEFAULT_MAX_ENTRIES && topThree < SnapshotView.DEFAULT_MAX_ENTRIES,
        all + " units, " + topThree + " above the communities");

    long start = System.nanoTime();
    ReadinessNode.of(app.vertx()).service().rebuild("test: generated tree").await(300, TimeUnit.SECONDS);
    System.out.printf("rebuild of %d units: %d ms%n", all, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    assertEquals(all, admin.get("/api/cluster").json().getJsonObject("snapshot").getInteger("units"));

    JsonObject body = ok(admin.get("/api/readiness"));
    assertEquals(all, body.getInteger("total"), "every unit is in the snapshot");
    assertEquals(3, body.getInteger("depth"), "the communities do not fit the default answer");
    JsonArray units = body.getJsonArray("units");
    assertEquals(topThree, units.size());
    assertTrue(units.stream().noneMatch(u -> "community".equals(((JsonObject) u).getString("level"))));

    List<Long> cities = ids(pool, "SELECT id FROM units WHERE code LIKE 'GT-C%' AND level = 'city' ORDER BY id");
    for (long city : cities) {
      assertFigures(pool, find(units, city));
    }
    long district = ids(pool, "SELECT id FROM units WHERE code = 'GT-C2-D7'").get(0);
    assertFigures(pool, find(units, district));

    JsonArray streets = ok(admin.get("/api/readiness?parent=" + district)).getJsonArray("units");
    assertEquals(12, streets.size());
    for (Object o : streets) {
      assertEquals(district, ((JsonObject) o).getLong("parentId"));
      assertEquals("street", ((JsonObject) o).getString("level"));
    }
    long street = streets.getJsonObject(5).getLong("unitId");
    assertFigures(pool, streets.getJsonObject(5));
    JsonArray communities = ok(admin.get("/api/readiness?parent=" + street)).getJsonArray("units");
    assertEquals(15, communities.size());
    for (Object o : communities) {
      JsonObject c = (JsonObject) o;
      assertEquals("community", c.getString("level"));
      assertFigures(pool, c);
    }
    int communityCount = count(pool, "SELECT count(*) FROM units WHERE level = 'community'");
    JsonObject firstPage = ok(admin.get("/api/readiness?level=community"));
    assertEquals(communityCount, firstPage.getInteger("total"));
    assertEquals(Math.min(communityCount, SnapshotView.MAX_PAGE), firstPage.getJsonArray("units").size());
    JsonObject secondPage = ok(admin.get("/api/readiness?level=community&page=2&size=3000"));
    assertEquals(communityCount - 3000, secondPage.getJsonArray("units").size(), "the rest on the second page");
    assertEquals(ok(admin.get("/api/readiness?level=community&size=3000")).getJsonArray("units").getJsonObject(2999)
        .getString("code").compareTo(secondPage.getJsonArray("units").getJsonObject(0).getString("code")) < 0, true,
        "pages follow the code order");
    JsonArray top = ok(admin.get("/api/readiness?depth=1")).getJsonArray("units");
    assertEquals(count(pool, "SELECT count(*) FROM units WHERE level = 'city'"), top.size());
    assertFalse(admin.get("/api/readiness?depth=9").status() == 200);
    assertEquals(400, admin.get("/api/readiness?depth=9").status());
    assertTrue(admin.get("/api/readiness?depth=9").json().getJsonObject("fields").containsKey("depth"));
    assertEquals(400, admin.get("/api/readiness?parent=x").status());
    assertTrue(admin.get("/api/readiness/verify").json().getBoolean("consistent"));
  }

  private static void assertFigures(Pool pool, JsonObject entry) throws Exception {
    Row r = pool.preparedQuery(SUBTREE_FIGURES).execute(Tuple.of(entry.getLong("unitId")))
        .await(60, TimeUnit.SECONDS).iterator().next();
    JsonObject m = entry.getJsonObject("metrics");
    String who = entry.getString("code");
    Double index = r.getDouble("stock_index");
    Object live = m.getJsonObject("stockIndex").getValue("value");
    if (index == null) {
      assertEquals(null, live, who);
    } else {
      assertEquals(index, ((Number) live).doubleValue(), 0.00006, who + " stock index");
    }
    assertEquals(r.getLong("short_items").intValue(), m.getJsonObject("shortItems").getInteger("value"),
        who + " short items");
    assertEquals(r.getLong("checkpoints").intValue(), m.getJsonObject("checkpoints").getInteger("value"),
        who + " checkpoints");
  }

  private static JsonObject find(JsonArray units, long unitId) {
    return units.stream().map(o -> (JsonObject) o).filter(u -> u.getLong("unitId") == unitId).findFirst()
        .orElseThrow(() -> new AssertionError("unit " + unitId + " missing from the answer"));
  }

  private static JsonObject ok(Resp r) {
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  private static int count(Pool pool, String sql) throws Exception {
    return pool.query(sql).execute().await(60, TimeUnit.SECONDS).iterator().next().getLong(0).intValue();
  }

  private static List<Long> ids(Pool pool, String sql) throws Exception {
    return pool.query(sql).execute().await(60, TimeUnit.SECONDS).stream().map(r -> r.getLong(0)).toList();
  }
}
