package nl.dialoogtafel.live;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Join codes are short, so guessing must be slow: an address that tried too many unknown codes
 * within the window is refused until the window has passed. 32^6 codes and 20 tries per ten
 * minutes make finding a live session by guessing impractical. One per node, shared by its event
 * loops (a guesser's sockets land on all of them).
 */
public final class JoinGuard {

  private static final int MAX_MISSES = 20;
  private static final long WINDOW_NANOS = TimeUnit.MINUTES.toNanos(10);

  private record Misses(long since, int count) {}

  private final Map<String, Misses> byAddress = new HashMap<>();

  synchronized boolean blocked(String address) {
    Misses misses = byAddress.get(address);
    return misses != null && System.nanoTime() - misses.since() < WINDOW_NANOS && misses.count() >= MAX_MISSES;
  }

  synchronized void missed(String address) {
    long now = System.nanoTime();
    byAddress.merge(address, new Misses(now, 1),
        (old, one) -> now - old.since() > WINDOW_NANOS ? one : new Misses(old.since(), old.count() + 1));
  }

  synchronized void forgetOld() {
    long now = System.nanoTime();
    byAddress.values().removeIf(m -> now - m.since() > WINDOW_NANOS);
  }
}
