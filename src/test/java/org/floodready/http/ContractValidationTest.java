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

  @Test
  void namesEveryWrongFieldOfABody() {
    Map<String, String> errors = contract.bodyErrors("createLotIssue", new JsonObject().put("quantity", "5")
        .put("recipientType", "truck"));
    System.out.println(errors);
    assertTrue(errors.containsKey("quantity"), errors.toString());
    assertTrue(errors.containsKey("recipientType"), errors.toString());
  }
}
