package nl.dialoogtafel.web;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing: after a few failures within a quarter of an hour an account, or an
 * address, must wait before the next try. The check comes before the (costly) hash.
 */
public final class LoginThrottle {

  private static final int ACCOUNT_FAILURES = 5;
  private static final int ADDRESS_FAILURES = 20;
  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(15);

  private record Failures(long since, int count) {}

  private final Map<String, Failures> failures = new HashMap<>();

  /** Seconds to wait before another try, or 0. */
  public synchronized long waitSeconds(String account, String address) {
    long now = System.nanoTime();
    long wait = Math.max(wait("a:" + account, ACCOUNT_FAILURES, now), wait("ip:" + address, ADDRESS_FAILURES, now));
    return TimeUnit.NANOSECONDS.toSeconds(wait) + (wait > 0 ? 1 : 0);
  }

  public synchronized void failed(String account, String address) {
    long now = System.nanoTime();
    bump("a:" + account, now);
    bump("ip:" + address, now);
    if (failures.size() > 100_000) {
      failures.values().removeIf(f -> now - f.since() > WINDOW_NANOS);
    }
  }

  public synchronized void succeeded(String account) {
    failures.remove("a:" + account);
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
