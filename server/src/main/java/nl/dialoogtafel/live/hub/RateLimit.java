package nl.dialoogtafel.live.hub;

/** A token bucket: a burst of {@code capacity}, then {@code perSecond} sustained. Not thread-safe; one per connection. */
final class RateLimit {

  private final double capacity;
  private final double perSecond;
  private double tokens;
  private long lastNanos;

  RateLimit(double capacity, double perSecond) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.tokens = capacity;
    this.lastNanos = System.nanoTime();
  }

  boolean tryTake() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
    lastNanos = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
