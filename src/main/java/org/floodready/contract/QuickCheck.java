package org.floodready.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A schema compiled once into plain checks that answer only "certainly valid": a value they pass is one the
 * contract's validator (vertx-json-schema, draft 2020-12, OpenAPI formats) would pass too, so the request skips
 * that validator, which interprets the schema anew on every call (a map lookup per keyword, a location string per
 * property, a {@code Pattern.compile} per pattern). Anything else — a value they fail, a keyword they do not know,
 * a number kind whose arithmetic they do not copy — goes to that validator, which gives the verdict and the error
 * messages, so the answers stay exactly the validator's. Each check copies the validator's own rule.
 */
final class QuickCheck {
  /** Passes a value only when the contract's validator would pass it. */
  interface Check {
    boolean surelyValid(Object value);
  }

  private static final Check UNSURE = value -> false;
  private static final Check ANYTHING = value -> true;
  private static final Set<String> ANNOTATIONS = Set.of("description", "title", "example", "examples", "default",
      "deprecated", "readOnly", "writeOnly", "$comment", "__absolute_uri__");
  private static final int MAX_DEPTH = 12;
  private static final double EPSILON = 1.1920929e-7; // the validator's tolerance for multipleOf

  private QuickCheck() {
  }

  static Check of(JsonSchema schema) {
    JsonObject json = new JsonObject();
    for (String key : schema.fieldNames()) {
      json.put(key, (Object) schema.get(key));
    }
    return compile(json, 0);
  }

  /** {@code depth}: a schema that contains itself (a resolved recursive $ref) is left to the validator. */
  private static Check compile(Object schema, int depth) {
    if (Boolean.TRUE.equals(schema)) {
      return ANYTHING;
    }
    if (!(schema instanceof JsonObject node) || depth > MAX_DEPTH) {
      return UNSURE;
    }
    List<Check> checks = new ArrayList<>();
    for (Map.Entry<String, Object> keyword : node) {
      String key = keyword.getKey();
      if (key.startsWith("x-") || ANNOTATIONS.contains(key)) {
        continue;
      }
      Check check = keyword(key, keyword.getValue(), node, depth);
      if (check == null) {
        return UNSURE; // a keyword not copied here: the validator decides every value
      }
      if (check != ANYTHING) {
        checks.add(check);
      }
    }
    Check[] all = checks.toArray(Check[]::new);
    return value -> {
      for (Check c : all) {
        if (!c.surelyValid(value)) {
          return false;
        }
      }
      return true;
    };
  }

  /** The check of one keyword, {@link #ANYTHING} when another keyword of the node covers it, null when unknown. */
  private static Check keyword(String key, Object arg, JsonObject node, int depth) {
    return switch (key) {
      case "type" -> type(arg);
      case "enum" -> arg instanceof JsonArray values ? enumOf(values) : null;
      case "minLength", "maxLength" -> arg instanceof Integer n ? length(key.equals("minLength"), n) : null;
      case "pattern" -> arg instanceof String p ? pattern(Pattern.compile(p)) : null;
      case "format" -> arg instanceof String f ? format(f) : null;
      case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> bound(key, arg);
      case "multipleOf" -> arg instanceof Number m && !isBig(m) ? multipleOf(m) : null;
      case "required" -> arg instanceof JsonArray names ? required(names) : null;
      case "properties" -> arg instanceof JsonObject properties ? properties(properties, depth) : null;
      case "additionalProperties" -> additional(arg, node.getJsonObject("properties", new JsonObject()), depth);
      case "items" -> items(compile(arg, depth + 1));
      case "minItems", "maxItems" -> arg instanceof Integer n ? size(key.equals("minItems"), n) : null;
      case "anyOf" -> arg instanceof JsonArray branches ? anyOf(branches, depth) : null;
      case "allOf" -> arg instanceof JsonArray branches ? allOf(branches, depth) : null;
      default -> null;
    };
  }

  private static Check type(Object arg) {
    if (arg instanceof String one) {
      return typeIs(one);
    }
    if (!(arg instanceof JsonArray types)) {
      return null;
    }
    List<Check> any = new ArrayList<>();
    for (Object t : types) {
      Check c = t instanceof String name ? typeIs(name) : null;
      if (c == null) {
        return null;
      }
      any.add(c);
    }
    return value -> any.stream().anyMatch(c -> c.surelyValid(value));
  }

  private static Check typeIs(String type) {
    return switch (type) {
      case "null" -> value -> value == null;
      case "boolean" -> value -> value instanceof Boolean;
      case "string" -> value -> value instanceof String;
      case "object" -> value -> value instanceof JsonObject;
      case "array" -> value -> value instanceof JsonArray;
      case "number" -> value -> value instanceof Number;
      case "integer" -> value -> value instanceof Integer || value instanceof Long;
      default -> null;
    };
  }

