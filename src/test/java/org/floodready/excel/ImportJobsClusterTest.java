package org.floodready.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.On;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Import jobs live in PostgreSQL: two nodes on one database, a 10,000-row opening-balances file uploaded to node A
 * and its progress polled on node B, row counts growing through checking and writing until done; then a second
 * upload to A, A stopped while it writes, and B reports the job interrupted with nothing booked.
 */
@FloodReadyTest(nodes = 2, args = {"--list-count-cap", "100000"})
class ImportJobsClusterTest {
  private static final int ROWS = 10_000;

  @Test
  void progressIsSeenFromAnotherNodeAndAStoppedNodesJobEndsInterrupted(TestServer a, @As("admin") Api onA,
      @On("b") @As("admin") Api onB) throws Exception {
    long ledger = onB.get("/api/movements?size=1").json().getLong("total");

    Resp started = Sheets.upload(onA, "opening-balances", balances(onA, "BULK-"), "async=true");
    assertEquals(202, started.status(), started.toString());
    String id = started.json().getString("id");
    List<JsonObject> seen = poll(onB, id, job -> Set.of("done", "rejected", "failed", "interrupted")
        .contains(job.getString("phase")));
    JsonObject last = seen.get(seen.size() - 1);
    assertEquals("done", last.getString("phase"), last.encodePrettily());
    assertEquals(ROWS, last.getJsonObject("result").getJsonObject("outcomes").getInteger("booked"));
    assertEquals(ROWS, last.getInteger("writtenRows"));
    assertEquals(ledger + ROWS, onB.get("/api/movements?size=1").json().getLong("total"));
    List<Integer> writing = counts(seen, "writing", "writtenRows");
    List<Integer> checking = counts(seen, "checking", "checkedRows");
    System.out.println("IMPORT JOB seen from node B: checking " + checking.stream().distinct().toList() + ", writing "
        + writing.stream().distinct().toList());
    assertTrue(writing.stream().distinct().count() >= 2, "the rows written grow, seen from node B: " + writing);
    assertTrue(isNonDecreasing(writing) && isNonDecreasing(checking), checking + " / " + writing);
    // On a quiet machine the checking phase can end between two polls, so only its end is certain
    assertEquals(ROWS, last.getInteger("checkedRows"), "every row checked, seen from node B: " + checking);
    assertTrue(checking.stream().allMatch(n -> n >= 0 && n <= ROWS), "rows checked so far: " + checking);

    Resp second = Sheets.upload(onA, "opening-balances", balances(onA, "STOP-"), "async=true");
    assertEquals(202, second.status(), second.toString());
    String stopped = second.json().getString("id");
    poll(onB, stopped, job -> job.getString("phase").equals("writing") && job.getInteger("writtenRows") > 0
        || job.getString("phase").equals("done"));
    a.close();
    List<JsonObject> after = poll(onB, stopped, job -> !Set.of("reading", "checking", "writing")
        .contains(job.getString("phase")));
    JsonObject end = after.get(after.size() - 1);
    assertEquals("interrupted", end.getString("phase"), end.encodePrettily());
    assertEquals("import_interrupted", end.getJsonObject("problem").getString("error"));
    assertEquals(ledger + ROWS, onB.get("/api/movements?size=1").json().getLong("total"), "nothing booked");
    assertEquals("interrupted", onB.get("/api/import/jobs/" + stopped).json().getString("phase"), "and it stays so");
  }

  private static byte[] balances(Api admin, String prefix) throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      rows.add(Map.of("基地", "B-GC-ZJS", "物资", "M-SK", "批次号", prefix + i, "数量", i % 97 + 1));
    }
    try (XSSFWorkbook wb = Sheets.template(admin, "opening-balances")) {
      return Sheets.fill(wb, 1, rows);
    }
  }

  /** Polls the job every 20 ms until {@code until} holds (at most 3 minutes); answers every state seen. */
  private static List<JsonObject> poll(Api admin, String id, Predicate<JsonObject> until) throws Exception {
    List<JsonObject> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      Resp r = admin.get("/api/import/jobs/" + id);
      assertEquals(200, r.status(), r.toString());
      seen.add(r.json());
      if (until.test(r.json())) {
        return seen;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("import job " + id + " never got there: " + seen.get(seen.size() - 1));
  }

  private static List<Integer> counts(List<JsonObject> seen, String phase, String field) {
    return seen.stream().filter(j -> j.getString("phase").equals(phase)).map(j -> j.getInteger(field)).toList();
  }

  private static boolean isNonDecreasing(List<Integer> values) {
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i) < values.get(i - 1)) {
        return false;
      }
    }
    return true;
  }
}
