package org.floodready.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.floodready.support.Api;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.NodeProcess;
import org.floodready.support.Nodes;
import org.junit.jupiter.api.Test;

/**
 * A node in its own JVM, as {@code ./scripts/start} runs it (embedded PostgreSQL in its data dir), under a
 * stock-movement load: killed with SIGKILL and started again on the same data dir, it stops the PostgreSQL
 * the dead JVM left running and loses no acknowledged movement. Stopped with SIGTERM, it ends its live
 * streams with a reconnect message, stops its database cleanly and exits within the graceful-stop bound.
 */
@FloodReadyTest
class NodeCrashTest {

  @Test
  void aKilledJvmLosesNoAcknowledgedMovementAndSigtermStopsGracefully(Nodes nodes) throws Exception {
    Path dataDir = nodes.dataDir();
    int port = Nodes.freePort();
    int pgPort = Nodes.freePort();
    List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--demo-data", "true",
        "--embedded-pg-port", Integer.toString(pgPort)));
    args.addAll(List.of(Nodes.clusterArgs()));
    PgUrl db = new PgUrl("localhost", pgPort, EmbeddedDatabase.DATABASE, "postgres", "");
    Path pgDir = dataDir.resolve("pg");

    NodeProcess first = nodes.process("jvmkill-1", port, args);
    Api admin = first.users.as("admin"); // the signing key is kept in the data dir: the token outlives a restart
    Set<Long> acknowledged;
    try (MovementLoad load = new MovementLoad(() -> admin, 4)) {
      load.awaitMore(30, 60_000);
      first.kill();
      assertFalse(PostgresProcesses.inDirectory(pgDir.toRealPath()).isEmpty(),
          "the killed JVM left its PostgreSQL running");
      NodeProcess second = nodes.process("jvmkill-2", port, args);
      assertTrue(second.logLines().stream().anyMatch(l -> l.contains("left running in")),
          "the orphaned PostgreSQL was not stopped: " + second.tail());
      load.awaitMore(30, 60_000);

      List<String> live = Collections.synchronizedList(new ArrayList<>());
      Thread reader = readLive(admin.base() + "/api/live?access_token=" + second.users.as("admin").token(), live);
      awaitLine(live, "event: snapshot");
      // SIGTERM while the load goes on: what is in flight is finished, what comes later finds no listener
      long stopMs = second.terminate(Duration.ofSeconds(40));
      System.out.println("graceful stop under load took " + stopMs + " ms");
      reader.join(10_000);
      assertTrue(live.contains("event: reconnect"), "no reconnect message on the live stream: " + live);
      List<String> log = second.logLines();
      for (String step : List.of("Stopping: no new requests", "Stopping: HTTP closed", "left the cluster",
          "Embedded PostgreSQL stopped cleanly", "Stopped in")) {
        assertTrue(log.stream().anyMatch(l -> l.contains(step)), "no log line '" + step + "': " + second.tail());
      }
      assertFalse(Files.exists(pgDir.resolve("postmaster.pid")), "PostgreSQL was not shut down");
      assertTrue(stopMs < 20_000, "graceful stop took " + stopMs + " ms");
      load.close();
      acknowledged = load.acknowledged();
    }
    // the data dir after the kill, the restart and the clean stop holds every acknowledged movement
    try (EmbeddedDatabase again = EmbeddedDatabase.start(pgDir, pgPort)) {
      MovementLoad.assertLedgerHolds(db, acknowledged);
    }
    System.out.println(acknowledged.size() + " movements acknowledged across a JVM kill and a SIGTERM");
  }

  /** Reads the SSE stream line by line until the server ends it. */
  private static Thread readLive(String url, List<String> lines) {
    Thread t = new Thread(() -> {
      try {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofLines()).body().forEach(lines::add);
      } catch (Exception ended) {
        lines.add("(stream failed: " + ended + ")");
      }
    }, "live-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void awaitLine(List<String> lines, String wanted) {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!lines.contains(wanted) && System.currentTimeMillis() < deadline) {
      MovementLoad.pause(100);
    }
    assertTrue(lines.contains(wanted), "no '" + wanted + "' on the live stream");
  }
}
