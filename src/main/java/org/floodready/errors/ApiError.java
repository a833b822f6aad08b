package org.floodready.errors;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A failure the client caused or must know about, carried to the router's failure handler and
 * written as {@code {"error": code, "message": ..., "fields": {...}}} with its HTTP status.
 */
public class ApiError extends RuntimeException {
  private final int status;
  private final String code;
  private final Map<String, String> fields;

  public ApiError(int status, String code, String message, Map<String, String> fields) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.fields = fields == null ? Map.of() : Map.copyOf(fields);
  }

  public static ApiError validation(Map<String, String> fields) {
    String first = fields.entrySet().iterator().next().getKey();
    return new ApiError(400, "validation_failed",
        "Invalid " + String.join(", ", fields.keySet()) + ": " + fields.get(first), fields);
  }

  public static ApiError invalid(String field, String problem) {
    return validation(Map.of(field, problem));
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message, null);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message, null);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "forbidden", message, null);
  }

  public static ApiError notFound(String what, Object id) {
    return new ApiError(404, "not_found", what + " " + id + " does not exist", null);
  }

  public static ApiError conflict(String code, String message) {
    return new ApiError(409, code, message, null);
  }

  public static ApiError unprocessable(String code, String message) {
    return new ApiError(422, code, message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> fields() {
    return fields;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("error", code).put("message", getMessage());
    if (!fields.isEmpty()) {
      json.put("fields", new JsonObject(Map.copyOf(fields)));
    }
    return json;
  }
}
