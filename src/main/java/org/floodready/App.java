package org.floodready;

import java.time.Clock;
import org.floodready.config.AppConfig;
import org.floodready.config.ConfigException;
import org.floodready.demo.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar target/floodready.jar [options]}: runs one node until Ctrl-C. */
public final class App {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private App() {
  }

  public static void main(String[] args) {
    if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
      System.out.println(AppConfig.helpText());
      return;
    }
    AppConfig config;
    try {
      config = AppConfig.from(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println("floodready: " + e.getMessage());
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    try {
      FloodReadyServer server = FloodReadyServer.start(config, Clock.systemDefaultZone());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (Exception e) {
          log.warn("Shutdown: {}", e.getMessage());
        }
      }, "floodready-shutdown"));
      long ms = (System.nanoTime() - started) / 1_000_000;
      if (config.demoData()) {
        log.info("FloodReady is serving http://localhost:{} (started in {} ms) - demo logins {} with password {}",
            config.httpPort(), ms, String.join(", ", DemoData.USERS), DemoData.PASSWORD);
      } else {
        log.info("FloodReady is serving http://localhost:{} (started in {} ms)", config.httpPort(), ms);
      }
    } catch (Exception e) {
      log.error("FloodReady could not start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }
}
