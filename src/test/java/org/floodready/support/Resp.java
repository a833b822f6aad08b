package org.floodready.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** An HTTP answer in a test. */
public record Resp(int status, byte[] bytes, HttpResponse<byte[]> raw) {
  public Resp(HttpResponse<byte[]> r) {
    this(r.statusCode(), r.body(), r);
  }

  public String body() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public JsonObject json() {
    return new JsonObject(body());
  }

  public JsonArray jsonArray() {
    return new JsonArray(body());
  }

  public String header(String name) {
    return raw.headers().firstValue(name).orElse(null);
  }

  @Override
  public String toString() {
    return status + " " + body();
  }
}
