package org.floodready.bench;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.ext.web.Router;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.UUID;

/**
 * The start-up baseline of scripts/bench (issue 19, target 3): a bare clustered Vert.x node, a Hazelcast
 * member joined over TCP/IP like a FloodReady node's (same Vert.x maps, same join and heartbeat settings,
 * native transport), and an HTTP server with a hello route and {@code /ready}. Nothing else: no database, no
 * contract, no verticles of the app. Run with the app's jar on the class path and the node's JVM flags:
 * {@code java -cp target/floodready.jar:classes org.floodready.bench.BareNode httpPort clusterPort clusterName}.
 */
public final class BareNode {
  private BareNode() {
  }

  public static void main(String[] args) {
    int httpPort = Integer.parseInt(args[0]);
    int clusterPort = Integer.parseInt(args[1]);
    Config c = ConfigUtil.loadConfig();
    c.setClusterName(args[2]);
    c.setInstanceName("bare-" + UUID.randomUUID());
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.wait.seconds.before.join", "1");
    c.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    c.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    c.setProperty("hazelcast.socket.bind.any", "false");
    c.getNetworkConfig().setPort(clusterPort).setPortAutoIncrement(true);
    c.getNetworkConfig().getInterfaces().setEnabled(true).clear().addInterface("127.0.0.1");
    JoinConfig join = c.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(List.of("127.0.0.1:" + clusterPort));
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
