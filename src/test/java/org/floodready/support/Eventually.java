package org.floodready.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting, without a sleeping thread, for something the node does on its own (a sweep, a refresh, an
 * event): asks again every 250 ms until the answer holds, and fails with the given message when it still
 * does not after the given time. Chain it in a test that takes a {@code VertxTestContext}.
 */
public final class Eventually {
  private Eventually() {
  }

  /**
   * The same for a test written in blocking calls: asks on the test's own thread every 100 ms, and fails with
   * the message when the condition still does not hold after the given time.
   */
  public static void waitFor(Duration within, String failure, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure);
      }
      Thread.sleep(100);
    }
  }

  public static Future<Void> holds(Vertx vertx, Duration within, String failure, Supplier<Future<Boolean>> condition) {
    Promise<Void> done = Promise.promise();
    ask(vertx, System.nanoTime() + within.toNanos(), failure, condition, done);
    return done.future();
  }

  private static void ask(Vertx vertx, long deadline, String failure, Supplier<Future<Boolean>> condition,
      Promise<Void> done) {
    condition.get().onComplete(answer -> {
      if (answer.failed()) {
        done.fail(answer.cause());
      } else if (answer.result()) {
        done.complete();
      } else if (System.nanoTime() > deadline) {
        done.fail(new AssertionError(failure));
      } else {
        vertx.setTimer(250, t -> ask(vertx, deadline, failure, condition, done));
      }
    });
  }
}
