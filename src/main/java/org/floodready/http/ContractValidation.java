package org.floodready.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.floodready.auth.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each request's parameters and JSON body against its operation in the contract before the route's
 * handler runs; a mismatch is a 400 in the JSON error model naming every wrong field. It runs after the
 * authentication and the role check ({@link WriteGuard}), so a caller who may not write never learns about
 * the body. The handlers keep only what a schema cannot say (rules across fields, rules that read the
 * database). A request the contract does not describe passes with a log line, and so does a body that is
 * not JSON (uploads; broken JSON and a wrong content type are answered by {@link JsonInput}).
 *
 * <p>The validators are built once per operation: vertx-openapi's {@code RequestValidator} builds them on
 * every request on a worker thread, which costs a thread hop and a copy of the schema lookup per call.
 */
public final class ContractValidation implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger(ContractValidation.class);
  /** The parsed body, kept for {@link JsonInput} so the handler does not parse it again. */
  static final String PARSED_BODY = "contract.body";
  /** A batch of a thousand bad readings is named by its first few, not in a megabyte of errors. */
  private static final int MAX_FIELDS = 20;
  /** Keywords whose error only says that something below failed; the failure below is listed too. */
  private static final Set<String> WRAPPERS = Set.of("properties", "$ref", "items", "prefixItems", "allOf", "anyOf",
      "oneOf", "then", "else", "if", "patternProperties", "unevaluatedItems");

  private record Param(Parameter parameter, ParameterTransformer transformer, Validator validator, int segment) {
  }

  /** {@code quick} answers only yes or no (a third cheaper); {@code body} lists the errors of a bad body. */
  private record Checks(List<Param> params, Validator quick, Validator body, String bodyType, boolean secured,
      boolean needsKey) {
  }

  private static final JsonSchemaOptions FLAG = new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setBaseUri("app://").setOutputFormat(OutputFormat.Flag);

  private final OpenAPIContract contract;
  private final Map<String, Checks> byOperation = new HashMap<>();
  private final Set<String> undocumented = ConcurrentHashMap.newKeySet();

  public ContractValidation(OpenAPIContract contract) {
    this.contract = contract;
    SchemaRepository schemas = contract.getSchemaRepository();
    ParameterTransformer simple = new SimpleTransformer();
    ParameterTransformer form = new FormTransformer();
    for (Operation op : contract.operations()) {
      List<Param> params = new ArrayList<>();
      boolean needsKey = false;
      for (Parameter p : op.getParameters()) {
        if (p.getIn() == Location.HEADER && p.getName().equalsIgnoreCase(Idempotency.HEADER)) {
          needsKey = p.isRequired();
          continue;
        }
        int segment = p.getIn() == Location.PATH ? segment(op.getAbsoluteOpenAPIPath(), p.getName()) : -1;
        params.add(new Param(p, p.getIn() == Location.QUERY ? form : simple, schemas.validator(p.getSchema()),
            segment));
      }
      MediaType json = op.getRequestBody() == null ? null : op.getRequestBody().getContent().get(MediaType.APPLICATION_JSON);
      JsonSchema schema = json == null ? null : json.getSchema();
      byOperation.put(op.getOperationId(), new Checks(List.copyOf(params),
          schema == null ? null : schemas.validator(schema, FLAG), schema == null ? null : schemas.validator(schema),
          schema == null ? null : schema.get("type"),
          !op.getSecurityRequirements().isEmpty(), needsKey));
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation op = contract.findOperation(ctx.request().path(), ctx.request().method());
    if (op == null) {
      String route = ctx.request().method() + " " + ctx.request().path();
      if (undocumented.size() < 1000 && undocumented.add(route)) {
        log.warn("{}: no operation in the contract, passed without validation", route);
      }
      ctx.next();
      return;
    }
    Checks checks = byOperation.get(op.getOperationId());
    if (checks.secured() && CurrentUser.orNull(ctx) == null || checks.body() != null && hasBody(ctx) && !sendsJson(ctx)) {
      ctx.next(); // the handler answers 401, or 415 for a body in another type, before any look at the input
      return;
    }
    if (checks.needsKey()) {
      Idempotency.requireKey(ctx); // its own answer (idempotency_key_required), as every retried write gives
    }
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      for (Param p : checks.params()) {
        checkParameter(ctx, p, errors);
      }
      if (checks.body() != null) {
        checkBody(ctx, checks, errors);
      }
    } catch (RuntimeException e) {
      // a fault of the schema library on an odd value (an empty string as format email): the handler decides
      log.warn("{}: the contract validator failed, passed to the handler", op.getOperationId(), e);
      ctx.next();
      return;
    }
    if (errors.isEmpty()) {
      ctx.next();
    } else {
      ctx.fail(ApiError.validation(errors));
    }
  }

  /** What the contract finds wrong in a JSON body sent to an operation (empty when it is fine). */
  public Map<String, String> bodyErrors(String operationId, Object body) {
    Checks checks = byOperation.get(operationId);
    if (checks == null) {
      throw new IllegalArgumentException("no operation " + operationId);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    if (checks.body() != null && !Boolean.TRUE.equals(checks.quick().validate(body).getValid())) {
      report(checks.body().validate(body), "", errors);
    }
    return errors;
  }

  private static void checkParameter(RoutingContext ctx, Param p, Map<String, String> errors) {
    Parameter parameter = p.parameter();
    String name = parameter.getName();
    String raw = switch (parameter.getIn()) {
      case PATH -> pathSegment(ctx.request().path(), p.segment());
      case QUERY -> ctx.request().getParam(name);
      case HEADER -> ctx.request().getHeader(name);
      case COOKIE -> ctx.request().getCookie(name) == null ? null : ctx.request().getCookie(name).getValue();
    };
    if (raw == null) {
      if (parameter.isRequired()) {
        errors.put(name, "is required");
      }
      return;
    }
    Object value;
    try {
      value = p.transformer().transform(parameter, raw);
    } catch (ValidatorException | DecodeException e) {
      errors.put(name, "cannot be read");
      return;
    }
    report(p.validator().validate(value), name, errors);
  }

  private static boolean hasBody(RoutingContext ctx) {
    return ctx.body() != null && ctx.body().length() > 0;
  }

  private static boolean sendsJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/json");
  }

  private static void checkBody(RoutingContext ctx, Checks checks, Map<String, String> errors) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return;
    }
    Object value;
    try {
      value = body.toJsonValue();
    } catch (DecodeException e) {
      return;
    }
    boolean shapeMatches = "object".equals(checks.bodyType()) ? value instanceof JsonObject
        : !"array".equals(checks.bodyType()) || value instanceof JsonArray;
    if (!shapeMatches) {
      return;
    }
    ctx.put(PARSED_BODY, value);
    if (!Boolean.TRUE.equals(checks.quick().validate(value).getValid())) {
      report(checks.body().validate(value), "", errors);
    }
  }

  /** The leaf problems of a failed validation, one per field (the first found), named like {@code lines[2].quantity}. */
  static void report(OutputUnit result, String parameter, Map<String, String> errors) {
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
      if (WRAPPERS.contains(keyword)
          || keyword.equals("additionalProperties") && unit.getError() != null
          && unit.getError().endsWith("additional properties schema") && units.size() > 1) {
        continue; // a wrapper: the property's own problem is listed too
      }
      String field = field(parameter, unit.getInstanceLocation());
      if (keyword.equals("required") || keyword.equals("dependentRequired")) {
        String missing = quoted(unit.getError(), keyword.equals("required") ? 0 : 1);
        errors.putIfAbsent(join(field, missing), "is required");
      } else {
        errors.putIfAbsent(field.isEmpty() ? "body" : field, problem(keyword, unit));
      }
    }
    if (errors.isEmpty()) {
      errors.put(parameter.isEmpty() ? "body" : parameter, "does not match the contract");
    }
  }

  private static String problem(String keyword, OutputUnit unit) {
    String error = unit.getError() == null ? "is invalid" : unit.getError();
    return switch (keyword) {
      case "type" -> typeProblem(error.substring(error.indexOf("Expected ") + 9));
      case "enum" -> "must be one of " + error.substring(error.indexOf("any of ") + 7).replace("[", "")
          .replace("]", "").replace("\"", "").replace(",", ", ");
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

  private static int segment(String template, String name) {
    String before = template.substring(0, template.indexOf("{" + name + "}"));
    return (int) before.chars().filter(c -> c == '/').count();
  }

  private static String pathSegment(String path, int segment) {
    String[] segments = path.substring(1).split("/", -1);
    if (segment < 1 || segments.length < segment) {
      return null;
    }
    try {
      return URLDecoder.decode(segments[segment - 1].replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segments[segment - 1];
    }
  }
}
