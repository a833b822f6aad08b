package org.floodready.auth;

import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import org.floodready.errors.RateLimited;

/**
 * Counts failed logins in a sliding window per account and per client address, across the cluster: the
 * failure times live in the Hazelcast map {@value #MAP} (one entry per account or address, its times as
 * text, updated atomically with a compare-and-set loop; the map's time-to-live, set in
 * {@code HazelcastSettings}, drops an entry a window after its last failure). So an attacker who spreads
 * guesses over every node still gets the limit once, not once per node.
 */
public final class LoginLimiter {
  public static final String MAP = "auth.login-failures";
  private static final int MAX_LOCAL_KEYS = 100_000;

  private final Vertx vertx;
  private final ConcurrentMap<String, String> failures;
  private final Clock clock;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration window;

  /** The failures in any concurrent map: the cluster's (see {@link #clustered}) or, in a test, a local one. */
  public LoginLimiter(Vertx vertx, ConcurrentMap<String, String> failures, Clock clock, int maxPerAccount,
      Duration window) {
    this.vertx = vertx;
    this.failures = failures;
    this.clock = clock;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAccount * 4;
    this.window = window;
  }

  public static LoginLimiter clustered(Vertx vertx, HazelcastInstance hazelcast, Clock clock, int maxPerAccount,
      Duration window) {
    return new LoginLimiter(vertx, hazelcast.getMap(MAP), clock, maxPerAccount, window);
  }

  /** Fails with 429 if the account or the address has failed too often lately. */
  public Future<Void> check(String username, String address) {
    return vertx.executeBlocking(() -> {
      checkKey(accountKey(username), maxPerAccount, "this account");
      checkKey(addressKey(address), maxPerAddress, "this address");
      return null;
    }, false);
  }

  public Future<Void> recordFailure(String username, String address) {
    return vertx.executeBlocking(() -> {
      if (!(failures instanceof com.hazelcast.map.IMap) && failures.size() > MAX_LOCAL_KEYS) {
        failures.clear(); // a local map has no time-to-live; never let it grow without bound
      }
      add(accountKey(username), maxPerAccount);
      add(addressKey(address), maxPerAddress);
      return null;
    }, false);
  }

  public Future<Void> recordSuccess(String username) {
    return vertx.executeBlocking(() -> {
      failures.remove(accountKey(username));
      return null;
    }, false);
  }

  private void checkKey(String key, int max, String who) {
    List<Long> times = recent(failures.get(key));
    if (times.size() >= max) {
      long wait = Math.max(1, (times.get(0) + window.toMillis() - clock.millis()) / 1000);
      throw new RateLimited("Too many failed logins for " + who + "; try again in " + wait + " s", wait);
    }
  }

  /** Appends now, keeping only the window's newest {@code max} times (more are never needed to refuse). */
  private void add(String key, int max) {
    while (true) {
      String old = failures.get(key);
      List<Long> times = recent(old);
      times.add(clock.millis());
      String updated = String.join(",", times.subList(Math.max(0, times.size() - max), times.size()).stream()
          .map(String::valueOf).toList());
      if (old == null ? failures.putIfAbsent(key, updated) == null : failures.replace(key, old, updated)) {
        return;
      }
    }
  }

  private List<Long> recent(String stored) {
    List<Long> times = new ArrayList<>();
    if (stored == null || stored.isEmpty()) {
      return times;
    }
    long cutoff = clock.millis() - window.toMillis();
    Arrays.stream(stored.split(",")).map(Long::parseLong).filter(t -> t >= cutoff).sorted().forEach(times::add);
    return times;
  }

  private static String accountKey(String username) {
    return "u:" + username.toLowerCase();
  }

  private static String addressKey(String address) {
    return "a:" + address;
  }
}
