package org.floodready.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger's CSV export streams every row (it was cut at 100,000): 100,000 + 2,345 generated rows come out in id
 * order, each once; the .xlsx export keeps its 100,000 rows and says so.
 */
@FloodReadyTest
class LedgerExportStreamTest {
  static final int GENERATED = 102_345;
  static TestServer server;
  static long all;

  @BeforeAll
  static void aLongLedger(TestServer s) throws Exception {
    server = s;
    sql("INSERT INTO stock_movements (lot_id, base_id, item_id, kind, quantity, balance, at, actor_id, actor_name, note,"
        + " counted_quantity)"
        + " SELECT l.id, l.base_id, l.item_id, 'adjustment', 0, l.quantity, now(), NULL, 'export test', 'row ' || g, l.quantity"
        + " FROM (SELECT * FROM lots ORDER BY id LIMIT 1) l, generate_series(1, $1) g", GENERATED);
    all = server.server.app().pool().query("SELECT count(*) FROM stock_movements").execute().toCompletionStage()
        .toCompletableFuture().get(60, TimeUnit.SECONDS).iterator().next().getLong(0);
  }

  @Test
  void theCsvHoldsEveryRowOnceInOrder(@As("admin") Api admin) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(admin.base() + "/api/movements?format=csv"))
        .header("Authorization", "Bearer " + admin.token()).timeout(Duration.ofMinutes(3)).build();
    HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    long rows = 0;
    long lastId = 0;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
      String header = in.readLine();
      assertTrue(header.startsWith("\uFEFF编号 No.,"), header);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty()) {
          continue;
        }
        long id = Long.parseLong(line.substring(0, line.indexOf(',')));
        assertTrue(id > lastId, "ids ascend: " + id + " after " + lastId);
        lastId = id;
        rows++;
      }
    }
    assertTrue(all > 100_000);
    assertEquals(all, rows, "every ledger row, beyond the old 100,000 cap");
  }

  @Test
  void theXlsxSaysItStopsAtItsLimit(@As("admin") Api admin) {
    Resp xlsx = admin.get("/api/movements?format=xlsx&kind=adjustment");
    assertEquals(200, xlsx.status(), xlsx.toString());
    assertEquals("true", xlsx.header("X-Export-Truncated"));
  }

  @Test
  void aFilteredExportStreamsToo(@As("admin") Api admin) {
    Resp csv = admin.get("/api/movements?format=csv&kind=receipt");
    assertEquals(200, csv.status(), csv.toString());
    assertEquals((byte) 0xEF, csv.bytes()[0]);
    String text = new String(csv.bytes(), StandardCharsets.UTF_8);
    assertTrue(text.lines().skip(1).allMatch(l -> l.isBlank() || l.contains(",receipt,")), "receipts only");
  }

  private static void sql(String statement, Object... args) throws Exception {
    server.server.app().pool().preparedQuery(statement).execute(Tuple.wrap(args)).toCompletionStage()
        .toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
