package org.floodready.input;

import org.floodready.errors.ApiError;
import org.floodready.sheets.Csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void quantityAcceptsPositiveNumbersWithUpToThreeDecimals() {
    Fields f = new Fields(new JsonObject().put("q", 12.125).put("w", 7));
    assertEquals(new BigDecimal("12.125"), f.quantity("q"));
    assertEquals(new BigDecimal("7"), f.quantity("w"));
    assertTrue(f.valid());
  }

  @Test
  void numericStringsAreRefusedByEveryNumberReader() {
    Fields f = new Fields(new JsonObject().put("q", "5").put("d", "1.5").put("n", "3").put("i", "4").put("id", "6")
        .put("lat", "34.7").put("lon", "113.6"));
    assertNull(f.quantity("q"));
    assertNull(f.decimal("d", null, false, null, 3, true));
    assertNull(f.number("n", 0, 10, true));
    assertNull(f.integer("i", 0, 10, true));
    assertNull(f.id("id", true));
    assertNull(f.latitude("lat", true));
    assertNull(f.longitude("lon", true));
    ApiError e = assertThrows(ApiError.class, f::validate);
    assertEquals(java.util.Set.of("q", "d", "n", "i", "id", "lat", "lon"), e.fields().keySet());
    assertEquals("must be a number", e.fields().get("q"));
  }

  @Test
  void quantityRejectsZeroNegativeNanTooManyDecimalsAndHugeValues() {
    JsonObject in = new JsonObject().put("zero", 0).put("neg", -1).put("nan", Double.NaN)
        .put("dec", 1.2345).put("huge", 1e12).put("text", "abc").put("bool", true);
    Fields f = new Fields(in);
    for (String name : in.fieldNames()) {
      assertNull(f.quantity(name), name);
    }
    ApiError e = assertThrows(ApiError.class, f::validate);
    assertEquals(400, e.status());
    assertEquals(in.size(), e.fields().size());
    assertTrue(e.fields().get("dec").contains("3 decimals"));
  }

  @Test
  void idsAndIntegersBeyondLongAreRejectedNotWrapped() {
    // parsed from text, as a request body is: these arrive as BigInteger
    JsonObject in = new JsonObject("{\"id\": 99999999999999999999999, \"n\": 18446744073709551621,"
        + " \"ok\": 9223372036854775807}");
    Fields f = new Fields(in);
    assertNull(f.id("id", true));
    assertNull(f.integer("n", 1, 10, true));
    assertEquals(Long.MAX_VALUE, f.id("ok", true));
    ApiError e = assertThrows(ApiError.class, f::validate);
    assertEquals(java.util.Set.of("id", "n"), e.fields().keySet());
  }

  @Test
  void missingAndWrongTypesAreNamed() {
    Fields f = new Fields(new JsonObject().put("name", 5).put("id", "x").put("when", "yesterday"));
    f.requiredText("name", 10);
    f.id("id", true);
    f.time("when", true);
    f.requiredText("absent", 10);
    ApiError e = assertThrows(ApiError.class, f::validate);
    assertEquals("must be a string", e.fields().get("name"));
    assertEquals("must be a positive whole number", e.fields().get("id"));
    assertTrue(e.fields().get("when").startsWith("must be an ISO-8601"));
    assertEquals("is required", e.fields().get("absent"));
  }

  @Test
  void nestedFieldsCarryTheirPath() {
    Fields root = new Fields(new JsonObject());
    Fields child = root.nested(new JsonObject().put("value", "x"), "readings[3]");
    child.number("value", 0, 10, true);
    ApiError e = assertThrows(ApiError.class, root::validate);
    assertEquals("must be a number", e.fields().get("readings[3].value"));
  }

  @Test
  void csvEscapesSeparatorsQuotesAndFormulas() {
    String csv = new Csv().row("a,b", "say \"hi\"", "=cmd()", -3, null).toString();
    assertEquals("\"a,b\",\"say \"\"hi\"\"\",'=cmd(),-3,\r\n", csv);
  }
}
