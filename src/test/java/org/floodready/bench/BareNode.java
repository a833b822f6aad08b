package org.floodready.bench;

import com.hazelcast.config.Config;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.ext.web.Router;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Map;
import org.floodready.cluster.DatabaseIdentity;
import org.floodready.cluster.HazelcastSettings;
import org.floodready.config.AppConfig;

/**
 * The start-up baseline of scripts/bench (issue 19, target 3): a bare clustered Vert.x node, a Hazelcast
 * member configured as a FloodReady node's ({@link HazelcastSettings}: same maps, join and heartbeat settings),
 * native transport, and an HTTP server with a hello route and {@code /ready}. Nothing else: no database, no
 * contract, no verticles of the app. Run with the app's jar on the class path and the node's JVM flags:
 * {@code java -cp target/floodready.jar:classes org.floodready.bench.BareNode httpPort clusterPort clusterName}.
 */
public final class BareNode {
  private BareNode() {
  }

  public static void main(String[] args) {
    int httpPort = Integer.parseInt(args[0]);
    int clusterPort = Integer.parseInt(args[1]);
    // The member configuration of a real node (HazelcastSettings), so the two starts differ only by the app.
    AppConfig config = AppConfig.from(new String[] {"--port", args[0], "--cluster-name", args[2], "--cluster-port",
        args[1], "--cluster-members", "127.0.0.1:" + clusterPort, "--cluster-host", "127.0.0.1"}, Map.of());
    Config c = HazelcastSettings.build(config, new DatabaseIdentity("bare", "bare"));
    Vertx.builder()
        .with(new VertxOptions().setPreferNativeTransport(true).setEventBusOptions(new EventBusOptions().setHost("127.0.0.1")))
        .withClusterManager(new HazelcastClusterManager(c))
        .buildClustered()
        .compose(vertx -> {
          Router router = Router.router(vertx);
          router.get("/hello").handler(ctx -> ctx.response().end("hello"));
          router.get("/ready").handler(ctx -> ctx.response().end("{\"ready\":true}"));
          return vertx.createHttpServer().requestHandler(router).listen(httpPort, "127.0.0.1");
        })
        .onSuccess(server -> System.out.println("bare node ready on " + server.actualPort()))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }
}
