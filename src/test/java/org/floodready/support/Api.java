package org.floodready.support;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One user's HTTP client in a test, on Vert.x's {@link WebClient}: every call is asynchronous underneath
 * ({@code ...Async} hands the {@link Future}); the plain methods wait for the answer, so a test reads as
 * request, then assertions on the {@link Resp}.
 */
public final class Api {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final WebClient client;
  private final String base;
  private final MultiMap headers;
  private final Duration timeout;

  Api(WebClient client, String base, MultiMap headers) {
    this(client, base, headers, TIMEOUT);
  }

  private Api(WebClient client, String base, MultiMap headers, Duration timeout) {
    this.client = client;
    this.base = base;
    this.headers = headers;
    this.timeout = timeout;
  }

  /** The same user, waiting this long for an answer (60 s otherwise), e.g. for a large upload. */
  public Api timeout(Duration answerWithin) {
    return new Api(client, base, headers, answerWithin);
  }

  /** The server's address, e.g. {@code http://localhost:8123}, for a browser. */
  public String base() {
    return base;
  }

  /** The bearer token this client sends, or null when anonymous. */
  public String token() {
    String auth = headers.get("Authorization");
    return auth == null ? null : auth.substring("Bearer ".length());
  }

  /** The same user, sending this header too (e.g. {@code X-Api-Key}, {@code If-None-Match}, {@code Cookie}). */
  public Api with(String header, String value) {
    return new Api(client, base, MultiMap.caseInsensitiveMultiMap().addAll(headers).set(header, value), timeout);
  }

  /** This server as another bearer token (or anonymous with null). */
  public Api withToken(String token) {
    MultiMap h = MultiMap.caseInsensitiveMultiMap().addAll(headers).remove("Authorization");
    return new Api(client, base, token == null ? h : h.set("Authorization", "Bearer " + token), timeout);
  }

  public Resp get(String path) {
    return await(sendAsync(HttpMethod.GET, path, null, null));
  }

  public Resp delete(String path) {
    return await(sendAsync(HttpMethod.DELETE, path, null, null));
  }

  public Resp post(String path, Object json) {
    return await(jsonAsync(HttpMethod.POST, path, json, null));
  }

  /** POST with an Idempotency-Key. */
  public Resp post(String path, Object json, String idempotencyKey) {
    return await(jsonAsync(HttpMethod.POST, path, json, idempotencyKey));
  }

  public Resp put(String path, Object json) {
    return await(jsonAsync(HttpMethod.PUT, path, json, null));
  }

  /** PUT with an Idempotency-Key. */
  public Resp put(String path, Object json, String idempotencyKey) {
    return await(jsonAsync(HttpMethod.PUT, path, json, idempotencyKey));
  }

  public Resp patch(String path, Object json) {
    return await(jsonAsync(HttpMethod.PATCH, path, json, null));
  }

  /** Any method with a body as given (null content type = none sent). */
  public Resp raw(String method, String path, String contentType, byte[] body) {
    return await(sendAsync(HttpMethod.valueOf(method), path, contentType, body == null ? null : Buffer.buffer(body)));
  }

  public Future<Resp> getAsync(String path) {
    return sendAsync(HttpMethod.GET, path, null, null);
  }

  public Future<Resp> postAsync(String path, Object json, String idempotencyKey) {
    return jsonAsync(HttpMethod.POST, path, json, idempotencyKey);
  }

  private Future<Resp> jsonAsync(HttpMethod method, String path, Object json, String idempotencyKey) {
    String body = json instanceof JsonObject o ? o.encode() : json instanceof JsonArray a ? a.encode() : String.valueOf(json);
    Api as = idempotencyKey == null ? this : with("Idempotency-Key", idempotencyKey);
    return as.sendAsync(method, path, "application/json", Buffer.buffer(body));
  }

  private Future<Resp> sendAsync(HttpMethod method, String path, String contentType, Buffer body) {
    // WebClient sends the address as given: non-ASCII query values (Chinese names) are percent-encoded first.
    HttpRequest<Buffer> request = client.requestAbs(method, URI.create(base + path).toASCIIString()).putHeaders(headers)
        .timeout(timeout.toMillis());
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return (body == null ? request.send() : request.sendBuffer(body))
        .map(r -> new Resp(method + " " + path, r));
  }

  private Resp await(Future<Resp> answer) {
    try {
      return answer.await(timeout.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.toString(), e);
    }
  }
}
