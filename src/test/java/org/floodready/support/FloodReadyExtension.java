package org.floodready.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.floodready.FloodReadyServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Hands a {@link FloodReadyTest} its node and clients as parameters, in test, {@code @BeforeAll} and
 * {@code @BeforeEach} methods alike:
 * <ul>
 * <li>{@link TestServer} (or its {@link FloodReadyServer}): the running node (one per class; one per method
 * with {@link FreshServer});
 * <li>{@link Api}, with {@link As}: a client logged in as that user, or anonymous;
 * <li>{@link Users}: logins for any other account;
 * <li>with {@link On}, the same for another node of a cluster test, and {@link NodeProcess} for a node in a JVM
 * of its own;
 * <li>{@link TestClock}: the node's clock, when the class set {@link FloodReadyTest#clock()};
 * <li>{@code ChromeDriver}: a headless Chromium for the class, with {@link FloodReadyTest#browser()};
 * <li>{@link Nodes}: for a test that starts and stops nodes itself (no class node is started for it);
 * <li>a fixture: any class whose constructor takes only the types above, made once per node.
 * </ul>
 * Nodes are closed when their class (or method) ends. {@code Vertx} and {@code VertxTestContext} come from
 * {@link io.vertx.junit5.VertxExtension}, which {@link FloodReadyTest} registers too.
 */
public final class FloodReadyExtension implements ParameterResolver, BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FloodReadyExtension.class);
  private static final Duration CLUSTER_FORMS_WITHIN = Duration.ofSeconds(90);

  @Override
  public void beforeAll(ExtensionContext context) {
    if (options(context).browser()) {
      Browser.assumeInstalled();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Nodes.class || isNodePart(type) || fixtureConstructor(type).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Parameter p = parameter.getParameter();
    if (p.getType() == Nodes.class) {
      return context.getStore(NAMESPACE).getOrComputeIfAbsent("nodes", k -> new Nodes(), Nodes.class);
    }
    Member member = cluster(context).member(p.isAnnotationPresent(On.class) ? p.getAnnotation(On.class).value() : "a");
    if (p.getType() == Api.class) {
      String user = p.isAnnotationPresent(As.class) ? p.getAnnotation(As.class).value() : As.ANONYMOUS;
      return user.isEmpty() ? member.users.anonymous() : member.users.as(user);
    }
    return member.get(p.getType());
  }

  private static boolean isNodePart(Class<?> type) {
    return type == TestServer.class || type == FloodReadyServer.class || type == NodeProcess.class
        || type == Users.class || type == Api.class || type == TestClock.class || type == ChromeDriver.class;
  }

  private static Optional<Constructor<?>> fixtureConstructor(Class<?> type) {
    return Arrays.stream(type.getDeclaredConstructors())
        .filter(c -> c.getParameterCount() > 0 && Arrays.stream(c.getParameterTypes())
            .allMatch(t -> isNodePart(t) && t != Api.class && t != ChromeDriver.class && t != NodeProcess.class))
        .findFirst();
  }

  private static FloodReadyTest options(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FloodReadyTest.class)
        .orElseThrow(() -> new ParameterResolutionException("the test class needs @FloodReadyTest"));
  }

  private static Cluster cluster(ExtensionContext context) {
    FloodReadyTest options = options(context);
    boolean ownNode = context.getTestMethod().isPresent() && (options.serverPerMethod()
        || context.getRequiredTestMethod().isAnnotationPresent(FreshServer.class));
    // Stores look up their parents too: the method's own node needs a key the class's node does not use.
    ExtensionContext owner = ownNode ? context : classContext(context);
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(ownNode ? "method node" : "class node",
        k -> Cluster.start(options, runtimeArgs(context.getRequiredTestClass())), Cluster.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** The flags of the class's {@link NodeArgs} methods, if any. */
  private static String[] runtimeArgs(Class<?> testClass) {
    String[] all = {};
    for (Method m : AnnotationSupport.findAnnotatedMethods(testClass, NodeArgs.class,
        org.junit.platform.commons.support.HierarchyTraversalMode.TOP_DOWN)) {
      if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0 || m.getReturnType() != String[].class) {
        throw new ParameterResolutionException("@NodeArgs " + m + " must be static, without parameters, and return String[]");
      }
      try {
        m.setAccessible(true);
        all = Nodes.concat(all, (String[]) m.invoke(null));
      } catch (ReflectiveOperationException e) {
        throw new ParameterResolutionException("@NodeArgs " + m.getName() + " failed: " + e.getCause(), e);
      }
    }
    return all;
  }

  /** The nodes of one class (or one method), their clock; closed by JUnit with the store that holds them. */
  private static final class Cluster implements ExtensionContext.Store.CloseableResource {
    final List<Member> members = new ArrayList<>();

    static Cluster start(FloodReadyTest options, String[] runtimeArgs) {
      Cluster cluster = new Cluster();
      try {
        cluster.startAll(options, runtimeArgs);
        return cluster;
      } catch (Exception e) {
        try {
          cluster.close();
        } catch (Exception ignored) {
          // the start failure is the news
        }
        throw new IllegalStateException("the test node did not start: " + e, e);
      }
    }

    private void startAll(FloodReadyTest options, String[] runtimeArgs) throws Exception {
      TestClock clock = testClock(options.clock());
      Clock nodeClock = clock == null ? Clock.systemUTC() : clock;
      int count = Math.max(1, options.nodes());
      String[] args = Nodes.concat(options.args(), runtimeArgs);
      int[] hazelcast = new int[count];
      String[] common = {};
      if (count > 1 && options.oneCluster()) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          hazelcast[i] = Nodes.freePort();
          addresses.add("127.0.0.1:" + hazelcast[i]);
        }
        common = new String[] {"--cluster-name", "fr-test-" + UUID.randomUUID(), "--cluster-members",
            String.join(",", addresses), "--jwt-secret", "test-" + UUID.randomUUID()};
      }
      for (int i = 0; i < count; i++) {
        String name = String.valueOf((char) ('a' + i));
        String[] own = count == 1 ? new String[0] : new String[] {"--node-name", "node-" + name};
        if (hazelcast[i] > 0) {
          own = Nodes.concat(own, new String[] {"--cluster-port", Integer.toString(hazelcast[i])});
        }
        String[] nodeArgs = Nodes.concat(Nodes.concat(common, own), i == 0 ? args : Nodes.concat(args, options.othersArgs()));
        members.add(i == 0 ? first(options, nodeClock, clock, nodeArgs)
            : other(options, nodeClock, name, nodeArgs));
      }
      if (count > 1 && options.oneCluster()) {
        for (Member m : members) {
          m.awaitMembers(count);
        }
      }
    }

    private Member first(FloodReadyTest options, Clock nodeClock, TestClock clock, String[] args) throws Exception {
      TestServer server = options.demoData() ? TestServer.start(nodeClock, args) : TestServer.startEmpty(nodeClock, args);
      return new Member("a", server, null, clock, options);
    }

    private Member other(FloodReadyTest options, Clock nodeClock, String name, String[] args) throws Exception {
      var db = members.get(0).server.server.pgUrl();
      if (!options.separateJvm()) {
        return new Member(name, TestServer.start(db, nodeClock, args), null, null, options);
      }
      List<String> processArgs = new ArrayList<>(List.of(args));
      processArgs.addAll(List.of("--pg-url", db.url(), "--data-dir", Files.createTempDirectory("fr-node-" + name).toString()));
      if (!options.oneCluster()) {
        processArgs.addAll(List.of(Nodes.clusterArgs()));
      }
      NodeProcess process;
      try {
        process = NodeProcess.start("node-" + name, Nodes.freePort(), processArgs, List.of(options.jvmOptions()));
      } catch (IllegalStateException startFailed) {
        // a start that timed out under CPU starvation gets one more chance
        process = NodeProcess.start("node-" + name, Nodes.freePort(), processArgs, List.of(options.jvmOptions()));
      }
      return new Member(name, null, process, null, options);
    }

    private static TestClock testClock(String clock) {
      if (clock.isEmpty()) {
        return null;
      }
      if (clock.equals("now")) {
        return TestClock.now();
      }
      return new TestClock(clock.endsWith("Z") ? Instant.parse(clock) : OffsetDateTime.parse(clock).toInstant());
    }

    Member member(String name) {
      return members.stream().filter(m -> m.name.equals(name)).findFirst()
          .orElseThrow(() -> new ParameterResolutionException("no node '" + name + "': the class has "
              + members.size() + " (@FloodReadyTest(nodes = ...))"));
    }

    /** The last node first, node a (which the others' database belongs to) last; every one, also when one fails. */
    @Override
    public void close() throws Exception {
      Nodes.closeAll(members);
    }
  }

  /** One node (in this JVM or its own), its logins, its clock and its fixtures. */
  private static final class Member implements AutoCloseable {
    final String name;
    final TestServer server;
    final NodeProcess process;
    final Users users;
    final TestClock clock;
    final FloodReadyTest options;
    final Map<Class<?>, Object> fixtures = new ConcurrentHashMap<>();

    Member(String name, TestServer server, NodeProcess process, TestClock clock, FloodReadyTest options) {
      this.name = name;
      this.server = server;
      this.process = process;
      this.clock = clock;
      this.options = options;
      this.users = process != null ? process.users : server.users;
    }

    void awaitMembers(int count) throws InterruptedException {
      long deadline = System.nanoTime() + CLUSTER_FORMS_WITHIN.toNanos();
      int seen = -1;
      while (System.nanoTime() < deadline) {
        Resp r = users.as("admin").get("/api/cluster");
        seen = r.status() == 200 ? r.json().getJsonArray("members").size() : -1;
        if (seen == count) {
          return;
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("node " + name + " sees " + seen + " members, not " + count + ", after "
          + CLUSTER_FORMS_WITHIN.toSeconds() + " s");
    }

    Object get(Class<?> type) {
      if (type == TestServer.class || type == FloodReadyServer.class) {
        if (server == null) {
          throw new ParameterResolutionException("node " + name + " runs in a JVM of its own: take a NodeProcess");
        }
        return type == TestServer.class ? server : server.server;
      }
      if (type == NodeProcess.class) {
        if (process == null) {
          throw new ParameterResolutionException("node " + name + " runs in this JVM (@FloodReadyTest(separateJvm = true))");
        }
        return process;
      }
      if (type == Users.class) {
        return users;
      }
      if (type == TestClock.class) {
        if (clock == null) {
          throw new ParameterResolutionException("a TestClock needs @FloodReadyTest(clock = \"...\")");
        }
        return clock;
      }
      if (type == ChromeDriver.class) {
        return fixtures.computeIfAbsent(type, t -> browser());
      }
      return fixtures.computeIfAbsent(type, this::newFixture);
    }

    private ChromeDriver browser() {
      if (!options.browser()) {
        throw new ParameterResolutionException("a ChromeDriver needs @FloodReadyTest(browser = true)");
      }
      try {
        return Browser.start(Files.createTempDirectory("fr-chromium"), options.browserNetworkLog());
      } catch (java.io.IOException e) {
        throw new ParameterResolutionException("no profile directory for Chromium: " + e, e);
      }
    }

    private Object newFixture(Class<?> type) {
      Constructor<?> c = fixtureConstructor(type).orElseThrow();
      Object[] args = Arrays.stream(c.getParameterTypes()).map(this::get).toArray();
      try {
        c.setAccessible(true);
        return c.newInstance(args);
      } catch (ReflectiveOperationException e) {
        throw new ParameterResolutionException("cannot make the fixture " + type.getSimpleName() + ": " + e, e);
      }
    }

    /** Browsers and other closeable fixtures, then the node with its logins, also when one fails. */
    @Override
    public void close() throws Exception {
      List<AutoCloseable> all = new ArrayList<>();
      all.add(process != null ? process : server);
      for (Object fixture : fixtures.values()) {
        if (fixture instanceof ChromeDriver driver) {
          all.add(driver::quit);
        } else if (fixture instanceof AutoCloseable closeable) {
          all.add(closeable);
        }
      }
      Nodes.closeAll(all);
    }
  }
}
