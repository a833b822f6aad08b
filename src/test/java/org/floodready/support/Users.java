package org.floodready.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.floodready.demo.DemoData;

/** The logins on one test node: one {@link Api} per user, logged in once and shared by the class's tests. */
public final class Users implements AutoCloseable {
  /** One client-side Vert.x for the whole test JVM: the clients' event loops, apart from the nodes'. */
  private static final Vertx CLIENT_VERTX = Vertx.vertx();

  private final WebClient client;
  private final Api anonymous;
  private final Map<String, Api> logins = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  Users(int port) {
    // Enough HTTP/1.1 connections that a test's hundreds of simultaneous requests really are simultaneous.
    this.client = WebClient.create(CLIENT_VERTX, new WebClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(256).setMaxWaitQueueSize(-1));
    this.anonymous = new Api(client, "http://localhost:" + port, MultiMap.caseInsensitiveMultiMap());
  }

  public Api anonymous() {
    return anonymous;
  }

  /** A demo user (admin, duty, keeper, chief, inspector, viewer, keeper_b...) with the demo password. */
  public Api as(String username) {
    return logins.computeIfAbsent(username, u -> login(u, DemoData.PASSWORD));
  }

  /** Any account, logged in now (not shared: a test may change the password or revoke the session). */
  public Api login(String username, String password) {
    Resp r = anonymous.post("/api/auth/login", new JsonObject().put("username", username).put("password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login " + username + " failed: " + r);
    }
    return anonymous.withToken(r.json().getString("token"));
  }

  /** Closes the client once, also when the node's test closed it before the extension does. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.close();
    }
  }
}
