package org.floodready.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A failed schema check (vertx-json-schema's basic output) as the fields of the JSON error model: one entry per
 * wrong field, named from its JSON pointer, in the words {@link Fields} used before the contract checked input.
 */
public final class SchemaProblems {
  /** A batch of a thousand bad readings is named by its first few, not in a megabyte of errors. */
  private static final int MAX_FIELDS = 20;
  /** Keywords whose error only says that something below failed; the failure below is listed too. */
  private static final Set<String> WRAPPERS = Set.of("properties", "$ref", "items", "prefixItems", "allOf", "anyOf",
      "oneOf", "then", "else", "if", "patternProperties", "unevaluatedItems");

  private SchemaProblems() {
  }

  /** The leaf problems of a failed validation, one per field (the first found), named like {@code lines[2].quantity}. */
  static void report(OutputUnit result, String parameter, Map<String, String> errors) {
    report(result, parameter, errors, null, null);
  }

  /**
   * As above; a failed {@code pattern} is explained by the {@code x-error} next to it in {@code schema} (whose
   * {@code $ref}s point into {@code doc}), since "does not match ^[A-Za-z0-9_.-]+$" helps no one.
   */
  static void report(OutputUnit result, String parameter, Map<String, String> errors, JsonObject schema,
      JsonObject doc) {
    if (Boolean.TRUE.equals(result.getValid())) {
      return;
    }
    List<OutputUnit> units = result.getErrors() == null || result.getErrors().isEmpty() ? List.of(result)
        : result.getErrors();
    for (OutputUnit unit : units) {
      String keyword = keyword(unit.getKeywordLocation());
      if (errors.size() >= MAX_FIELDS) {
        break;
      }
      if (WRAPPERS.contains(keyword) || keyword.equals("additionalProperties") && explainedBelow(unit, units)) {
        continue; // a wrapper: the property's own problem is listed too
      }
      String field = field(parameter, unit.getInstanceLocation());
      if (keyword.equals("required") || keyword.equals("dependentRequired")) {
        String missing = quoted(unit.getError(), keyword.equals("required") ? 0 : 1);
        errors.putIfAbsent(join(field, missing), "is required");
      } else {
        String problem = keyword.equals("pattern") ? patternError(schema, doc, unit.getKeywordLocation()) : null;
        errors.putIfAbsent(field.isEmpty() ? "body" : field, problem != null ? problem : problem(keyword, unit));
      }
    }
    if (errors.isEmpty()) {
      errors.put(parameter.isEmpty() ? "body" : parameter, "does not match the contract");
    }
  }

  /** Whether a failed subschema (not {@code false}, which says nothing more) has its own problem listed. */
  private static boolean explainedBelow(OutputUnit unit, List<OutputUnit> units) {
    String below = unit.getKeywordLocation() + "/";
    return units.stream().anyMatch(u -> u != unit && u.getKeywordLocation() != null
        && u.getKeywordLocation().startsWith(below));
  }

  private static String patternError(JsonObject schema, JsonObject doc, String location) {
    if (schema == null || location == null || !location.startsWith("#/")) {
      return null;
    }
    Object node = schema;
    String[] tokens = location.substring(2).split("/");
    for (int i = 0; i < tokens.length - 1 && node != null; i++) {
      String t = tokens[i].replace("~1", "/").replace("~0", "~");
      if (t.equals("$ref") && node instanceof JsonObject o) {
        // the library may have replaced the reference by a view of its target already
        node = o.getValue("$ref") instanceof String ref ? pointer(doc, ref.substring(ref.indexOf('#') + 1)) : o;
      } else if (node instanceof JsonObject o) {
        // a reference with nothing beside it was replaced by its target where the validator walked
        node = !o.containsKey(t) && o.getValue("$ref") instanceof String ref
            ? pointer(doc, ref.substring(ref.indexOf('#') + 1)) : o;
        node = node instanceof JsonObject target ? target.getValue(t) : null;
      } else if (node instanceof JsonArray a && t.chars().allMatch(Character::isDigit)
          && Integer.parseInt(t) < a.size()) {
        node = a.getValue(Integer.parseInt(t));
      } else {
        node = null;
      }
    }
    return node instanceof JsonObject o && o.getValue("x-error") instanceof String message ? message : null;
  }

  private static Object pointer(JsonObject doc, String pointer) {
    Object node = doc;
    for (String token : pointer.split("/")) {
      if (!token.isEmpty()) {
        node = node instanceof JsonObject o ? o.getValue(token.replace("~1", "/").replace("~0", "~")) : null;
      }
    }
    return node;
  }

  private static String problem(String keyword, OutputUnit unit) {
    String error = unit.getError() == null ? "is invalid" : unit.getError();
    return switch (keyword) {
      case "type" -> typeProblem(error.substring(error.indexOf("Expected ") + 9));
      // an optional property's enum also takes null ("not sent"), which is not worth naming to a client
      case "enum" -> "must be one of " + error.substring(error.indexOf("any of ") + 7).replace("[", "")
          .replace("]", "").replace("\"", "").replace(",null", "").replace(",", ", ");
      case "minLength" -> between(error, "< ", ")").equals("1") ? "must not be empty"
          : "must be at least " + between(error, "< ", ")") + " characters";
      case "maxLength" -> "must be at most " + between(error, "> ", ")") + " characters";
      case "maxItems" -> "must have at most " + between(error, "> ", ")") + " elements";
      case "minItems" -> "must have at least " + between(error, "< ", ")") + " elements";
      case "minimum" -> "must be >= " + after(error, "than ");
      case "exclusiveMinimum" -> "must be > " + after(error, "equal to ");
      case "maximum" -> "must be <= " + after(error, "than ");
      case "exclusiveMaximum" -> "must be < " + after(error, "equal to ");
      case "multipleOf" -> "must have at most " + decimals(after(error, "multiple of ")) + " decimals";
      case "pattern" -> "has characters that are not allowed";
      case "format" -> "must be a valid " + between(error, "format \"", "\"");
      case "additionalProperties", "unevaluatedProperties" -> "is not allowed here";
      default -> error;
    };
  }

  /** In the words {@link Fields} used, so clients see the same texts as before the contract checked them. */
  private static String typeProblem(String expected) {
    String type = expected.replaceAll("[\\[\\]\" ]", "").replace(",null", "").replace("null,", "");
    return switch (type) {
      case "number" -> "must be a number";
      case "integer" -> "must be a whole number";
      case "string" -> "must be a string";
      case "boolean" -> "must be true or false";
      case "array" -> "must be an array";
      case "object" -> "must be an object";
      default -> "must be of type " + type;
    };
  }

  private static int decimals(String step) {
    int dot = step.indexOf('.');
    return dot < 0 ? 0 : step.length() - dot - 1;
  }

  private static String keyword(String location) {
    if (location == null) {
      return "";
    }
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /**
   * A JSON pointer as a field name: {@code /lines/2/quantity} → {@code lines[2].quantity}; a position in a
   * GeoJSON line is one field ({@code /geometry/coordinates/1/0} → {@code geometry.coordinates[1]}).
   */
  static String field(String parameter, String pointer) {
    StringBuilder name = new StringBuilder(parameter);
    if (pointer != null && pointer.length() > 1) {
      for (String token : pointer.substring(pointer.startsWith("#") ? 2 : 1).split("/")) {
        String t = token.replace("~1", "/").replace("~0", "~");
        boolean index = !t.isEmpty() && t.chars().allMatch(Character::isDigit);
        if (index && name.toString().endsWith("]")) {
          break;
        }
        if (index && !name.isEmpty()) {
          name.append('[').append(t).append(']');
        } else {
          name.append(name.isEmpty() ? "" : ".").append(t);
        }
      }
    }
    return name.toString();
  }

  private static String join(String parent, String child) {
    return parent.isEmpty() ? child : parent + "." + child;
  }

  private static String quoted(String text, int index) {
    String[] parts = text == null ? new String[0] : text.split("\"");
    return parts.length > 2 * index + 1 ? parts[2 * index + 1] : "?";
  }

  private static String between(String text, String from, String to) {
    int a = text.indexOf(from);
    if (a < 0) {
      return text;
    }
    int b = text.indexOf(to, a + from.length());
    return b < 0 ? text.substring(a + from.length()) : text.substring(a + from.length(), b);
  }

  private static String after(String text, String from) {
    int a = text.lastIndexOf(from);
    return a < 0 ? text : text.substring(a + from.length());
  }
}
