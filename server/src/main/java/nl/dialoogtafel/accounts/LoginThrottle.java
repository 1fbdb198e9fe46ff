package nl.dialoogtafel.accounts;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing: after a few failures within a quarter of an hour an account, or an
 * address, must wait before the next try. An attempt counts as a failure from the moment it is
 * let through (before the costly hash), so guesses sent all at once are limited too; a success
 * takes its own attempt back.
 */
public final class LoginThrottle {

  private static final int ACCOUNT_FAILURES = 5;
  private static final int ADDRESS_FAILURES = 20;
  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(15);

  private record Failures(long since, int count) {}

  private final Map<String, Failures> failures = new HashMap<>();

  /**
   * Lets an attempt through and counts it, or returns the seconds to wait first (nothing counted).
   */
  public synchronized long attempt(String account, String address) {
    long now = System.nanoTime();
    long wait = Math.max(wait("a:" + account, ACCOUNT_FAILURES, now), wait("ip:" + address, ADDRESS_FAILURES, now));
    if (wait > 0) {
      return TimeUnit.NANOSECONDS.toSeconds(wait) + 1;
    }
    bump("a:" + account, now);
    bump("ip:" + address, now);
    if (failures.size() > 100_000) {
      failures.values().removeIf(f -> now - f.since() > WINDOW_NANOS);
    }
    return 0;
  }

  /** The password was right: the account starts afresh and the address gets its attempt back. */
  public synchronized void succeeded(String account, String address) {
    failures.remove("a:" + account);
    failures.computeIfPresent("ip:" + address,
        (key, f) -> f.count() <= 1 ? null : new Failures(f.since(), f.count() - 1));
  }

  private long wait(String key, int limit, long now) {
    Failures f = failures.get(key);
    if (f == null || f.count() < limit || now - f.since() > WINDOW_NANOS) {
      return 0;
    }
    return WINDOW_NANOS - (now - f.since());
  }

  private void bump(String key, long now) {
    failures.merge(key, new Failures(now, 1),
        (old, one) -> now - old.since() > WINDOW_NANOS ? one : new Failures(old.since(), old.count() + 1));
  }
}
