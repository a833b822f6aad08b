package org.floodready.support;

import io.vertx.junit5.VertxExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class run against a real FloodReady node: {@link VertxExtension} (for {@code Vertx} and
 * {@code VertxTestContext}) plus {@link FloodReadyExtension}, which hands the test its server, per-user
 * clients ({@link As}), its {@link TestClock} and fixtures as parameters. One node per class, started on a
 * fresh copy of the demo database; a method marked {@link FreshServer} gets a node of its own. A class can ask
 * for a cluster of several nodes on one database ({@link #nodes()}), and for flags known only at run time
 * ({@link NodeArgs}); a test that starts and stops nodes itself takes {@link Nodes}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({VertxExtension.class, FloodReadyExtension.class})
public @interface FloodReadyTest {
  /**
   * The node's clock: empty = the system clock; {@code "now"} = a {@link TestClock} starting now; else a
   * {@link TestClock} starting at this ISO instant or offset date-time (e.g. {@code 2027-06-10T09:00:00+08:00}).
   */
  String clock() default "";

  /** Extra command-line flags of the node, e.g. {@code {"--sweep-interval-seconds", "1"}}. */
  String[] args() default {};

  /** False = an empty database (no schema, no demo data) instead of a copy of the demo database. */
  boolean demoData() default true;

  /**
   * True = a browser test: the class is skipped when Chromium or chromedriver is missing, and a
   * {@code ChromeDriver} parameter is a headless Chromium of its own for the class, quit when the class ends.
   */
  boolean browser() default false;

  /** The browser records every request and response ({@code Browser.responses}). */
  boolean browserNetworkLog() default false;

  /** True = every test method gets its own node on a pristine database (as if each were {@link FreshServer}). */
  boolean serverPerMethod() default false;

  /**
   * How many nodes on the one database: node {@code a} and, with more, {@code b}, {@code c}... (named
   * {@code node-a}, {@code node-b}...), reached with {@link On}. They form one Hazelcast cluster of real members
   * (one JWT secret) before the first test runs (seen through the demo admin's {@code /api/cluster}), unless
   * {@link #oneCluster()} is false.
   */
  int nodes() default 1;

  /** False = each node is a cluster of its own: only PostgreSQL joins them. */
  boolean oneCluster() default true;

  /** Flags of nodes b, c... only, after {@link #args()}: a flag given again wins. */
  String[] othersArgs() default {};

  /**
   * True = nodes b, c... run in JVMs of their own ({@link NodeProcess}: they can be killed, frozen, halted), with
   * {@link #jvmOptions()}; node a stays in this JVM.
   */
  boolean separateJvm() default false;

  /** JVM options of the separate-JVM nodes, e.g. a {@code -D} test hook. */
  String[] jvmOptions() default {};
}
