package org.floodready.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * <li>{@link TestServer}: the running node (one per class; one per method with {@link FreshServer});
 * <li>{@link Api}, with {@link As}: a client logged in as that user, or anonymous;
 * <li>{@link Users}: logins for any other account;
 * <li>{@link TestClock}: the node's clock, when the class set {@link FloodReadyTest#clock()};
 * <li>{@code ChromeDriver}: a headless Chromium for the class, with {@link FloodReadyTest#browser()};
 * <li>a fixture: any class whose constructor takes only the types above, made once per node.
 * </ul>
 * Nodes are closed when their class (or method) ends. {@code Vertx} and {@code VertxTestContext} come from
 * {@link io.vertx.junit5.VertxExtension}, which {@link FloodReadyTest} registers too.
 */
public final class FloodReadyExtension implements ParameterResolver, BeforeAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FloodReadyExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    if (options(context).browser()) {
      Browser.assumeInstalled();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return isNodePart(type) || fixtureConstructor(type).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Node node = node(context);
    Parameter p = parameter.getParameter();
    if (p.getType() == Api.class) {
      String user = p.isAnnotationPresent(As.class) ? p.getAnnotation(As.class).value() : As.ANONYMOUS;
      return user.isEmpty() ? node.users.anonymous() : node.users.as(user);
    }
    return node.get(p.getType());
  }

  private static boolean isNodePart(Class<?> type) {
    return type == TestServer.class || type == Users.class || type == Api.class || type == TestClock.class
        || type == ChromeDriver.class;
  }

  private static Optional<Constructor<?>> fixtureConstructor(Class<?> type) {
    return Arrays.stream(type.getDeclaredConstructors())
        .filter(c -> c.getParameterCount() > 0
            && Arrays.stream(c.getParameterTypes()).allMatch(t -> isNodePart(t) && t != Api.class && t != ChromeDriver.class))
        .findFirst();
  }

  private static FloodReadyTest options(ExtensionContext context) {
    return AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FloodReadyTest.class)
        .orElseThrow(() -> new ParameterResolutionException("the test class needs @FloodReadyTest"));
  }

  private static Node node(ExtensionContext context) {
    FloodReadyTest options = options(context);
    boolean ownNode = context.getTestMethod().isPresent() && (options.serverPerMethod()
        || context.getRequiredTestMethod().isAnnotationPresent(FreshServer.class));
    // Stores look up their parents too: the method's own node needs a key the class's node does not use.
    ExtensionContext owner = ownNode ? context : classContext(context);
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(ownNode ? "method node" : "class node",
        k -> Node.start(options), Node.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** A node, its logins, its clock and its fixtures; closed by JUnit with the store that holds it. */
  private static final class Node implements ExtensionContext.Store.CloseableResource {
    final TestServer server;
    final Users users;
    final TestClock clock;
    final FloodReadyTest options;
    final Map<Class<?>, Object> fixtures = new ConcurrentHashMap<>();

    private Node(TestServer server, TestClock clock, FloodReadyTest options) {
      this.server = server;
      this.clock = clock;
      this.options = options;
      this.users = new Users(server.server.port());
    }

    static Node start(FloodReadyTest options) {
      TestClock clock = testClock(options.clock());
      try {
        Clock nodeClock = clock == null ? Clock.systemUTC() : clock;
        TestServer server = options.demoData() ? TestServer.start(nodeClock, options.args())
            : TestServer.startEmpty(nodeClock, options.args());
        return new Node(server, clock, options);
      } catch (Exception e) {
        throw new IllegalStateException("the test node did not start: " + e, e);
      }
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

    Object get(Class<?> type) {
      if (type == TestServer.class) {
        return server;
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

    /** Browsers and other closeable fixtures first, then the clients, then the node, also when one fails. */
    @Override
    public void close() throws Exception {
      Exception first = null;
      for (Object fixture : fixtures.values()) {
        try {
          if (fixture instanceof ChromeDriver driver) {
            driver.quit();
          } else if (fixture instanceof AutoCloseable closeable) {
            closeable.close();
          }
        } catch (Exception e) {
          first = first == null ? e : first;
        }
      }
      try {
        users.close();
      } finally {
        server.close();
      }
      if (first != null) {
        throw first;
      }
    }
  }
}
