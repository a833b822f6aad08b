package org.floodready.db;

import io.vertx.core.json.JsonObject;

/**
 * What a write answers (status and body), stored with its Idempotency-Key; {@code replayed} when it is the
 * stored answer of an earlier request.
 */
public record Outcome(int status, JsonObject body, boolean replayed) {
  public Outcome(int status, JsonObject body) {
    this(status, body, false);
  }
}
