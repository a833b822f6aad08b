package org.floodready.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small real-HTTP client for tests (java.net.http), with the caller's token. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String token;

  public Http(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public Http as(String otherToken) {
    return new Http(base, otherToken);
  }

  public String base() {
    return base;
  }

  public Resp get(String path) {
    return send(request(path).GET().build());
  }

  public Resp delete(String path) {
    return send(request(path).DELETE().build());
  }

  public Resp post(String path, Object json) {
    return send(jsonRequest(path, "POST", json, null).build());
  }

  public Resp put(String path, Object json) {
    return send(jsonRequest(path, "PUT", json, null).build());
  }

  public Resp patch(String path, Object json) {
    return send(jsonRequest(path, "PATCH", json, null).build());
  }

  /** POST with an Idempotency-Key. */
  public Resp post(String path, Object json, String idempotencyKey) {
    return send(jsonRequest(path, "POST", json, idempotencyKey).build());
  }

  public CompletableFuture<Resp> postAsync(String path, Object json, String idempotencyKey) {
    return CLIENT.sendAsync(jsonRequest(path, "POST", json, idempotencyKey).build(),
        HttpResponse.BodyHandlers.ofByteArray()).thenApply(Resp::new);
  }

  public Resp raw(String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private HttpRequest.Builder jsonRequest(String path, String method, Object json, String key) {
    String body = json instanceof JsonObject o ? o.encode() : json instanceof JsonArray a ? a.encode() : String.valueOf(json);
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("Idempotency-Key", key);
    }
    return b;
  }

  public Resp send(HttpRequest req) {
    try {
      return new Resp(CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray()));
    } catch (Exception e) {
      throw new IllegalStateException(req.method() + " " + req.uri() + ": " + e, e);
    }
  }
}
