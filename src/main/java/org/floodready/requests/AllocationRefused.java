package org.floodready.requests;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.floodready.errors.ApiError;

/** A 409 on an allocation that carries, per base and item, what is usable and what may be taken. */
final class AllocationRefused extends ApiError {
  private final JsonArray available;

  AllocationRefused(String code, String message, Map<String, String> fields, JsonArray available) {
    super(409, code, message, fields);
    this.available = available;
  }

  @Override
  public JsonObject toJson() {
    return super.toJson().put("available", available);
  }
}
