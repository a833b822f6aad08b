package org.floodready.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.floodready.App;

/**
 * A FloodReady node in its own JVM ({@code java -cp <the test classpath> org.floodready.App ...}),
 * so a cluster test has really separate members and can kill one with SIGKILL.
 */
public final class NodeProcess implements AutoCloseable {
  public final int port;
  /** Logins on this node (demo users, if its database has them). */
  public final Users users;
  private final Process process;
  private final Path log;

  private NodeProcess(int port, Process process, Path log) {
    this.port = port;
    this.process = process;
    this.log = log;
    this.users = new Users(port);
  }

  public static NodeProcess start(String name, int port, List<String> args) throws Exception {
    return start(name, port, args, List.of());
  }

  /** Like {@link #start(String, int, List)} with extra JVM options (e.g. a {@code -D} test hook). */
  public static NodeProcess start(String name, int port, List<String> args, List<String> jvmOptions)
      throws Exception {
    Path logDir = Path.of("target", "cluster-test");
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + "-" + port + ".log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.management/sun.management=ALL-UNNAMED",
        "--add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-modules=java.se"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), App.class.getName(),
        "--port", Integer.toString(port), "--node-name", name, "--http-instances", "1", "--host", "127.0.0.1",
        "--demo-data", "false"));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    NodeProcess node = new NodeProcess(port, p, log);
    try {
      node.awaitReady(Duration.ofSeconds(90));
    } catch (Exception e) {
      node.kill();
      throw e;
    }
    return node;
  }

  private void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node exited: " + tail());
      }
      try {
        if (users.anonymous().get("/ready").status() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("node on " + port + " not ready: " + tail());
  }

  /**
   * SIGSTOP: the member freezes mid-flight, holding its connections open, so the others stop hearing its
   * heartbeats and drop it (a split as a hung machine or a cut link makes one); {@link #resume()} lets it go on.
   */
  public void suspend() throws Exception {
    signal("STOP");
  }

  /** SIGCONT after {@link #suspend()}. */
  public void resume() throws Exception {
    signal("CONT");
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** Whether the process ended (by itself) within the timeout. */
  public boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** SIGKILL: no goodbye to the cluster. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n",
          lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (Exception e) {
      return "(no log: " + e + ")";
    }
  }

  /** SIGTERM, as a service manager stops a node; answers how long the process took to exit. */
  public long terminate(Duration timeout) throws InterruptedException {
    long started = System.nanoTime();
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("node on " + port + " did not stop within " + timeout + ": " + tail());
    }
    return (System.nanoTime() - started) / 1_000_000;
  }

  public List<String> logLines() throws java.io.IOException {
    return Files.readAllLines(log);
  }

  @Override
  public void close() throws InterruptedException {
    users.close();
    if (process.isAlive()) {
      try {
        resume(); // a suspended JVM cannot stop on SIGTERM
      } catch (Exception ignored) {
        // it goes on to be killed below
      }
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
