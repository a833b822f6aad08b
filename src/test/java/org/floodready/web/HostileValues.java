package org.floodready.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Plausible bodies built from an OpenAPI schema, and the hostile replacements for one value of a
 * given type. Bodies are raw JSON text so that tokens like {@code 1e400} reach the server as sent.
 */
final class HostileValues {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final ApiOperations ops;
  private final Function<String, String> realId;
  private final OffsetDateTime now;
  /** Timestamps a day ahead (deadlines) instead of an hour ago (readings, tracks). */
  private boolean future;

  /** {@code realId} maps a property or parameter name to an existing id (JSON token), or null. */
  HostileValues(ApiOperations ops, Function<String, String> realId, OffsetDateTime now) {
    this.ops = ops;
    this.realId = realId;
    this.now = now;
  }

  /** A plausible object, its timestamps ahead of now when {@code future}. */
  String object(JsonNode schema, boolean inFuture) {
    future = inFuture;
    try {
      return object(schema, 0);
    } finally {
      future = false;
    }
  }

  /** A plausible value for a schema, as a JSON token. */
  String plausible(String name, JsonNode schema, int depth) {
    if (schema == null) {
      return "\"x\"";
    }
    if (schema.has("examples")) {
      return json(schema.get("examples").get(0));
    }
    if (schema.has("enum")) {
      for (JsonNode e : schema.get("enum")) {
        if (!e.isNull()) {
          return json(e);
        }
      }
    }
    if (schema.has("default") && !schema.get("default").isNull()) {
      return json(schema.get("default"));
    }
    return switch (ApiOperations.type(schema)) {
      case "object" -> depth > 3 ? "{}" : object(schema, depth + 1);
      case "array" -> {
        String id = name.endsWith("Ids") ? realId.apply(name) : null;
        if (id != null) {
          yield "[" + id + "]";
        }
        JsonNode items = ops.schema(schema.get("items"));
        yield depth > 3 || items == null ? "[]" : "[" + plausible(name, items, depth + 1) + "]";
      }
      case "integer" -> {
        String id = name.endsWith("Id") ? realId.apply(name) : null;
        yield id != null ? id : Long.toString(Math.max(1, schema.path("minimum").asLong(1)));
      }
      case "number" -> schema.has("minimum") ? schema.get("minimum").asText() : "1";
      case "boolean" -> "false";
      case "string" -> string(name, schema);
      default -> "\"x\"";
    };
  }

  String object(JsonNode schema, int depth) {
    return objectWith(schema, depth, null, null);
  }

