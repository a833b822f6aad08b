package org.floodready.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.Validator;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The compiled checks never pass what the contract's validator refuses: every body schema and parameter of the
 * contract is tried with values of every kind (each property set to each sample in turn), and each value the
 * quick check passes must pass the validator too. And they do pass the ordinary bodies, else they save nothing.
 */
@ExtendWith(VertxExtension.class)
class QuickCheckTest {
  static OpenAPIContract contract;

  private static final List<Object> SAMPLES = Arrays.asList(null, true, false, 0, 1, -1, 7, 100, 101, 1000000001,
      Long.MAX_VALUE, 0.5, 1.0005, 12.5, 1.001, -3.25, 1e12, Double.NaN, new java.math.BigDecimal("1.5"), "", " ", "a",
      "A1-b.c", "a b", "x".repeat(201), "x".repeat(501), "2026-05-01", "2026-05-01T08:30:00+08:00", "08:30", "person",
      "incident", "checkpoint", "materials", "pass", "usable", "admin@example.com", "13800000000", "\uD83D\uDE00",
      new JsonObject(), new JsonArray(), new JsonArray().add(1).add(2), new JsonArray().add("a"),
      new JsonObject().put("type", "Point").put("coordinates", new JsonArray().add(113.6).add(34.7)));

  @BeforeAll
  static void load(Vertx vertx) {
    contract = ApiContract.load(vertx).await().contract();
  }

  @Test
  void passesNothingTheValidatorRefuses() {
    int passed = 0;
    int tried = 0;
    for (Operation op : contract.operations()) {
      MediaType json = op.getRequestBody() == null ? null
          : op.getRequestBody().getContent().get(MediaType.APPLICATION_JSON);
      if (json != null && json.getSchema() != null) {
        JsonSchema schema = json.getSchema();
        for (Object value : bodies(schema)) {
          tried++;
          passed += agree(op.getOperationId() + " body", schema, value);
        }
      }
      for (Parameter p : op.getParameters()) {
        for (Object value : SAMPLES) {
          tried++;
          passed += agree(op.getOperationId() + " " + p.getName(), p.getSchema(), value);
        }
      }
    }
    System.out.printf("quick checks: %d of %d values passed without the validator, none it refuses%n", passed, tried);
    assertTrue(passed > 1000, "the quick checks pass hardly anything: " + passed);
  }

  @Test
  void passesAnOrdinaryIssueAndLeavesAWrongOneToTheValidator() {
    Operation issue = contract.operation("createLotIssue");
    JsonSchema schema = issue.getRequestBody().getContent().get(MediaType.APPLICATION_JSON).getSchema();
    QuickCheck.Check quick = QuickCheck.of(schema);
    assertTrue(quick.surelyValid(new JsonObject("{\"quantity\":1,\"recipientType\":\"person\",\"recipient\":\"bench\"}")));
    assertTrue(quick.surelyValid(new JsonObject("{\"quantity\":12.5,\"recipientType\":\"incident\",\"recipient\":\"常庄\","
        + "\"note\":\"抢险\",\"incidentId\":3}")));
    assertFalse(quick.surelyValid(new JsonObject("{\"quantity\":0,\"recipientType\":\"person\",\"recipient\":\"x\"}")));
    assertFalse(quick.surelyValid(new JsonObject("{\"quantity\":1.0001}")));
    assertFalse(quick.surelyValid(new JsonObject("{\"recipient\":\"x\"}")));
    assertFalse(quick.surelyValid(new JsonObject("{\"quantity\":1,\"recipient\":\" \"}")));
    assertFalse(quick.surelyValid(new JsonObject("{\"quantity\":1,\"recipientType\":\"friend\"}")));
    Parameter lotId = issue.getParameters().stream().filter(p -> p.getName().equals("lotId")).findFirst().orElseThrow();
    assertTrue(QuickCheck.of(lotId.getSchema()).surelyValid(42));
    assertFalse(QuickCheck.of(lotId.getSchema()).surelyValid("42"));
  }

  private static int agree(String where, JsonSchema schema, Object value) {
    if (!QuickCheck.of(schema).surelyValid(value)) {
      return 0;
    }
    Validator validator = contract.getSchemaRepository().validator(schema);
    boolean valid;
    try {
      valid = validator.validate(value).getValid();
    } catch (RuntimeException e) {
      valid = false;
    }
    assertTrue(valid, where + ": the quick check passed " + value + ", the validator refuses it");
    return 1;
  }

  /** The empty object, then for each property each sample on top of a body the quick check passes, if any. */
  private static List<Object> bodies(JsonSchema schema) {
    List<Object> out = new ArrayList<>(SAMPLES);
    JsonObject properties = schema.get("properties");
    if (properties == null) {
      return out;
    }
    JsonObject base = new JsonObject();
    for (String name : properties.fieldNames()) {
      if (!(properties.getValue(name) instanceof JsonObject property)) {
        continue;
      }
      for (Object sample : SAMPLES) {
        if (QuickCheck.of(JsonSchema.of(property)).surelyValid(sample)) {
          base.put(name, sample);
          break;
        }
      }
    }
    out.add(base);
    for (String name : properties.fieldNames()) {
      for (Object sample : SAMPLES) {
        out.add(base.copy().put(name, sample));
      }
      out.add(base.copy().put("unexpected", 1));
    }
    return out;
  }
}
