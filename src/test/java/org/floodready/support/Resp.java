package org.floodready.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** An HTTP answer in a test, from {@link Api} (WebClient). */
public final class Resp {
  private final int status;
  private final byte[] bytes;
  private final Function<String, String> headers;
  private final String request;

  Resp(String request, io.vertx.ext.web.client.HttpResponse<Buffer> r) {
    this.status = r.statusCode();
    Buffer body = r.body();
    this.bytes = body == null ? new byte[0] : body.getBytes();
    this.headers = r::getHeader;
    this.request = request;
  }

  public int status() {
    return status;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The method and address asked, for messages. */
  public String request() {
    return request;
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
    return headers.apply(name);
  }

  @Override
  public String toString() {
    return status + " " + body();
  }
}