  /** A plausible object whose property {@code replaced} is the raw JSON {@code token}. */
  String objectWith(JsonNode schema, int depth, String replaced, String token) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : ApiOperations.properties(ops, schema).entrySet()) {
      String value = p.getKey().equals(replaced) ? token : plausible(p.getKey(), p.getValue(), depth);
      parts.add(quote(p.getKey()) + ":" + value);
    }
    return "{" + String.join(",", parts) + "}";
  }

  private String string(String name, JsonNode schema) {
    String format = schema.path("format").asText("");
    return switch (format) {
      case "date-time" -> quote((future ? now.plusDays(3) : now.minusHours(1)).toString());
      case "date" -> quote(LocalDate.from(now).toString());
      case "uuid" -> quote(UUID.randomUUID().toString());
      default -> schema.has("pattern") ? quote("RB-" + COUNTER.incrementAndGet())
          : quote("robust " + name + " " + COUNTER.incrementAndGet());
    };
  }

  /** Hostile values for a property one level down (inside an object or an array's object items). */
  static final List<String> NESTED = List.of("\"abc\"", "{\"x\":1}", "null", "1e400", "-1",
      "99999999999999999999999", "[[1]]", "\"\"");

  /**
   * Bodies (label → raw JSON) with one property one level down made hostile: inside a nested
   * object, or inside the single object element of an array.
   */
  List<Mutation> nestedMutations(JsonNode schema) {
    List<Mutation> bodies = new ArrayList<>();
    for (Map.Entry<String, JsonNode> top : ApiOperations.properties(ops, schema).entrySet()) {
      JsonNode child = top.getValue();
      boolean array = ApiOperations.type(child).equals("array");
      JsonNode inner = array ? ops.schema(child.get("items")) : child;
      if (inner == null || !inner.has("properties")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> sub : ApiOperations.properties(ops, inner).entrySet()) {
        for (String token : NESTED) {
          String obj = objectWith(inner, 1, sub.getKey(), token);
          bodies.add(new Mutation(top.getKey() + (array ? "[0]." : ".") + sub.getKey() + "=" + token,
              objectWith(schema, 0, top.getKey(), array ? "[" + obj + "]" : obj), mustReject(sub.getValue(), token)));
        }
      }
    }
    return bodies;
  }

  /** A hostile body; {@code mustReject} when no server may accept it (not just a lenient one). */
  record Mutation(String label, String body, boolean mustReject) {
  }

  /** An integer property given a value beyond 64 bits can only be accepted by wrapping it. */
  static boolean mustReject(JsonNode schema, String token) {
    String type = ApiOperations.type(schema);
    return token.equals(BEYOND_LONG) && type.equals("integer")
        || token.equals(NUMERIC_STRING) && (type.equals("integer") || type.equals("number"));
  }

  static final String BEYOND_LONG = "99999999999999999999999";
  /** A number sent as a JSON string: the contract says number, so it is refused, never booked as 5. */
  static final String NUMERIC_STRING = "\"5\"";

  /** Values of the wrong type or out of any sane range for a property of the given schema. */
  static List<String> hostile(JsonNode schema) {
    String type = ApiOperations.type(schema);
    List<String> values = new ArrayList<>(List.of("{\"x\":1}", "[1]", "true"));
    switch (type) {
      case "integer", "number" -> values.addAll(List.of(NUMERIC_STRING, "\"abc\"", "\"NaN\"", "\"Infinity\"", "\"1e999\"",
          "1e400", "-1", "0", "99999999999999999999999", "1.5e300", "0.0000001"));
      case "string" -> values.addAll(List.of("42", "\"\"", "\"\\u0000\"", quote("x".repeat(20_000)),
          "\"yesterday\"", "\"2026-02-30T25:61:00+08:00\""));
      case "boolean" -> values.addAll(List.of("\"true\"", "1"));
      case "array" -> values.addAll(List.of("\"abc\"", "[null]", "[\"abc\"]", "[{\"x\":\"\\u0000\"}]",
          "[[[[[[1]]]]]]"));
      case "object" -> values.addAll(List.of("\"abc\"", "{\"x\":null}"));
      default -> values.add("\"abc\"");
    }
    values.add("null");
    return values;
  }

  /** Hostile query-string values for a parameter. */
  static List<String> hostileQuery(String name, JsonNode schema) {
    String type = ApiOperations.type(schema);
    String format = schema == null ? "" : schema.path("format").asText("");
    if (name.equals("from") || name.equals("to") || name.equals("at") || format.startsWith("date")) {
      return List.of("yesterday", "2026-02-30", "2026-13-01T00:00:00Z", "99999-01-01T00:00:00Z", "-1");
    }
    if (schema != null && schema.has("enum")) {
      return List.of("nonsense", "", "'; DROP TABLE units; --");
    }
    return switch (type) {
      case "integer" -> List.of("abc", "-1", "0", "999999999", "99999999999999999999", "1.5", "1e3");
      case "number" -> List.of("abc", "NaN", "Infinity", "-Infinity", "1e999", "-1e999");
      case "boolean" -> List.of("maybe", "2");
      default -> List.of("'; DROP TABLE units; --", "%_\\", "x".repeat(5000), "\u0000");
    };
  }

  static String quote(String s) {
    return io.vertx.core.json.Json.encode(s);
  }

  private static String json(JsonNode node) {
    return node.toString();
  }

  static OffsetDateTime utc(java.time.Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
