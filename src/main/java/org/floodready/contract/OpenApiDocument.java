package org.floodready.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 contract: {@code openapi/openapi.yaml} joins one file per domain by {@code $ref} (linters and
 * editors follow them); this bundles it into the one self-contained document clients get and the validator
 * reads. The root's path items and components that refer to a domain file take that file's object; inside it, a
 * reference to a component ({@code base.yaml#/components/responses/Error}, or {@code #/components/...} within
 * the file) becomes the root's own {@code #/components/...}, which the root must declare under the same name as
 * a reference to that very file's component.
 */
public final class OpenApiDocument {
  public static final String ROOT = "openapi.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, ObjectNode> files = new HashMap<>();
  private final ObjectNode declared;

  private OpenApiDocument() {
    declared = file(ROOT);
  }

  public static ObjectNode load() {
    OpenApiDocument bundler = new OpenApiDocument();
    ObjectNode root = bundler.declared.deepCopy();
    for (JsonNode group : List.of(root.path("paths"), root.path("components"))) {
      List<JsonNode> sections = group == root.path("paths") ? List.of(group) : values(group);
      for (JsonNode section : sections) {
        if (section instanceof ObjectNode entries) {
          for (String name : names(entries)) {
            String ref = entries.get(name).path("$ref").asText("");
            if (!ref.isEmpty() && !ref.startsWith("#")) {
              entries.set(name, bundler.take(ref));
            }
          }
        }
      }
    }
    return root;
  }

  public static String yaml(ObjectNode doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of the object {@code ref} (file#pointer) names, its component references made the root's. */
  private JsonNode take(String ref) {
    String file = ref.substring(0, ref.indexOf('#'));
    JsonNode target = file(file).at(ref.substring(ref.indexOf('#') + 1));
    if (target.isMissingNode()) {
      throw new IllegalStateException("openapi/" + ROOT + ": $ref " + ref + " names nothing");
    }
    JsonNode copy = target.deepCopy();
    localise(copy, file);
    return copy;
  }

  private void localise(JsonNode node, String file) {
    if (node instanceof ObjectNode o && o.get("$ref") != null && o.get("$ref").isTextual()) {
      String ref = o.get("$ref").asText();
      String target = ref.startsWith("#") ? file + ref : ref;
      String pointer = target.substring(target.indexOf('#') + 1);
      String[] parts = pointer.split("/");
      if (parts.length != 4 || !parts[1].equals("components")) {
        throw new IllegalStateException("openapi/" + file + ": only components can be referred to, not " + ref);
      }
      if (!target.equals(declared.path("components").path(parts[2]).path(parts[3]).path("$ref").asText())) {
        throw new IllegalStateException("openapi/" + ROOT + " must declare components." + parts[2] + "." + parts[3]
            + " as {$ref: '" + target + "'} (used in " + file + ")");
      }
      o.put("$ref", "#" + pointer);
    }
    node.forEach(child -> localise(child, file));
  }

  private static List<String> names(ObjectNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<JsonNode> values(JsonNode o) {
    List<JsonNode> values = new ArrayList<>();
    o.forEach(values::add);
    return values;
  }

  private ObjectNode file(String name) {
    return files.computeIfAbsent(name, n -> {
      String path = "openapi/" + n;
      try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("missing " + path);
        }
        return (ObjectNode) YAML.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(path, e);
      }
    });
  }
}
