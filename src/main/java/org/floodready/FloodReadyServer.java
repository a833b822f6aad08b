package org.floodready;

import org.floodready.app.AppContext;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.floodready.auth.LoginLimiter;
import org.floodready.auth.TokenRevocations;
import org.floodready.access.TokenService;
import org.floodready.cluster.ClusterNode;
import org.floodready.cluster.DatabaseIdentity;
import org.floodready.cluster.HazelcastSettings;
import org.floodready.config.AppConfig;
import org.floodready.db.Database;
import org.floodready.db.DatabaseSupervisor;
import org.floodready.db.DurabilityCheck;
import org.floodready.db.EmbeddedDatabase;
import org.floodready.db.Migrations;
import org.floodready.db.PgUrl;
import org.floodready.demo.DemoData;
import org.floodready.events.DomainEvents;
import org.floodready.events.EventLog;
import org.floodready.events.LogFollower;
import org.floodready.readiness.ReadinessNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FloodReady node: database (embedded or external), schema, clustered Vert.x (Hazelcast; a single
 * node is a cluster of one), the readiness snapshot and live feed, HTTP. Used by {@link App}
 * and by the tests, so both run the same start-up path.
 */
public final class FloodReadyServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FloodReadyServer.class);

  private final AppContext app;
  private final EmbeddedDatabase embedded;
  private final PgUrl pgUrl;
  private final boolean demoLoaded;
  private final ReadinessNode readiness;
  private final String httpDeployment;
  private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

  private FloodReadyServer(AppContext app, EmbeddedDatabase embedded, PgUrl pgUrl, boolean demoLoaded,
      ReadinessNode readiness, String httpDeployment) {
    this.app = app;
    this.embedded = embedded;
    this.pgUrl = pgUrl;
    this.demoLoaded = demoLoaded;
    this.readiness = readiness;
    this.httpDeployment = httpDeployment;
  }

  /** Starts a node and waits until it serves. Blocking: call from a plain thread (main or a test). */
  public static FloodReadyServer start(AppConfig config, Clock clock) throws Exception {
    long t0 = System.nanoTime();
    org.floodready.contract.ApiContract.prepareInBackground();
    EmbeddedDatabase embedded = null;
    PgUrl url;
    Optional<DatabaseIdentity> known = Optional.empty();
    if (config.embeddedPg()) {
      embedded = EmbeddedDatabase.prepare(config.dataDir().resolve("pg"), config.embeddedPgPort(),
          EmbeddedDatabase.Durability.of(config.unsafeNoFsync()));
      url = embedded.url();
      known = DatabaseIdentity.beforeStart(embedded);
    } else {
      url = PgUrl.parse(config.pgUrl());
      log.info("Using external PostgreSQL {}", url.redacted());
      DurabilityCheck.warnIfUnsafe(url);
    }
    Vertx vertx = null;
    ReadinessNode readiness = null;
    long tDb = System.nanoTime();
    // On an existing data directory the embedded server starts, then Flyway runs, while Hazelcast joins (the join
    // mostly waits); the cluster's name comes from the database's identity, read from its files meanwhile and
    // checked against the running server. Nothing below reads the schema before this is awaited.
    EmbeddedDatabase server = embedded;
    Optional<DatabaseIdentity> expected = known;
    java.util.concurrent.Executor ownThread = command -> new Thread(command, "floodready-database").start();
    java.util.concurrent.CompletableFuture<Long> serverUp = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      if (server != null) {
        startServer(server, config);
      }
      return System.nanoTime();
    }, ownThread);
    java.util.concurrent.CompletableFuture<Long> migrated = serverUp.thenApplyAsync(up -> {
      expected.ifPresent(identity -> requireIdentity(url, identity));
      Migrations.apply(url);
      return up;
    }, ownThread);
    try {
      String secret = TokenService.loadOrCreateSecret(config.dataDir(), config.jwtSecret());
      if (known.isEmpty()) {
        awaitMigrations(serverUp); // a new data directory: its identity is read from the running server
      }
      DatabaseIdentity database = known.isPresent() ? known.get() : DatabaseIdentity.read(url);
      HazelcastClusterManager clusterManager = new HazelcastClusterManager(
          org.floodready.readiness.SnapshotSerializer.register(HazelcastSettings.build(config, database)));
      vertx = await(Vertx.builder()
          .with(new VertxOptions().setPreferNativeTransport(true).setEventBusOptions(new EventBusOptions().setHost(config.clusterHost())))
          .withClusterManager(clusterManager)
          .buildClustered());
      Vertx node = vertx;
      // the contract's validators and the versioned pages are built on workers meanwhile; only HTTP needs them
      Future<org.floodready.contract.ApiContract> contractLoaded = vertx.executeBlocking(
          () -> org.floodready.contract.ApiContract.load(node), false).compose(loading -> loading);
      Future<org.floodready.web.VersionedPages> pagesLoaded = org.floodready.web.VersionedPages.load(vertx);
      long tJoined = System.nanoTime();
      long tDbUp = awaitMigrations(migrated);
      long tMigrated = System.nanoTime();
      ClusterNode cluster = new ClusterNode(clusterManager.getHazelcastInstance(), config, database);
      cluster.requireSameDatabase();
      log.info("Node {} joined cluster '{}' ({} members); sockets on {}", config.effectiveNodeName(),
          cluster.clusterName(), cluster.memberCount(), vertx.isNativeTransportEnabled() ? "epoll" : "Java NIO");
      Pool pool = Database.pool(vertx, url, config);
      DomainEvents events = new DomainEvents(pool, config.effectiveNodeName(), clock);
      AppContext app = new AppContext(vertx, config, pool, new TokenService(vertx, secret, config.tokenTtl()),
          clock, events, new org.floodready.access.ScopeResolver(pool, events));
      boolean demo = config.demoData() ? await(DemoData.loadIfEmpty(app)) : false;
      await(org.floodready.auth.BootstrapAdmin.ensure(app));
      await(vertx.deployVerticle(new LogFollower(new EventLog(pool), url.connectOptions(), app.events())));
      await(org.floodready.live.LiveFeed.start(app));
      long tReadiness = System.nanoTime();
      // independent of the readiness snapshot, so they start while it is rebuilt; all are done before HTTP opens
      Future<?> others = Future.all(TokenRevocations.watch(app),
          vertx.deployVerticle(new SweepsVerticle(app, config.sweepInterval().toMillis())),
          embedded != null ? vertx.deployVerticle(new DatabaseSupervisor(embedded)) : Future.succeededFuture(),
          vertx.deployVerticle(new org.floodready.notify.NotifyVerticle(app)));
      readiness = await(ReadinessNode.start(app, cluster));
      long tReady = System.nanoTime();
      await(others);
      LoginLimiter limiter = LoginLimiter.clustered(vertx, cluster.hazelcast(), clock, config.loginMaxFailures(),
          config.loginWindow());
      org.floodready.contract.ApiContract openApi = await(contractLoaded);
      org.floodready.web.VersionedPages pages = await(pagesLoaded);
      String http = await(vertx.deployVerticle(() -> new HttpVerticle(app, limiter, openApi, pages),
          new DeploymentOptions().setInstances(config.effectiveHttpInstances())));
      long tEnd = System.nanoTime();
      // the duty room's first screen after a restart: the board's coverage of every base read now, beside the
      // first requests, not by the first of them (2.2 s at province scale)
      org.floodready.board.panels.CoverageRows.of(app).all(app.now())
          .onFailure(e -> log.warn("Board coverage not read ahead after the start: {}", e.toString()));
      log.info("Start-up phases (ms): preparing {}, cluster join {} (database up after {} and migrations alongside,"
          + " {} more to wait), data and live feed {}, readiness (revocations, sweeps, notify alongside) {}, the rest"
          + " (contract, HTTP) {}", ms(t0, tDb), ms(tDb, tJoined), ms(tDb, tDbUp), ms(tJoined, tMigrated),
          ms(tMigrated, tReadiness), ms(tReadiness, tReady), ms(tReady, tEnd));
      return new FloodReadyServer(app, embedded, url, demo, readiness, http);
    } catch (Exception e) {
      migrated.handle((v, failure) -> null).join(); // never stop the database under a running migration
      if (readiness != null) {
        readiness.stop();
      }
      if (vertx != null) {
        vertx.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  public AppContext app() {
    return app;
  }

  public PgUrl pgUrl() {
    return pgUrl;
  }

  public int port() {
    return app.config().httpPort();
  }

  public boolean demoLoadedNow() {
    return demoLoaded;
  }

  /**
   * Graceful stop (SIGTERM runs this from the JVM's shutdown hook): the listener closes and requests in
   * flight get up to {@link HttpVerticle#SHUTDOWN_SECONDS} to finish, live streams are told to reconnect
   * elsewhere, the node leaves the cluster, and the embedded database is shut down cleanly.
   */
  @Override
  public void close() throws Exception {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long started = System.nanoTime();
    log.info("Stopping: no new requests; finishing those in flight (at most {} s); live streams told to reconnect",
        HttpVerticle.SHUTDOWN_SECONDS);
    try {
      await(app.vertx().undeploy(httpDeployment));
    } catch (Exception e) {
      log.warn("Stopping: HTTP did not stop cleanly: {}", e.toString());
    }
    log.info("Stopping: HTTP closed after {} ms; leaving the cluster", (System.nanoTime() - started) / 1_000_000);
    readiness.stop();
    try {
      await(app.vertx().close());
      log.info("Stopping: left the cluster after {} ms", (System.nanoTime() - started) / 1_000_000);
    } finally {
      if (embedded != null) {
        log.info("Stopping: shutting the embedded PostgreSQL down (fast mode)");
        embedded.close();
      }
      log.info("Stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }

  /** Waits for the database thread's step (the server up, or up and migrated): answers when the server was up. */
  private static long awaitMigrations(java.util.concurrent.CompletableFuture<Long> migrated) throws Exception {
    try {
      return migrated.get(300, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause() instanceof java.io.UncheckedIOException io ? io.getCause() : e.getCause();
      throw cause instanceof Exception failure ? failure : e;
    }
  }

  private static void startServer(EmbeddedDatabase server, AppConfig config) {
    try {
      server.startServer();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    log.info("Embedded PostgreSQL on port {} with data in {}", server.port(), config.dataDir().resolve("pg"));
  }

  /** The identity read from the data directory's files before the start must be the running server's. */
  private static void requireIdentity(PgUrl url, DatabaseIdentity expected) {
    DatabaseIdentity running;
    try {
      running = DatabaseIdentity.read(url);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot read the database's identity: " + e.getMessage(), e);
    }
    if (!running.equals(expected)) {
      throw new IllegalStateException("the embedded database reports identity " + running.digest()
          + " but its data directory's files gave " + expected.digest() + ": the node joined the wrong cluster");
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
