package org.floodready.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * The one OpenAPI document of the API, loaded once per node: served to clients as YAML and, parsed by
 * vertx-openapi's {@link OpenAPIContract}, the validator of every request ({@link ContractValidation}).
 */
public final class ApiContract {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ISO_OFFSET_TIME =
      "^\\d{4}-\\d\\d-\\d\\d[Tt]\\d\\d:\\d\\d(:\\d\\d(\\.\\d{1,9})?)?([Zz]|[+-]\\d\\d:\\d\\d)$";

  /**
   * The parsed contract and its validators take tens of megabytes; they are pure data once built, so every node
   * and every HTTP verticle instance in one JVM shares them (the document is part of the jar).
   */
  private static final Map<String, ApiContract> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  private final String yaml;
  private final OpenAPIContract contract;
  private ContractValidation validation;

  private ApiContract(String yaml, OpenAPIContract contract) {
    this.yaml = yaml;
    this.contract = contract;
  }

  /** Reads the document from {@code openapi/} and checks it against the OpenAPI 3.1 schema. */
  public static Future<ApiContract> load(Vertx vertx) {
    String yaml = Bundled.YAML;
    ApiContract loaded = LOADED.get(yaml);
    if (loaded != null) {
      // a new future: one completed on an earlier node's (maybe closed) context would call back there
      return Future.succeededFuture(loaded);
    }
    @SuppressWarnings("unchecked")
    JsonObject tree = new JsonObject(JSON.convertValue(Bundled.DOC, Map.class));
    return OpenAPIContract.from(vertx, validationView(tree))
        .map(contract -> LOADED.computeIfAbsent(yaml, y -> new ApiContract(yaml, contract)));
  }

  /**
   * Parses the bundled document on a thread of its own, so that a node's start overlaps it with the database's
   * start; {@link #load} then finds it parsed (or waits for the parse, as the JVM does for any class initialiser).
   */
  public static void prepareInBackground() {
    Thread parse = new Thread(() -> {
      try {
        Objects.requireNonNull(Bundled.YAML);
      } catch (RuntimeException | Error e) {
        LoggerFactory.getLogger(ApiContract.class).warn("Parsing the OpenAPI document failed: {}", e.toString());
      }
    }, "openapi-parse");
    parse.setDaemon(true);
    parse.start();
  }

  /** The bundled document, made once per JVM (it is part of the jar). */
  private static final class Bundled {
    static final com.fasterxml.jackson.databind.node.ObjectNode DOC = OpenApiDocument.load();
    static final String YAML = OpenApiDocument.yaml(DOC);
  }

  /** The request validator of this contract, built once. */
  public synchronized ContractValidation validation() {
    if (validation == null) {
      validation = new ContractValidation(contract);
    }
    return validation;
  }

  /**
   * The document as the validator reads it. vertx-openapi 5.0 refuses a contract whose bodies use media types
   * other than JSON, multipart, text and octet-stream (our PNG charts, CSV, PDF, photos and .xlsx), and it
   * checks requests only: so answers lose their content and uploads their non-JSON body here, while clients
   * get the whole document.
   */
  static JsonObject validationView(JsonObject doc) {
    JsonObject view = doc.copy();
    view.remove("servers"); // vertx-openapi wants an absolute URL; ours is the relative "/", the same as none
    JsonObject paths = view.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!(item.getValue(method) instanceof JsonObject op)) {
          continue;
        }
        JsonObject responses = op.getJsonObject("responses", new JsonObject());
        for (String status : responses.fieldNames()) {
          if (responses.getValue(status) instanceof JsonObject answer) {
            answer.remove("content");
          }
        }
        JsonObject body = op.getJsonObject("requestBody");
        if (body != null && !body.containsKey("$ref")) {
          JsonObject content = body.getJsonObject("content", new JsonObject());
          content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
          if (content.isEmpty()) {
            op.remove("requestBody");
          }
        }
      }
    }
    JsonObject shared = view.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject());
    for (String name : shared.fieldNames()) {
      shared.getJsonObject(name).remove("content");
    }
    lenientTimes(view);
    optionalMayBeNull(view);
    return view;
  }

  /** As the handlers always read it: an optional property sent as {@code null} is a property not sent. */
  private static void optionalMayBeNull(Object node) {
    if (node instanceof JsonObject o) {
      if (o.getValue("properties") instanceof JsonObject properties) {
        JsonArray required = o.getJsonArray("required", new JsonArray());
        for (String name : properties.fieldNames()) {
          if (!required.contains(name) && properties.getValue(name) instanceof JsonObject property) {
            properties.put(name, nullable(property));
          }
        }
      }
      o.forEach(e -> optionalMayBeNull(e.getValue()));
    } else if (node instanceof JsonArray a) {
      a.forEach(ApiContract::optionalMayBeNull);
    }
  }

  private static JsonObject nullable(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof String t && !t.equals("null")) {
      schema.put("type", new JsonArray().add(t).add("null"));
    } else if (type instanceof JsonArray types && !types.contains("null")) {
      types.add("null");
    } else if (type == null) {
      return schema.isEmpty() ? schema : new JsonObject().put("anyOf", new JsonArray().add(schema)
          .add(new JsonObject().put("type", "null")));
    }
    if (schema.getValue("enum") instanceof JsonArray values && !values.contains(null)) {
      values.addNull();
    }
    return schema;
  }

  /**
   * The handlers read times with {@code OffsetDateTime.parse}, which takes {@code 08:30+08:00} without seconds
   * (what {@code OffsetDateTime.toString()} writes at a whole minute); RFC 3339's date-time, which the
   * schema library checks for {@code format: date-time}, does not. The shape is checked here, the calendar by
   * the parse.
   */
  private static void lenientTimes(Object node) {
    if (node instanceof JsonObject o) {
      if ("date-time".equals(o.getValue("format")) && !o.containsKey("pattern")) {
        o.remove("format");
        o.put("pattern", ISO_OFFSET_TIME);
      }
      o.forEach(e -> lenientTimes(e.getValue()));
    } else if (node instanceof JsonArray a) {
      a.forEach(ApiContract::lenientTimes);
    }
  }

  public String yaml() {
    return yaml;
  }

  public OpenAPIContract contract() {
    return contract;
  }
}
