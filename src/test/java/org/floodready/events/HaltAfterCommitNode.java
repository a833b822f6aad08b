package org.floodready.events;

import java.time.Clock;
import org.floodready.FloodReadyServer;
import org.floodready.config.AppConfig;

/**
 * The kill test's node: a FloodReady node (same arguments as {@code App}) that halts its JVM, as SIGKILL would
 * (no shutdown hooks), right after a write of its own with an event of the type {@code args[0]} committed,
 * before it answers. Test code only: the production node has no such hook.
 */
public final class HaltAfterCommitNode {
  private HaltAfterCommitNode() {
  }

  public static void main(String[] args) throws Exception {
    String type = args[0];
    String[] nodeArgs = java.util.Arrays.copyOfRange(args, 1, args.length);
    FloodReadyServer server = FloodReadyServer.start(AppConfig.from(nodeArgs, System.getenv()), Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close(); // as App does on SIGTERM
      } catch (Exception ignored) {
        // the JVM ends either way
      }
    }));
    server.app().events().onOwnCommit(events -> {
      if (events.stream().anyMatch(e -> e.type().equals(type))) {
        Runtime.getRuntime().halt(137);
      }
    });
  }
}
