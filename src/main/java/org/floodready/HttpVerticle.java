package org.floodready;

import org.floodready.web.FailureHandler;
import org.floodready.web.InvalidRequests;
import org.floodready.web.VersionedPages;
import org.floodready.web.AccessLogHandler;
import org.floodready.contract.ApiContract;
import org.floodready.web.HealthRoutes;
import org.floodready.web.SecurityHeaders;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.floodready.app.AppContext;
import org.floodready.auth.LoginLimiter;

/** The HTTP front of a node; deployed once per core, all instances sharing the port and the pool. */
public final class HttpVerticle extends VerticleBase {
  private final AppContext app;
  private final LoginLimiter limiter;
  private final ApiContract contract;
  private final VersionedPages pages;
  private HttpServer server;

  /** {@code pages}: read once per node and shared by its instances (they are the same files). */
  public HttpVerticle(AppContext app, LoginLimiter limiter, ApiContract contract, VersionedPages pages) {
    this.app = app;
    this.limiter = limiter;
    this.contract = contract;
    this.pages = pages;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(new AccessLogHandler());
    router.route().handler(new SecurityHeaders());
    new HealthRoutes(app).mount(router);
    router.get("/openapi.yaml").handler(this::openApi);
    router.route("/api/*").subRouter(ApiRouter.create(app, limiter, contract));
    // The browser UIs: pages with versioned asset names, then static files from ./dashboards, else from the jar.
    pages.mount(router);
    router.get().handler(StaticHandler.create(VersionedPages.ROOT).setIndexPage("index.html").setMaxAgeSeconds(60));
    FailureHandler.install(router);
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(app.config().httpHost())
        .setPort(app.config().httpPort())
        .setCompressionSupported(true));
    return server.requestHandler(router).invalidRequestHandler(new InvalidRequests()).listen();
  }

  /** On undeploy: the listener closes at once; requests in flight get this long to finish. */
  public static final long SHUTDOWN_SECONDS = 10;

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
  }

  private void openApi(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(contract.yaml());
  }
}
