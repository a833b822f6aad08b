package org.floodready.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract loads into vertx-openapi and names the failing fields of a body as the handlers did. */
@ExtendWith(VertxExtension.class)
class ContractValidationTest {
  static Vertx vertx;
  static ContractValidation contract;

  @BeforeAll
  static void load(Vertx classVertx) {
    vertx = classVertx;
    contract = new ContractValidation(ApiContract.load(vertx).await().contract());
  }

  /**
   * For information (issue #19): the cost per request of finding the operation and of parsing and checking a
   * small body, the best of ten rounds (the machine is shared; the best round is the least disturbed).
   */
  @Test
  void measuresTheCostPerRequest() {
    var raw = ApiContract.load(vertx).await().contract();
    String body = "{\"quantity\": 12.5, \"recipientType\": \"incident\", \"recipient\": \"常庄水库险情\","
        + " \"note\": \"抢险\"}";
    int rounds = 5_000;
    double bestFind = Double.MAX_VALUE;
    double bestCheck = Double.MAX_VALUE;
    double bestLibrary = Double.MAX_VALUE;
    var issueSchema = raw.operation("createLotIssue").getRequestBody().getContent()
        .get(io.vertx.openapi.contract.MediaType.APPLICATION_JSON).getSchema();
    var library = raw.getSchemaRepository().validator(issueSchema);
    for (int round = 0; round < 10; round++) {
      long found = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        found += raw.findOperation("/api/lots/" + (i % 500 + 1) + "/issues", io.vertx.core.http.HttpMethod.POST)
            == null ? 0 : 1;
      }
      long t1 = System.nanoTime();
      int valid = 0;
      for (int i = 0; i < rounds; i++) {
        valid += contract.bodyErrors("createLotIssue", new JsonObject(body)).isEmpty() ? 1 : 0;
      }
      long t2 = System.nanoTime();
      int libraryValid = 0;
      for (int i = 0; i < rounds; i++) {
        libraryValid += library.validate(new JsonObject(body)).getValid() ? 1 : 0;
      }
      long t3 = System.nanoTime();
      assertEquals(rounds, found);
      assertEquals(rounds, valid);
      assertEquals(rounds, libraryValid);
      bestLibrary = Math.min(bestLibrary, (t3 - t2) / 1e3 / rounds);
      bestFind = Math.min(bestFind, (t1 - t0) / 1e3 / rounds);
      bestCheck = Math.min(bestCheck, (t2 - t1) / 1e3 / rounds);
    }
    System.out.printf("contract cost per request: find operation %.1f µs, parse + check a body %.1f µs"
        + " (with vertx-json-schema's validator alone, as before the quick checks: %.1f µs)%n",
        bestFind, bestCheck, bestLibrary);
  }

  @Test
  void namesEveryWrongFieldOfABody() {
    Map<String, String> errors = contract.bodyErrors("createLotIssue", new JsonObject().put("quantity", "5")
        .put("recipientType", "truck"));
    assertEquals("must be a number", errors.get("quantity"), "the drift of issue #13: \"5\" for a number");
    assertEquals("must be one of checkpoint, incident, person", errors.get("recipientType"));
    assertNull(errors.get("recipient"), "a recipient unless an incident is named: a rule across fields, the code's");
    assertEquals("is required", contract.bodyErrors("createLotIssue", new JsonObject().put("recipient", "张三"))
        .get("quantity"));
    assertEquals(Map.of(), contract.bodyErrors("createLotIssue", new JsonObject().put("quantity", 12.125)
        .put("recipientType", "person").put("recipient", "张三").putNull("note")), "an optional null is not sent");
    assertEquals("must have at most 3 decimals", contract.bodyErrors("createLotIssue", new JsonObject()
        .put("quantity", 1.2345).put("recipientType", "person").put("recipient", "张三")).get("quantity"));
  }

  @Test
  void aFailedPatternIsExplainedByTheContractsOwnWords() {
    Map<String, String> errors = contract.bodyErrors("createAdminUser", new JsonObject().put("username", "a b")
        .put("displayName", "x").put("password", "Grey-Heron-Levee-7").put("role", "viewer").put("email", "nope"));
    assertEquals("use 3 to 64 letters, digits, '.', '_' or '-'", errors.get("username"), errors.toString());
    assertEquals("must be an e-mail address", errors.get("email"), errors.toString());
    assertEquals("use letters, digits and . _ -", contract.bodyErrors("createItem", new JsonObject()
        .put("code", "a b").put("nameZh", "x").put("nameEn", "x").put("category", "materials")
        .put("unitOfMeasure", "条")).get("code"), "through a $ref to components/schemas/Item");
  }

  @Test
  void fieldsAreNamedFromTheirJsonPointer() {
    assertEquals("lines[2].quantity", SchemaProblems.field("", "/lines/2/quantity"));
    assertEquals("multipliers.II", SchemaProblems.field("", "/multipliers/II"));
    assertEquals("geometry.coordinates[1]", SchemaProblems.field("", "/geometry/coordinates/1/0"));
    assertEquals("a/b", SchemaProblems.field("", "/a~1b"));
    assertEquals("page", SchemaProblems.field("page", ""));
  }

  @Test
  void nestedRequiredFieldsAndRangesAreNamedWhereTheyAre() {
    Map<String, String> errors = contract.bodyErrors("createReadingsBatch", new JsonObject().put("readings",
        new io.vertx.core.json.JsonArray().add(new JsonObject().put("checkpointId", 1).put("value", 1)
            .put("measuredAt", "2026-07-20T08:30+08:00"))
            .add(new JsonObject().put("checkpointId", 0).put("value", 20000))));
    assertEquals(java.util.Set.of("readings[1].checkpointId", "readings[1].value", "readings[1].measuredAt"),
        errors.keySet(), errors.toString());
    assertEquals("is required", errors.get("readings[1].measuredAt"));
    assertEquals("must be <= 10000", errors.get("readings[1].value"));
  }
}
