package org.floodready.bench;

import io.vertx.core.json.JsonObject;
import java.util.Arrays;

/**
 * Figures of one operation of a load run: latencies from each request's intended start (corrected for
 * coordinated omission: a request that waited for a free connection or a late timer counts that wait) and
 * from its actual send (service time), answers by class. Thread-safe.
 */
public final class Recorder {
  private final String name;
  private long[] fromIntended = new long[1024];
  private long[] fromSent = new long[1024];
  private int count;
  private long ok;
  private long non2xx;
  private long errors;
  private long retried;
  private String lastProblem;

  public Recorder(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** One answered request; times in nanos. */
  public synchronized void answered(int status, long intendedNanos, long sentNanos, long doneNanos) {
    if (count == fromIntended.length) {
      fromIntended = Arrays.copyOf(fromIntended, count * 2);
      fromSent = Arrays.copyOf(fromSent, count * 2);
    }
    fromIntended[count] = doneNanos - intendedNanos;
    fromSent[count] = doneNanos - sentNanos;
    count++;
    if (status >= 200 && status < 400) {
      ok++;
    } else {
      non2xx++;
      lastProblem = "HTTP " + status;
    }
  }

  /** A request that got no answer (connection refused or reset, time-out). */
  public synchronized void failed(Throwable cause) {
    errors++;
    lastProblem = String.valueOf(cause);
  }

  /** What the last failed answer said. */
  public synchronized void problem(String text) {
    lastProblem = text;
  }

  /** A request sent again to another node after getting no answer. */
  public synchronized void retried() {
    retried++;
  }

  public synchronized long ok() {
    return ok;
  }

  /** Latency percentiles in ms, p50/p90/p99/p99.9/max, corrected and as service time; counts. */
  public synchronized JsonObject figures(double seconds) {
    Percentiles corrected = new Percentiles(Arrays.copyOf(fromIntended, count));
    Percentiles service = new Percentiles(Arrays.copyOf(fromSent, count));
    JsonObject out = new JsonObject().put("op", name).put("answered", count).put("ok", ok).put("non2xx", non2xx)
        .put("errors", errors).put("retried", retried).put("ok_rps", round(ok / seconds));
    out.put("p50_ms", ms(corrected.at(50))).put("p90_ms", ms(corrected.at(90))).put("p99_ms", ms(corrected.at(99)))
        .put("p999_ms", ms(corrected.at(99.9))).put("max_ms", ms(corrected.max()))
        .put("service_p50_ms", ms(service.at(50))).put("service_p99_ms", ms(service.at(99)));
    if (lastProblem != null) {
      out.put("last_problem", lastProblem);
    }
    return out;
  }

  private static double ms(long nanos) {
    return round(nanos / 1e6);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
