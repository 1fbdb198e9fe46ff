package nl.dialoogtafel.loadtest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Post → ack, one post at a time: each post waits for its ack, then a short pause, so nothing
 * queues. Posts rotate over the phones (our rate limit is per connection), which lets the pause
 * be 20 ms instead of the 110 ms one phone would need.
 */
final class AckProbe {

  private AckProbe() {}

  static Histogram run(Room room, int posts, int skip) throws Exception {
    Histogram histogram = new Histogram(3);
    for (int i = 0; i < posts; i++) {
      String id = "ack-" + i;
      CompletableFuture<Long> ack = room.expectAck(id);
      long start = System.nanoTime();
      room.post(room.nextPhone(), id, id, "Een verhaal om de tijd tot de bevestiging te meten.");
      long end = ack.get(20, TimeUnit.SECONDS);
      if (i >= skip) {
        histogram.recordValue(end - start);
      }
      Thread.sleep(20);
    }
    return histogram;
  }
}
