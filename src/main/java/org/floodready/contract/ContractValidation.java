package org.floodready.contract;

import org.floodready.web.Idempotency;

import org.floodready.errors.ApiError;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.JsonSchema;
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
import org.floodready.access.CurrentUser;
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
 * every request on a worker thread, which costs a thread hop and a copy of the schema lookup per call. Each
 * schema is also compiled into a {@link QuickCheck}: a value it passes skips the validator (which interprets
 * the schema on every call); only a value it does not vouch for is validated, so the answers stay the same.
 */
public final class ContractValidation implements Handler<RoutingContext> {
  private static final Logger log = LoggerFactory.getLogger(ContractValidation.class);
  /** The parsed body, kept for {@link JsonInput} so the handler does not parse it again. */
  public static final String PARSED_BODY = "contract.body";

  /** {@code notFound}: a value outside the schema names nothing that exists, a 404 ({@code x-not-found: true}). */
  private record Param(Parameter parameter, ParameterTransformer transformer, Validator validator,
      QuickCheck.Check quick, int segment, boolean notFound) {
  }

  private record Checks(List<Param> params, Validator body, QuickCheck.Check bodyQuick, JsonObject bodySchema,
      String bodyType, boolean secured, boolean needsKey) {
  }

  private final OpenAPIContract contract;
  private final Map<String, Checks> byOperation = new HashMap<>();
  private final Set<String> undocumented = ConcurrentHashMap.newKeySet();
  private final Map<String, Validator> components = new ConcurrentHashMap<>();

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
            QuickCheck.of(p.getSchema()), segment, Boolean.TRUE.equals(p.getOpenAPIModel().getValue("x-not-found"))));
      }
      MediaType json = op.getRequestBody() == null ? null : op.getRequestBody().getContent().get(MediaType.APPLICATION_JSON);
      JsonSchema schema = json == null ? null : json.getSchema();
      byOperation.put(op.getOperationId(), new Checks(List.copyOf(params),
          schema == null ? null : schemas.validator(schema), schema == null ? null : QuickCheck.of(schema),
          schema == null ? null : rawBodySchema(contract.getRawContract(), op), schema == null ? null : schema.get("type"),
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
    } catch (ApiError e) {
      throw e;
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
    if (checks.body() != null && !checks.bodyQuick().surelyValid(body)) {
      SchemaProblems.report(checks.body().validate(body), "", errors, checks.bodySchema(), contract.getRawContract());
    }
    return errors;
  }

  /**
   * What the contract finds wrong in a value of one of its component schemas ({@code #/components/schemas/{name}}),
   * for input that does not come as a request (a spreadsheet row); in the words of {@link #bodyErrors}.
   */
  public Map<String, String> schemaErrors(String name, Object value) {
    Validator validator = components.computeIfAbsent(name, n -> contract.getSchemaRepository().validator(
        JsonSchema.of(contract.getRawContract().getJsonObject("components").getJsonObject("schemas")
            .getJsonObject(n))));
    Map<String, String> errors = new LinkedHashMap<>();
    SchemaProblems.report(validator.validate(value), "", errors,
        new JsonObject().put("$ref", "#/components/schemas/" + name), contract.getRawContract());
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
    if (p.quick().surelyValid(value)) {
      return;
    }
    Map<String, String> problems = new LinkedHashMap<>();
    SchemaProblems.report(p.validator().validate(value), name, problems);
    if (p.notFound() && !problems.isEmpty()) {
      throw ApiError.notFound(name, raw);
    }
    problems.forEach(errors::putIfAbsent);
  }

  private static boolean hasBody(RoutingContext ctx) {
    return ctx.body() != null && ctx.body().length() > 0;
  }

  private static boolean sendsJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase().startsWith("application/json");
  }

  private void checkBody(RoutingContext ctx, Checks checks, Map<String, String> errors) {
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
    if (checks.bodyQuick().surelyValid(value)) {
      return;
    }
    SchemaProblems.report(checks.body().validate(value), "", errors, checks.bodySchema(), contract.getRawContract());
  }

  private static JsonObject rawBodySchema(JsonObject doc, Operation op) {
    JsonObject item = doc.getJsonObject("paths").getJsonObject(op.getOpenAPIPath());
    JsonObject operation = item.getJsonObject(op.getHttpMethod().name().toLowerCase());
    return operation.getJsonObject("requestBody").getJsonObject("content").getJsonObject(MediaType.APPLICATION_JSON)
        .getJsonObject("schema");
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
