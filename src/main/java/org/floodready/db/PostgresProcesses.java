package org.floodready.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the PostgreSQL tools and finds the server processes that belong to one data directory. */
final class PostgresProcesses {
  private static final Logger log = LoggerFactory.getLogger(PostgresProcesses.class);

  private PostgresProcesses() {
  }

  /** Runs a command to its end; fails with its output when it exits non-zero or takes too long. */
  static String run(List<String> command, long timeoutSeconds) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      String out = finished ? new String(p.getInputStream().readAllBytes()).trim() : "(still running)";
      if (!finished) {
        p.destroyForcibly();
      }
      if (!finished || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size()))) + "... failed: " + out);
      }
      log.debug("{}: {}", command, out);
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  /**
   * Stops every PostgreSQL process working in the data directory and removes a stale postmaster.pid.
   * A postmaster and its backends all have the data directory as their working directory, which tells
   * them apart from other servers run from the same binaries: a postmaster left running by a killed JVM
   * gets a fast shutdown, backends left behind by a killed postmaster (which would keep the old shared
   * memory and block a new start) are killed.
   */
  static void stopLeftovers(Path dataDir) throws IOException {
    List<ProcessHandle> left = inDirectory(dataDir);
    if (!left.isEmpty()) {
      log.warn("Stopping {} PostgreSQL process(es) left running in {} by an earlier crash", left.size(), dataDir);
      try {
        run(PostgresBinaries.command("pg_ctl", "-D", dataDir.toString(), "stop", "-m", "fast", "-w", "-t", "20"), 30);
      } catch (IOException e) {
        log.debug("pg_ctl stop: {}", e.getMessage());
      }
      for (ProcessHandle p : inDirectory(dataDir)) {
        p.destroyForcibly();
        try {
          p.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          log.warn("PostgreSQL process {} did not end: {}", p.pid(), e.toString());
        }
      }
    }
    Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
  }

  /** The PostgreSQL processes (postmaster and backends) working in the data directory. */
  static List<ProcessHandle> inDirectory(Path dataDir) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> dataDir.equals(workingDirectory(p)))
        .toList();
  }

  private static Path workingDirectory(ProcessHandle p) {
    try {
      return Path.of("/proc", Long.toString(p.pid()), "cwd").toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** The last lines of a log file, for error messages. */
  static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }
}
