package nl.dialoogtafel.accounts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing without locking the owner out (the OWASP way): an address that keeps
 * failing for one account waits, and so does an address that fails for many accounts; the
 * account itself is never locked — while it is under attack every try at it only takes a little
 * longer, so the right password from an address that has not failed always gets in.
 *
 * <p>All counts run over 15 minutes from their first failure. An attempt counts as a failure from
 * the moment it is let through (before the costly hash), so guesses sent all at once are limited
 * too; a success takes its own attempt back. An IPv6 address counts by its /64, which one machine
 * usually has to itself.
 */
public final class LoginThrottle {

  /** Tries one address gets at one account; the next one waits. */
  static final int PAIR_FAILURES = 5;
  /** Tries one address gets over all accounts. */
  static final int ADDRESS_FAILURES = 20;
  /** Failures at one account, from anywhere, after which its logins are slowed. */
  static final int ACCOUNT_FAILURES = 10;
  static final long CLEAN_DELAY_MILLIS = 1_000;
  static final long FAILED_DELAY_MILLIS = 3_000;
  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(15);
  private static final int PRUNE_ABOVE = 100_000;
  private static final long PRUNE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** What an attempt may do: wait {@code retryAfter} seconds (refused), or go after {@code delayMillis}. */
  public record Verdict(long retryAfter, long delayMillis) {}

  /** The counts behind a failure, for the log line. */
  public record Counts(int pair, int address, int account) {}

  private record Failures(long since, int count) {}

  private final Map<String, Failures> failures = new HashMap<>();
  private long lastPrune = System.nanoTime();

  /** Lets an attempt through and counts it (possibly after a delay), or says how long to wait first. */
  public synchronized Verdict attempt(String account, String address) {
    long now = System.nanoTime();
    String pair = pairKey(account, address);
    String from = addressKey(address);
    long wait = Math.max(wait(pair, PAIR_FAILURES, now), wait(from, ADDRESS_FAILURES, now));
    if (wait > 0) {
      return new Verdict(TimeUnit.NANOSECONDS.toSeconds(wait) + 1, 0);
    }
    long delay = 0;
    if (count("a:" + account, now) >= ACCOUNT_FAILURES) {
      delay = count(pair, now) == 0 ? CLEAN_DELAY_MILLIS : FAILED_DELAY_MILLIS;
    }
    bump(pair, now);
    bump(from, now);
    bump("a:" + account, now);
    prune(now);
    return new Verdict(0, delay);
  }

  /** The password was right: the pair starts afresh; the address and the account get this attempt back. */
  public synchronized void succeeded(String account, String address) {
    failures.remove(pairKey(account, address));
    takeBack(addressKey(address));
    takeBack("a:" + account);
  }

  /** The failures counted now for this account, this address, and the two together. */
  public synchronized Counts counts(String account, String address) {
    long now = System.nanoTime();
    return new Counts(count(pairKey(account, address), now), count(addressKey(address), now), count("a:" + account, now));
  }

  private static String pairKey(String account, String address) {
    return "p:" + addressKey(address) + " " + account;
  }

  /** The address as counted: an IPv4 address whole, an IPv6 address by its /64 prefix. */
  static String addressKey(String address) {
    if (address.indexOf(':') < 0) {
      return "ip:" + address;
    }
    try {
      // A literal address is parsed, never looked up.
      byte[] bytes = InetAddress.getByName(address).getAddress();
      if (bytes.length == 16) {
        StringBuilder prefix = new StringBuilder("ip6:");
        for (int i = 0; i < 8; i++) {
          prefix.append(String.format("%02x", bytes[i]));
        }
        return prefix.toString();
      }
      return "ip:" + InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException notAnAddress) {
      return "ip:" + address;
    }
  }

  private int count(String key, long now) {
    Failures f = failures.get(key);
    return f == null || now - f.since() > WINDOW_NANOS ? 0 : f.count();
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

  private void takeBack(String key) {
    failures.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.since(), f.count() - 1));
  }

  /** Forgets ended windows once the map is large, at most every 10 s, so a flood never makes each try a sweep. */
  private void prune(long now) {
    if (failures.size() > PRUNE_ABOVE && now - lastPrune > PRUNE_EVERY_NANOS) {
      lastPrune = now;
      failures.values().removeIf(f -> now - f.since() > WINDOW_NANOS);
    }
  }
}
