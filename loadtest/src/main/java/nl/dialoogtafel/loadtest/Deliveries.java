package nl.dialoogtafel.loadtest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * Posts on their way to every connection of the room: latency from a post's intended send time to
 * the moment the last connection received its {@code post.added}. Warm-up posts must arrive too
 * but are not counted.
 */
final class Deliveries {

  /** {intended nanos, connections still to receive it, 1 when counted}. */
  private final Map<String, long[]> inFlight = new ConcurrentHashMap<>();
  private final Histogram latency = new Histogram(3);

  void expect(String nonce, long intendedNanos, int receivers, boolean counted) {
    inFlight.put(nonce, new long[] {intendedNanos, receivers, counted ? 1 : 0});
  }

  /** Called from the client's event loops, once per connection per {@code post.added}. */
  void received(String nonce, long nowNanos) {
    long[] entry = inFlight.get(nonce);
    if (entry == null) {
      return;
    }
    synchronized (entry) {
      if (--entry[1] != 0) {
        return;
      }
    }
    inFlight.remove(nonce);
    if (entry[2] == 1) {
      synchronized (latency) {
        latency.recordValue(nowNanos - entry[0]);
      }
    }
  }

  /** Waits until every post arrived everywhere or the time is up; returns how many did not. */
  int awaitAll(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return inFlight.size();
  }

  Histogram latency() {
    synchronized (latency) {
      return latency.copy();
    }
  }
}
