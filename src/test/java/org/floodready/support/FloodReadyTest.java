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
 * fresh copy of the demo database; a method marked {@link FreshServer} gets a node of its own.
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
}
