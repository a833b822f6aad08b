package org.floodready.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract loads into vertx-openapi and names the failing fields of a body as the handlers did. */
class ContractValidationTest {
  static Vertx vertx;
  static ContractValidation contract;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    contract = new ContractValidation(ApiContract.load(vertx).await().contract());
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  /** For information (issue #19): the cost per request of finding the operation and checking a body. */
  @Test
  void measuresTheCostPerRequest() {
    var raw = ApiContract.load(vertx).await().contract();
    String body = "{\"quantity\": 12.5, \"recipientType\": \"incident\", \"recipient\": \"常庄水库险情\","
        + " \"note\": \"抢险\"}";
    int rounds = 20_000;
    for (int i = 0; i < rounds; i++) { // warm-up for the JIT
      raw.findOperation("/api/lots/1/issues", io.vertx.core.http.HttpMethod.POST);
      contract.bodyErrors("createLotIssue", new JsonObject(body));
    }
    long found = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      found += raw.findOperation("/api/lots/" + (i % 500 + 1) + "/issues", io.vertx.core.http.HttpMethod.POST) == null
          ? 0 : 1;
    }
    long t1 = System.nanoTime();
    int valid = 0;
    for (int i = 0; i < rounds; i++) {
      valid += contract.bodyErrors("createLotIssue", new JsonObject(body)).isEmpty() ? 1 : 0;
    }
    long t2 = System.nanoTime();
    assertEquals(rounds, found);
    assertEquals(rounds, valid);
    System.out.printf("contract cost per request: find operation %.1f µs, parse + check a body %.1f µs%n",
        (t1 - t0) / 1e3 / rounds, (t2 - t1) / 1e3 / rounds);
  }

  @Test
  void namesEveryWrongFieldOfABody() {
    Map<String, String> errors = contract.bodyErrors("createLotIssue", new JsonObject().put("quantity", "5")
        .put("recipientType", "truck"));
    System.out.println(errors);
    assertTrue(errors.containsKey("quantity"), errors.toString());
    assertTrue(errors.containsKey("recipientType"), errors.toString());
  }
}
