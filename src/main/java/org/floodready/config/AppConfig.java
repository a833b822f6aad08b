package org.floodready.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * All settings of a FloodReady node. Each value comes from a flag ({@code --port 8081} or
 * {@code --port=8081}), else from its environment variable ({@code FLOODREADY_PORT}), else its default.
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    int httpInstances,
    String pgUrl,
    int embeddedPgPort,
    int pgPoolSize,
    int pgMaxWaitQueue,
    Path dataDir,
    boolean demoData,
    Duration tokenTtl,
    String jwtSecret,
    long maxBodyBytes,
    ZoneId zone,
    int loginMaxFailures,
    Duration loginWindow,
    String clusterName,
    List<String> clusterMembers,
    String clusterHost,
    int clusterPort,
    String nodeName,
    Duration sweepInterval,
    boolean unsafeNoFsync,
    NotifyConfig notifications,
    String bootstrapAdmin,
    String bootstrapAdminPassword,
    int listCountCap) {

  public static final List<Option> OPTIONS = List.of(
      Option.of("host", "0.0.0.0", "Address the HTTP server binds to"),
      Option.of("port", "8080", "HTTP port"),
      Option.of("http-instances", "0", "HTTP verticle instances (0 = one per core)"),
      Option.of("pg-url", "", "External PostgreSQL, postgresql://user:pass@host:port/db; empty = embedded PostgreSQL under the data dir"),
      Option.of("embedded-pg-port", "0", "Port of the embedded PostgreSQL (0 = any free port)"),
      Option.of("pg-pool-size", "16", "PostgreSQL connections per node"),
      Option.of("pg-max-wait-queue", "512", "Requests that may wait for a connection before the server answers 503"),
      Option.of("data-dir", "./data", "Where the embedded database, the signing key and uploads live"),
      Option.of("demo-data", "true", "Load the demo dataset into an empty database on start"),
      Option.of("token-ttl-minutes", "720", "Lifetime of a login token"),
      Option.of("jwt-secret", "", "Token signing secret; empty = generated once and kept in the data dir"),
      Option.of("max-body-bytes", "8388608", "Largest request body accepted (413 above)"),
      Option.of("timezone", "Asia/Shanghai", "Time zone of the district, used for days, periods and reports"),
      Option.of("login-max-failures", "5", "Failed logins per account (and 4x per address) before 429"),
      Option.of("login-window-minutes", "15", "Window of the failed-login limit"),
      Option.of("cluster-name", "", "Hazelcast cluster name; only members with the same name join; empty = derived from the database, so only nodes on the same database form a cluster"),
      Option.of("cluster-members", "127.0.0.1", "Comma-separated Hazelcast members (host or host:port) joined over TCP/IP"),
      Option.of("cluster-host", "127.0.0.1", "Address this node's Hazelcast member and event bus bind to"),
      Option.of("cluster-port", "5701", "Hazelcast port of this node (the next free one is tried when taken)"),
      Option.of("node-name", "", "Name of this node in /api/cluster and the logs; empty = host:port"),
      Option.of("sweep-interval-seconds", "60", "How often each node runs the time-driven sweeps (alert escalation, silent checkpoints, overdue hazards), and the oldest member its readiness time round"),
      Option.of("unsafe-no-fsync", "false", "Embedded PostgreSQL without fsync and with asynchronous commit: faster, but a crash can lose acknowledged writes"),
      Option.of("bootstrap-admin", "", "First-run set-up: the username of an admin created on start while the database has no admin at all (ignored once one exists)"),
      Option.of("bootstrap-admin-password", "", "That admin's initial password (prefer the environment variable); empty = a random one printed once to the log"),
      Option.of("list-count-cap", "1000", "Rows a list counts for its total; beyond it the total says \"more than\" (totalExact: false)"));

  /** Every option: the node's above, then the notifications'. */
  public static final List<Option> ALL_OPTIONS = java.util.stream.Stream.concat(OPTIONS.stream(),
      NotifyConfig.OPTIONS.stream()).toList();

  public static AppConfig from(String[] args, Map<String, String> env) {
    Settings s = Settings.parse(ALL_OPTIONS, args, env);
    return new AppConfig(
        s.string("host"),
        s.integer("port", 0, 65535),
        s.integer("http-instances", 0, 64),
        s.string("pg-url"),
        s.integer("embedded-pg-port", 0, 65535),
        s.integer("pg-pool-size", 1, 500),
        s.integer("pg-max-wait-queue", 1, 100_000),
        Path.of(s.string("data-dir")).toAbsolutePath().normalize(),
        s.bool("demo-data"),
        Duration.ofMinutes(s.integer("token-ttl-minutes", 1, 525_600)),
        s.string("jwt-secret"),
        s.integer("max-body-bytes", 1024, Integer.MAX_VALUE),
        ZoneId.of(s.string("timezone")),
        s.integer("login-max-failures", 1, 1000),
        Duration.ofMinutes(s.integer("login-window-minutes", 1, 1440)),
        s.string("cluster-name"),
        members(s.string("cluster-members")),
        requireText(s.string("cluster-host"), "cluster-host"),
        s.integer("cluster-port", 1, 65535),
        s.string("node-name"),
        Duration.ofSeconds(s.integer("sweep-interval-seconds", 1, 86_400)),
        s.bool("unsafe-no-fsync"),
        NotifyConfig.from(s),
        s.string("bootstrap-admin"),
        s.string("bootstrap-admin-password"),
        s.integer("list-count-cap", 1, 100_000_000));
  }

  private static String requireText(String value, String flag) {
    if (value.isEmpty()) {
      throw new ConfigException("--" + flag + " must not be empty");
    }
    return value;
  }

  private static List<String> members(String raw) {
    List<String> list = java.util.Arrays.stream(raw.split(",")).map(String::trim).filter(m -> !m.isEmpty()).toList();
    if (list.isEmpty()) {
      throw new ConfigException("--cluster-members needs at least one host");
    }
    return list;
  }

  /** The node's name: the configured one, else host:httpPort. */
  public String effectiveNodeName() {
    return nodeName.isBlank() ? clusterHost + ":" + httpPort : nodeName;
  }

  public boolean embeddedPg() {
    return pgUrl == null || pgUrl.isBlank();
  }

  public int effectiveHttpInstances() {
    return httpInstances > 0 ? httpInstances : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  public static String helpText() {
    StringBuilder sb = new StringBuilder("Usage: ./scripts/start [options]\n\nOptions (flag / environment variable / default):\n");
    for (Option o : ALL_OPTIONS) {
      sb.append(String.format("  --%-20s %-30s %-14s %s%n", o.flag(), o.env(),
          o.defaultValue().isEmpty() ? "(empty)" : o.defaultValue(), o.description()));
    }
    return sb.toString();
  }
}
