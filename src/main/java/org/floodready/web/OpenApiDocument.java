package org.floodready.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 contract, kept as one YAML fragment per domain under {@code openapi/} and merged
 * here, so each feature documents its own paths next to nothing else's.
 */
public final class OpenApiDocument {
  /** Fragments in order; a new domain adds its file name here. */
  public static final List<String> FRAGMENTS = List.of(
      "base",
      "foundation",
      "inventory",
      "checkpoints",
      "patrols",
      "readiness",
      "dashboard",
      "excel",
      "duty",
      "inspections",
      "incidents", "requests", "returns");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private OpenApiDocument() {
  }

  public static ObjectNode load() {
    ObjectNode doc = YAML.createObjectNode();
    for (String name : FRAGMENTS) {
      String path = "openapi/" + name + ".yaml";
      try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("missing " + path);
        }
        merge(doc, (ObjectNode) YAML.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException(path, e);
      }
    }
    return doc;
  }

  public static String yaml(ObjectNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void merge(ObjectNode target, ObjectNode source) {
    Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = fields.next();
      if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
        merge(existing, (ObjectNode) e.getValue());
      } else {
        target.set(e.getKey(), e.getValue());
      }
    }
  }
}
