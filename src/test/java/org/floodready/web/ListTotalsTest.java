package org.floodready.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.Test;

/**
 * The totals of list pages with the count cap lowered to 5 ({@code --list-count-cap}): exact up to the cap,
 * "more than" above it, yet every page still reachable with Next, and exports still whole.
 */
@FloodReadyTest(args = {"--list-count-cap", "5"})
class ListTotalsTest {
  private static final int CAP = 5;

  private static JsonObject item(String code) {
    return new JsonObject().put("code", code).put("nameZh", "计数测试").put("nameEn", "Count test")
        .put("category", "materials").put("unitOfMeasure", "个").put("needsTestRun", false).put("criticality", 1);
  }

  private static JsonObject page(Api api, String path) {
    Resp r = api.get(path);
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  @Test
  void theTotalIsExactUpToTheCapAndAFlaggedLowerBoundAboveIt(@As("admin") Api admin) {
    for (int i = 1; i <= CAP; i++) {
      Resp created = admin.post("/api/items", item("TOT-" + i));
      assertEquals(201, created.status(), created.toString());
    }
    JsonObject atCap = page(admin, "/api/items?q=TOT-&size=2");
    assertEquals(CAP, atCap.getLong("total"), atCap.encode());
    assertTrue(atCap.getBoolean("totalExact"), atCap.encode());
    assertEquals(3, atCap.getLong("pages"));

    assertEquals(201, admin.post("/api/items", item("TOT-" + (CAP + 1))).status());
    JsonObject above = page(admin, "/api/items?q=TOT-&size=2");
    assertFalse(above.getBoolean("totalExact"), above.encode());
    assertEquals(CAP, above.getLong("total"), "more than the cap: the cap is the lower bound");
    assertEquals(CAP / 2 + 1, above.getLong("pages"), "at least the pages that hold more than the cap");
    assertEquals(2, above.getJsonArray("items").size());

    JsonObject last = page(admin, "/api/items?q=TOT-&size=2&page=3");
    assertTrue(last.getBoolean("totalExact"), "a page at or past the cap counts to its end: " + last.encode());
    assertEquals(CAP + 1, last.getLong("total"));
    assertEquals(3, last.getLong("pages"));

    JsonObject oneBigPage = page(admin, "/api/items?q=TOT-&size=100");
    assertTrue(oneBigPage.getBoolean("totalExact"), oneBigPage.encode());
    assertEquals(CAP + 1, oneBigPage.getLong("total"));
    assertEquals(CAP + 1, oneBigPage.getJsonArray("items").size());
  }

  @Test
  void everyPageOfACappedListIsReachedByNextAndTheExportHoldsEveryRow(@As("admin") Api admin) {
    JsonObject whole = page(admin, "/api/movements?size=500");
    assertTrue(whole.getBoolean("totalExact"), whole.encode());
    long exact = whole.getLong("total");
    assertTrue(exact > 3 * CAP, "the demo ledger is longer than the cap: " + exact);
    List<Long> all = ids(whole);

    List<Long> walked = new ArrayList<>();
    int size = 7;
    for (int p = 1; ; p++) {
      JsonObject onePage = page(admin, "/api/movements?size=" + size + "&page=" + p);
      walked.addAll(ids(onePage));
      boolean lastPage = onePage.getLong("pages") <= p;
      if ((long) p * size < exact) {
        assertFalse(lastPage, "a page before the end says another follows: " + onePage.encode());
        assertFalse(onePage.getBoolean("totalExact"), onePage.encode());
        assertTrue(onePage.getLong("total") >= (long) p * size, onePage.encode());
      } else {
        assertTrue(lastPage, onePage.encode());
        assertTrue(onePage.getBoolean("totalExact"), "the last page knows the total: " + onePage.encode());
        assertEquals(exact, onePage.getLong("total"));
        break;
      }
    }
    assertEquals(all, walked, "Next reaches every row once");

    Resp csv = admin.get("/api/movements?format=csv");
    assertEquals(200, csv.status(), csv.toString());
    long rows = csv.body().lines().filter(line -> !line.isBlank()).count() - 1;
    assertEquals(exact, rows, "the CSV export is not capped");
  }

  private static List<Long> ids(JsonObject page) {
    List<Long> ids = new ArrayList<>();
    page.getJsonArray("items").forEach(o -> ids.add(((JsonObject) o).getLong("id")));
    return ids;
  }
}
