package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.dialoogtafel.record.RecordCheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The record cache's rules, with no server: which head it answers for, what it refuses, its bounds. */
class RecordCacheTest {

  private static final RecordCheck.Result VALID = new RecordCheck.Result(true, true, 3, 0, null, null, null, 0);
  private static final RecordCheck.Result BROKEN =
      new RecordCheck.Result(false, false, 3, 0, 2L, "post.added", "content", 0);

  private final AtomicLong now = new AtomicLong();

  private RecordCache cache(int records, long bytes) {
    return new RecordCache(records, bytes, Duration.ofMinutes(10), now::get);
  }

  private static RecordCheck.Head head(long seq) {
    return new RecordCheck.Head(seq, "h" + seq);
  }

  /** A record of one knelpunt with {@code words} characters of text, folded at {@code head}. */
  private static NarrativeRecord record(String id, RecordCheck.Head head, RecordCheck.Result integrity, int words) {
    NarrativeRecord.Post post = new NarrativeRecord.Post("p1", 3, "barrier", "knelpunten", "Knelpunten", "Titel",
        "x".repeat(words), null, "2025-03-01T10:00:00Z", null, List.of(), false, false);
    return new NarrativeRecord(new NarrativeRecord.Facts(id, "Dialoog", "Utrecht", null, "t", "gl", null, null),
        List.of(), List.of(), List.of(post), List.of(), List.of(), null,
        new NarrativeRecord.Counts(0, 0, 0, 1, 0, 0, 0, 0), integrity, head);
  }

  @Test
  @DisplayName("A kept record is given only for exactly the head it was folded at")
  void onlyForItsHead() {
    RecordCache cache = cache(10, 1 << 20);
    NarrativeRecord r = record("s1", head(3), VALID, 10);
    cache.put(cache.ticket(), "s1", r);
    assertEquals(r, cache.get("s1", head(3)).orElseThrow());
    assertTrue(cache.get("s1", head(4)).isEmpty(), "a newer seq");
    assertTrue(cache.get("s1", new RecordCheck.Head(3, "other")).isEmpty(), "the same seq with another hash");
    assertTrue(cache.get("s1", null).isEmpty(), "no head at all");
    assertTrue(cache.get("s2", head(3)).isEmpty(), "another session");
  }

  @Test
  @DisplayName("Forget drops the record, and a record read before the forget is not kept")
  void forget() {
    RecordCache cache = cache(10, 1 << 20);
    cache.put(cache.ticket(), "s1", record("s1", head(3), VALID, 10));
    long readBefore = cache.ticket();
    cache.forget("s1");
    assertTrue(cache.get("s1", head(3)).isEmpty());
    cache.put(readBefore, "s1", record("s1", head(3), VALID, 10));
    assertTrue(cache.get("s1", head(3)).isEmpty(), "it may predate the rewrite");
    cache.put(cache.ticket(), "s1", record("s1", head(3), VALID, 10));
    assertTrue(cache.get("s1", head(3)).isPresent(), "read after the forget: kept");
  }

  @Test
  @DisplayName("A record that does not verify, or has no head, is never kept")
  void onlyVerified() {
    RecordCache cache = cache(10, 1 << 20);
    cache.put(cache.ticket(), "s1", record("s1", head(3), BROKEN, 10));
    cache.put(cache.ticket(), "s2", record("s2", null, VALID, 10));
    assertEquals(0, cache.size());
  }

  @Test
  @DisplayName("At most the given number of records: the least recently viewed goes first")
  void boundedByCount() {
    RecordCache cache = cache(2, 1 << 20);
    cache.put(cache.ticket(), "s1", record("s1", head(3), VALID, 10));
    cache.put(cache.ticket(), "s2", record("s2", head(3), VALID, 10));
    assertTrue(cache.get("s1", head(3)).isPresent());
    cache.put(cache.ticket(), "s3", record("s3", head(3), VALID, 10));
    assertEquals(2, cache.size());
    assertTrue(cache.get("s2", head(3)).isEmpty(), "s2 was viewed least recently");
    assertTrue(cache.get("s1", head(3)).isPresent());
    assertTrue(cache.get("s3", head(3)).isPresent());
  }

  @Test
  @DisplayName("At most the given estimated size; a record bigger than that is not kept at all")
  void boundedBySize() {
    long one = RecordCache.estimate(record("s1", head(3), VALID, 10_000));
    RecordCache cache = cache(100, 2 * one + one / 2);
    cache.put(cache.ticket(), "s1", record("s1", head(3), VALID, 10_000));
    cache.put(cache.ticket(), "s2", record("s2", head(3), VALID, 10_000));
    cache.put(cache.ticket(), "s3", record("s3", head(3), VALID, 10_000));
    assertEquals(2, cache.size());
    assertTrue(cache.bytes() <= 2 * one + one / 2);
    assertTrue(cache.get("s1", head(3)).isEmpty(), "the oldest went");
    cache.put(cache.ticket(), "big", record("big", head(3), VALID, 100_000));
    assertTrue(cache.get("big", head(3)).isEmpty());
    assertEquals(2, cache.size(), "and pushed nothing out");
  }

  @Test
  @DisplayName("A record kept longer than the maximum age is read again")
  void maximumAge() {
    RecordCache cache = cache(10, 1 << 20);
    cache.put(cache.ticket(), "s1", record("s1", head(3), VALID, 10));
    now.addAndGet(Duration.ofMinutes(10).toNanos());
    assertTrue(cache.get("s1", head(3)).isPresent(), "at the maximum age still");
    now.addAndGet(1);
    assertFalse(cache.get("s1", head(3)).isPresent(), "past it, gone");
    assertEquals(0, cache.size());
  }
}