  /** Strings, booleans and null only: the validator compares numbers by value, not by equals. */
  private static Check enumOf(JsonArray values) {
    List<Object> list = values.getList();
    return value -> (value == null || value instanceof String || value instanceof Boolean) && list.contains(value);
  }

  /** Counted in code points, as the validator counts (a surrogate pair is one). */
  private static Check length(boolean min, int n) {
    return value -> {
      if (!(value instanceof String s)) {
        return true;
      }
      int length = s.codePointCount(0, s.length());
      return min ? length >= n : length <= n;
    };
  }

  private static Check pattern(Pattern p) {
    return value -> !(value instanceof String s) || p.matcher(s).find();
  }

  /**
   * OpenAPI's int32/int64 as its format validator reads them (on any value, null included); a string with a
   * format (date-time, email, ...) is left to the validator.
   */
  private static Check format(String format) {
    if (format.equalsIgnoreCase("int32")) {
      return value -> value instanceof Integer;
    }
    if (format.equalsIgnoreCase("int64")) {
      return value -> value instanceof Integer || value instanceof Long;
    }
    if (format.equalsIgnoreCase("float") || format.equalsIgnoreCase("double")) {
      return null;
    }
    return value -> !(value instanceof String);
  }

  /** The validator compares in doubles unless a BigDecimal or BigInteger is involved (then left to it). */
  private static Check bound(String key, Object arg) {
    if (!(arg instanceof Number limit) || isBig(limit)) {
      return null;
    }
    double l = limit.doubleValue();
    return value -> {
      if (!(value instanceof Number n)) {
        return true;
      }
      if (isBig(n)) {
        return false;
      }
      double v = n.doubleValue();
      return switch (key) {
        case "minimum" -> !(v < l);
        case "maximum" -> !(v > l);
        case "exclusiveMinimum" -> !(v <= l);
        default -> !(v >= l);
      };
    };
  }

  /** The validator's own remainder: in doubles when a float is involved, else the long value by the double. */
  private static Check multipleOf(Number m) {
    double d = m.doubleValue();
    boolean floating = m instanceof Double || m instanceof Float;
    return value -> {
      if (!(value instanceof Number n)) {
        return true;
      }
      if (isBig(n)) {
        return false;
      }
      double remainder = floating || n instanceof Double || n instanceof Float ? n.doubleValue() % d
          : n.longValue() % d;
      return !(Math.abs(0 - remainder) >= EPSILON && Math.abs(d - remainder) >= EPSILON);
    };
  }

  private static boolean isBig(Number n) {
    return !(n instanceof Integer || n instanceof Long || n instanceof Double || n instanceof Float
        || n instanceof Short || n instanceof Byte);
  }

  private static Check required(JsonArray names) {
    List<String> keys = new ArrayList<>();
    for (Object name : names) {
      if (!(name instanceof String s)) {
        return null;
      }
      keys.add(s);
    }
    return value -> {
      if (!(value instanceof JsonObject o)) {
        return true;
      }
      for (String k : keys) {
        if (!o.containsKey(k)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Check properties(JsonObject properties, int depth) {
    List<String> names = new ArrayList<>(properties.fieldNames());
    Check[] checks = names.stream().map(n -> compile(properties.getValue(n), depth + 1)).toArray(Check[]::new);
    return value -> {
      if (!(value instanceof JsonObject o)) {
        return true;
      }
      for (int i = 0; i < checks.length; i++) {
        String name = names.get(i);
        if (o.containsKey(name) && !checks[i].surelyValid(o.getValue(name))) {
          return false;
        }
      }
      return true;
    };
  }

  private static Check additional(Object arg, JsonObject properties, int depth) {
    Check extra = compile(arg, depth + 1);
    Set<String> declared = Set.copyOf(properties.fieldNames());
    return value -> {
      if (!(value instanceof JsonObject o)) {
        return true;
      }
      for (String name : o.fieldNames()) {
        if (!declared.contains(name) && !extra.surelyValid(o.getValue(name))) {
          return false;
        }
      }
      return true;
    };
  }

  private static Check items(Check each) {
    return value -> {
      if (!(value instanceof JsonArray a)) {
        return true;
      }
      for (Object item : a) {
        if (!each.surelyValid(item)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Check size(boolean min, int n) {
    return value -> !(value instanceof JsonArray a) || (min ? a.size() >= n : a.size() <= n);
  }

  private static Check anyOf(JsonArray branches, int depth) {
    List<Check> checks = branches.stream().map(b -> compile(b, depth + 1)).toList();
    return value -> checks.stream().anyMatch(c -> c.surelyValid(value));
  }

  private static Check allOf(JsonArray branches, int depth) {
    List<Check> checks = branches.stream().map(b -> compile(b, depth + 1)).toList();
    return value -> checks.stream().allMatch(c -> c.surelyValid(value));
  }
}
