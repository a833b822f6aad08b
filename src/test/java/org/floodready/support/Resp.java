package org.floodready.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** An HTTP answer in a test, from {@link Api} (WebClient) or {@link Http} (java.net.http). */
public final class Resp {
  private final int status;
  private final byte[] bytes;
  private final Function<String, String> headers;
  private final HttpResponse<byte[]> raw;
  private final String request;

  public Resp(HttpResponse<byte[]> r) {
    this.status = r.statusCode();
    this.bytes = r.body();
    this.headers = name -> r.headers().firstValue(name).orElse(null);
    this.raw = r;
    this.request = r.request().method() + " " + r.uri();
  }

  Resp(String request, io.vertx.ext.web.client.HttpResponse<Buffer> r) {
    this.status = r.statusCode();
    Buffer body = r.body();
    this.bytes = body == null ? new byte[0] : body.getBytes();
    this.headers = r::getHeader;
    this.raw = null;
    this.request = request;
  }

  public int status() {
    return status;
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The java.net.http answer behind an {@link Http} call; null for an {@link Api} call. */
  public HttpResponse<byte[]> raw() {
    return raw;
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
