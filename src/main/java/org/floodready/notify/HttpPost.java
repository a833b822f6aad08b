package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** POSTs a JSON body and answers "status body"; any status outside 2xx fails with it. */
final class HttpPost {
  private static final int MAX_ANSWER = 500;
  private final HttpClient client;

  HttpPost(Vertx vertx) {
    this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(10_000).setIdleTimeout(30));
  }

  record Answer(int status, String body) {
    @Override
    public String toString() {
      return status + " " + (body.length() > MAX_ANSWER ? body.substring(0, MAX_ANSWER) : body);
    }
  }

  Future<Answer> json(String url, String body) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url)
        .setTimeout(30_000).putHeader("Content-Type", "application/json; charset=utf-8");
    return client.request(options)
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b.toString())))
        .compose(answer -> answer.status() / 100 == 2 ? Future.succeededFuture(answer)
            : Future.failedFuture(new IllegalStateException(answer.toString())));
  }
}
