package org.floodready.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.floodready.http.RateLimited;

/**
 * Counts failed logins in a sliding window per account and per client address. Kept in the
 * node's memory: in a cluster each node limits on its own, so the bound is per node.
 */
public final class LoginLimiter {
  private static final int MAX_TRACKED = 100_000;

  private final Clock clock;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginLimiter(Clock clock, int maxPerAccount, Duration window) {
    this.clock = clock;
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAccount * 4;
    this.window = window;
  }

  /** 429 if the account or the address has failed too often lately. */
  public void check(String username, String address) {
    checkKey("u:" + username.toLowerCase(), maxPerAccount, "this account");
    checkKey("a:" + address, maxPerAddress, "this address");
  }

  public void recordFailure(String username, String address) {
    if (failures.size() > MAX_TRACKED) {
      prune();
    }
    add("u:" + username.toLowerCase());
    add("a:" + address);
  }

  public void recordSuccess(String username) {
    failures.remove("u:" + username.toLowerCase());
  }

  private void checkKey(String key, int max, String who) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return;
    }
    synchronized (times) {
      Instant cutoff = clock.instant().minus(window);
      while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
        times.pollFirst();
      }
      if (times.size() >= max) {
        long wait = Math.max(1, Duration.between(clock.instant(), times.peekFirst().plus(window)).toSeconds());
        throw new RateLimited("Too many failed logins for " + who + "; try again in " + wait + " s", wait);
      }
    }
  }

  private void add(String key) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
    }
  }

  private void prune() {
    Instant cutoff = clock.instant().minus(window);
    failures.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutoff);
      }
    });
  }
}
