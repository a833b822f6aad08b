package org.floodready.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /api/units is a page like every list (a province has 50,000 units): filters by parent, level and text, the
 * total counted up to the node's cap, bad paging named in the 400; tree=true still nests the whole tree.
 */
@FloodReadyTest
class UnitsPagingApiTest {
  static final int GENERATED = 120;
  static long streetId;

  @BeforeAll
  static void generatedCommunities(TestServer server, @As("admin") Api admin) throws Exception {
    streetId = admin.get("/api/units?level=street").json().getJsonArray("items").getJsonObject(0).getLong("id");
    server.server.app().pool().preparedQuery("INSERT INTO units (code, name_zh, name_en, level, parent_id, created_at)"
            + " SELECT 'PG-C' || lpad(g::text, 3, '0'), '分页社区' || g, 'Paging community ' || g, 'community', $1, now()"
            + " FROM generate_series(1, $2) g")
        .execute(Tuple.of(streetId, GENERATED)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aParentsChildrenComeInPagesWithTheirTotal(@As("viewer") Api viewer) {
    JsonObject first = viewer.get("/api/units?parentId=" + streetId + "&level=community&q=PG-C&size=50&sort=code").json();
    assertEquals(50, first.getJsonArray("items").size(), first.encode());
    assertEquals(GENERATED, first.getLong("total"));
    assertEquals(true, first.getBoolean("totalExact"));
    assertEquals(3, first.getInteger("pages"));
    JsonObject unit = first.getJsonArray("items").getJsonObject(0);
    assertEquals("PG-C001", unit.getString("code"));
    assertEquals(streetId, unit.getLong("parentId"));
    assertTrue(unit.getString("parentNameZh") != null && !unit.getString("parentNameZh").isBlank(), unit.encode());
    JsonObject last = viewer.get("/api/units?parentId=" + streetId + "&level=community&q=PG-C&size=50&page=3&sort=code").json();
    assertEquals(20, last.getJsonArray("items").size());
    assertEquals("PG-C120", last.getJsonArray("items").getJsonObject(19).getString("code"));
  }

  @Test
  void theDefaultPageIsBoundedAndCountsEverything(@As("viewer") Api viewer) {
    JsonObject page = viewer.get("/api/units").json();
    assertEquals(50, page.getInteger("size"));
    assertEquals(50, page.getJsonArray("items").size());
    assertTrue(page.getLong("total") > GENERATED, page.encode());
    assertEquals("id", page.getString("sort"));
  }

  @Test
  void searchMatchesEitherNameOrTheCode(@As("viewer") Api viewer) {
    assertEquals(11, viewer.get("/api/units?q=分页社区11").json().getLong("total"), "11 and 110–119");
    assertEquals(1, viewer.get("/api/units?q=paging%20community%20120").json().getLong("total"));
    JsonArray byCode = viewer.get("/api/units?q=pg-c007").json().getJsonArray("items");
    assertEquals(1, byCode.size());
    assertEquals("分页社区7", byCode.getJsonObject(0).getString("nameZh"));
    assertEquals(0, viewer.get("/api/units?q=没有这个单位").json().getJsonArray("items").size());
  }

  @Test
  void levelOrderStartsAtTheCitiesAndRootsAreTheCities(@As("viewer") Api viewer) {
    JsonArray byLevel = viewer.get("/api/units?sort=level&size=5").json().getJsonArray("items");
    assertEquals("city", byLevel.getJsonObject(0).getString("level"));
    JsonObject roots = viewer.get("/api/units?roots=true").json();
    roots.getJsonArray("items").forEach(o -> assertEquals(null, ((JsonObject) o).getLong("parentId")));
    assertTrue(roots.getLong("total") >= 1);
  }

  @Test
  void badPagingOrFiltersAreA400NamingTheParameter(@As("viewer") Api viewer) {
    assertField(viewer.get("/api/units?page=0"), "page");
    assertField(viewer.get("/api/units?page=x"), "page");
    assertField(viewer.get("/api/units?size=501"), "size");
    assertField(viewer.get("/api/units?size=0"), "size");
    assertField(viewer.get("/api/units?sort=secret"), "sort");
    assertField(viewer.get("/api/units?level=province"), "level");
    assertField(viewer.get("/api/units?parentId=-1"), "parentId");
    assertField(viewer.get("/api/units?roots=maybe"), "roots");
  }

  @Test
  void theTreeIsStillNestedOnRequest(@As("viewer") Api viewer) {
    JsonArray roots = viewer.get("/api/units?tree=true").json().getJsonArray("items");
    assertTrue(roots.size() >= 1);
    assertTrue(roots.encode().contains("\"code\":\"PG-C120\""), "every unit, unpaged");
    assertTrue(roots.getJsonObject(0).getJsonArray("children").size() >= 1);
  }

  private static void assertField(Resp r, String field) {
    assertEquals(400, r.status(), r.toString());
    assertEquals("validation_failed", r.json().getString("error"), r.toString());
    assertTrue(r.json().getJsonObject("fields").containsKey(field), r.toString());
  }
}
