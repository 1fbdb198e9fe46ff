package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.StoredEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The kept events' rules, with no server: what is kept, for how long, within which bounds. */
class KeptEventsBoundsTest {

  private final AtomicLong now = new AtomicLong();

  private KeptEvents kept(int minEvents, long bytes) {
    return new KeptEvents(minEvents, bytes, Duration.ofMinutes(10), now::get);
  }

  private static List<StoredEvent> events(String session, int n) {
    List<StoredEvent> events = new ArrayList<>();
    for (int seq = 1; seq <= n; seq++) {
      events.add(new StoredEvent(session, seq, "2025-03-01T10:00:00Z", "post.added",
          new JsonObject().put("post", new JsonObject().put("text", "x".repeat(100))), "k" + seq, "c" + seq, "h" + seq,
          null));
    }
    return events;
  }

  private static RecordCheck.Head head(int seq) {
    return new RecordCheck.Head(seq, "h" + seq);
  }

  @Test
  @DisplayName("Only records of at least the minimum size are kept, and only until MAX_AGE after they were read")
  void bigAndFreshOnly() {
    KeptEvents kept = kept(10, 1 << 20);
    kept.keep(kept.ticket(), "small", head(9), events("small", 9), now.get());
    assertTrue(kept.get("small").isEmpty(), "a small record is cheap to read again");
    long readAt = now.get();
    kept.keep(kept.ticket(), "big", head(10), events("big", 10), readAt);
    assertEquals(head(10), kept.get("big").orElseThrow().head());
    now.addAndGet(Duration.ofMinutes(9).toNanos());
    kept.keep(kept.ticket(), "big", head(12), events("big", 12), readAt);
    assertEquals(readAt, kept.get("big").orElseThrow().readAt(), "grown events keep the time the oldest were read");
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    assertTrue(kept.get("big").isEmpty(), "eleven minutes after the read: gone");
    kept.keep(kept.ticket(), "big", head(12), events("big", 12), readAt);
    assertTrue(kept.get("big").isEmpty(), "too old to keep at all");
  }

  @Test
  @DisplayName("Forget drops the events, and events read before the forget are not kept")
  void forget() {
    KeptEvents kept = kept(1, 1 << 20);
    kept.keep(kept.ticket(), "s1", head(3), events("s1", 3), now.get());
    long readBefore = kept.ticket();
    kept.forget("s1");
    assertTrue(kept.get("s1").isEmpty());
    kept.keep(readBefore, "s1", head(3), events("s1", 3), now.get());
    assertTrue(kept.get("s1").isEmpty(), "they may predate the rewrite");
    assertEquals(0, kept.bytes());
  }

  @Test
  @DisplayName("Bounded by estimated bytes: the least recently used go first; one bigger than the budget is not kept")
  void boundedByBytes() {
    long one = KeptEvents.estimate(events("s1", 20));
    KeptEvents kept = kept(1, 2 * one + one / 2);
    kept.keep(kept.ticket(), "s1", head(20), events("s1", 20), now.get());
    kept.keep(kept.ticket(), "s2", head(20), events("s2", 20), now.get());
    kept.get("s1");
    kept.keep(kept.ticket(), "s3", head(20), events("s3", 20), now.get());
    assertTrue(kept.get("s2").isEmpty(), "the least recently used went");
    assertTrue(kept.get("s1").isPresent() && kept.get("s3").isPresent());
    assertTrue(kept.bytes() <= 2 * one + one / 2);
    kept.keep(kept.ticket(), "s4", head(60), events("s4", 60), now.get());
    assertTrue(kept.get("s4").isEmpty(), "bigger than the whole budget");
    assertEquals(2, kept.size());
    assertTrue(one > 20 * 200, "an event weighs at least its fields and the objects around them");
  }
}
