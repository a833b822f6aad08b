package org.floodready.notify;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** A real local HTTP server standing in for the robots and the SMS gateway: keeps every request, answers per path. */
final class HttpSink implements AutoCloseable {
  record Request(String path, String query, String body, long receivedAtMs) {
  }

  record Answer(int status, String body) {
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Request, Answer>> answers = new ConcurrentHashMap<>();

  HttpSink() throws Exception {
    server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** How requests to the path are answered (default 200 {"errcode":0}). */
  void answer(String path, Function<Request, Answer> answer) {
    answers.put(path, answer);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  List<Request> to(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      Request r = new Request(req.path(), req.query(), body.toString(), System.currentTimeMillis());
      requests.add(r);
      Answer a = answers.getOrDefault(req.path(), x -> new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")).apply(r);
      req.response().setStatusCode(a.status()).putHeader("Content-Type", "application/json").end(a.body());
    });
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
