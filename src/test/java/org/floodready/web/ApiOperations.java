package org.floodready.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The operations of a served OpenAPI document, with $ref and allOf resolved. */
final class ApiOperations {
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  record Param(String name, String in, boolean required, JsonNode schema) {
  }

  record Operation(String method, String path, List<Param> params, List<String> bodyTypes, JsonNode bodySchema) {
    List<Param> in(String where) {
      return params.stream().filter(p -> p.in().equals(where)).toList();
    }

    boolean needsIdempotencyKey() {
      return params.stream().anyMatch(p -> p.in().equals("header")
          && p.name().equalsIgnoreCase(Idempotency.HEADER) && p.required());
    }

    boolean takesJson() {
      return bodyTypes.contains("application/json");
    }

    boolean writes() {
      return !method.equals("GET");
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final JsonNode doc;

  ApiOperations(String yaml) throws IOException {
    this.doc = new ObjectMapper(new YAMLFactory()).readTree(yaml);
  }

  List<Operation> under(String prefix) {
    List<Operation> ops = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      if (!p.getKey().startsWith(prefix)) {
        continue;
      }
      List<Param> shared = params(p.getValue().get("parameters"));
      Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields();
      while (methods.hasNext()) {
        Map.Entry<String, JsonNode> m = methods.next();
        if (!METHODS.contains(m.getKey())) {
          continue;
        }
        List<Param> all = new ArrayList<>(shared);
        all.addAll(params(m.getValue().get("parameters")));
        List<String> types = new ArrayList<>();
        JsonNode bodySchema = null;
        JsonNode content = m.getValue().path("requestBody").path("content");
        Iterator<Map.Entry<String, JsonNode>> ct = content.fields();
        while (ct.hasNext()) {
          Map.Entry<String, JsonNode> c = ct.next();
          types.add(c.getKey());
          if (c.getKey().equals("application/json")) {
            bodySchema = schema(c.getValue().get("schema"));
          }
        }
        ops.add(new Operation(m.getKey().toUpperCase(), p.getKey(), all, types, bodySchema));
      }
    }
    return ops;
  }

  private List<Param> params(JsonNode list) {
    List<Param> params = new ArrayList<>();
    if (list == null) {
      return params;
    }
    for (JsonNode raw : list) {
      JsonNode p = deref(raw);
      params.add(new Param(p.get("name").asText(), p.get("in").asText(), p.path("required").asBoolean(false),
          schema(p.get("schema"))));
    }
    return params;
  }

  private JsonNode deref(JsonNode node) {
    JsonNode n = node;
    while (n != null && n.has("$ref")) {
      n = doc.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }

  /** A schema with references followed and allOf parts merged into one object. */
  JsonNode schema(JsonNode raw) {
    JsonNode s = deref(raw);
    if (s == null || !s.has("allOf")) {
      return s;
    }
    ObjectNode merged = ((ObjectNode) s).deepCopy();
    merged.remove("allOf");
    ObjectNode props = merged.has("properties") ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
    for (JsonNode part : s.get("allOf")) {
      JsonNode resolved = schema(part);
      resolved.path("properties").fields().forEachRemaining(e -> props.set(e.getKey(), e.getValue()));
      resolved.fields().forEachRemaining(e -> {
        if (!e.getKey().equals("properties") && !merged.has(e.getKey())) {
          merged.set(e.getKey(), e.getValue());
        }
      });
    }
    return merged;
  }

  /** The schema's main type: the first non-null entry of {@code type}, else object/array by shape. */
  static String type(JsonNode schema) {
    if (schema == null) {
      return "any";
    }
    JsonNode t = schema.get("type");
    if (t != null && t.isArray()) {
      for (JsonNode x : t) {
        if (!x.asText().equals("null")) {
          return x.asText();
        }
      }
    }
    if (t != null && t.isTextual()) {
      return t.asText();
    }
    return schema.has("properties") ? "object" : schema.has("items") ? "array" : "any";
  }

  static Map<String, JsonNode> properties(ApiOperations ops, JsonNode schema) {
    Map<String, JsonNode> props = new LinkedHashMap<>();
    if (schema == null) {
      return props;
    }
    schema.path("properties").fields().forEachRemaining(e -> {
      JsonNode resolved = ops.schema(e.getValue());
      if (!resolved.path("readOnly").asBoolean(false)) {
        props.put(e.getKey(), resolved);
      }
    });
    return props;
  }
}
