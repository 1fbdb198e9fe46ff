package nl.dialoogtafel.archive;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import nl.dialoogtafel.record.RecordCheck;

/**
 * Closed records already read, folded and verified, so that viewing one again neither reads nor
 * folds and checks the whole record again.
 *
 * <p>An entry is used only for exactly the head (seq and hash) it was folded at, and the caller
 * passes the head it has just read from the session document: every event a closed record still
 * gets (withdrawal, harvest, telling mark) moves that head, so the next view folds again. A
 * rewrite in place (a withdrawn post's words erased, a person erased) does not move the head;
 * whoever rewrites calls {@link #forget}. An alteration made behind the server's back, straight in
 * the database, is seen once the entry is older than {@link #MAX_AGE}, after {@link #forget} or
 * after a restart. A record that does not verify is never kept: it is checked again on every view.
 *
 * <p>Bounded: at most {@link #MAX_RECORDS} records and {@link #MAX_BYTES} of estimated size; the
 * least recently viewed go first. Thread-safe (views fold on the database workers).
 */
public final class RecordCache {

  public static final int MAX_RECORDS = 200;
  public static final long MAX_BYTES = 64L * 1024 * 1024;
  public static final Duration MAX_AGE = Duration.ofMinutes(10);

  private record Entry(RecordCheck.Head head, NarrativeRecord record, long keptAt) {}

  private final long maxAgeNanos;
  private final LongSupplier nanoClock;
  private final Forgetful<Entry> entries;

  public RecordCache() {
    this(MAX_RECORDS, MAX_BYTES, MAX_AGE, System::nanoTime);
  }

  RecordCache(int maxRecords, long maxBytes, Duration maxAge, LongSupplier nanoClock) {
    this.entries = new Forgetful<>(maxRecords, maxBytes);
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The record folded at exactly this head, if kept and not too old. */
  public synchronized Optional<NarrativeRecord> get(String session, RecordCheck.Head head) {
    Entry entry = entries.get(session);
    if (entry == null || head == null) {
      return Optional.empty();
    }
    if (nanoClock.getAsLong() - entry.keptAt() > maxAgeNanos) {
      entries.drop(session);
      return Optional.empty();
    }
    if (!entry.head().equals(head)) {
      // The record moved on (or this caller read an older head): the next put replaces it.
      return Optional.empty();
    }
    return Optional.of(entry.record());
  }

  /**
   * Take a ticket before reading the store and give it back to {@link #put}: a record read while
   * something was forgotten may predate the rewrite, so it is not kept.
   */
  public synchronized long ticket() {
    return entries.ticket();
  }

  /** Keeps a record folded at its {@code head()}, unless it is unverified or the ticket is outdated. */
  public synchronized void put(long ticket, String session, NarrativeRecord record) {
    put(ticket, session, record, 0);
  }

  /**
   * The same for a record folded partly from events read {@code ageNanos} ago ({@link KeptEvents}):
   * it is kept only until {@link #MAX_AGE} after those were read, so nothing is shown from events
   * read longer ago than that.
   */
  synchronized void put(long ticket, String session, NarrativeRecord record, long ageNanos) {
    if (record.head() == null || !record.integrity().valid() || ageNanos > maxAgeNanos) {
      return;
    }
    entries.put(ticket, session, new Entry(record.head(), record, nanoClock.getAsLong() - ageNanos), estimate(record));
  }

  /**
   * Forgets what is kept of this session: call after rewriting any of its stored events in place
   * (the head stays the same then). The next view reads, folds and verifies the record again.
   */
  public synchronized void forget(String session) {
    entries.forget(session);
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return entries.bytes();
  }

  /** A rough size in bytes: the words dominate (two bytes a character at worst), plus objects. */
  static long estimate(NarrativeRecord record) {
    long size = 4096;
    for (NarrativeRecord.Chapter chapter : record.chapters()) {
      size += 256 + chars(chapter.title()) + chars(chapter.prompt());
      for (NarrativeRecord.Post post : chapter.stories()) {
        size += post(post);
      }
    }
    for (NarrativeRecord.Post post : record.knelpunten()) {
      size += post(post);
    }
    for (NarrativeRecord.Organisation org : record.table()) {
      size += 128 + chars(org.name()) + 160L * org.people().size();
    }
    size += 200L * (record.connections().size() + record.web().size());
    if (record.harvest() != null) {
      size += 128 + chars(record.harvest().harvest()) + chars(record.harvest().agreements());
    }
    return size;
  }

  private static long post(NarrativeRecord.Post post) {
    long size = 320 + chars(post.id()) + chars(post.title()) + chars(post.text()) + chars(post.phaseTitle());
    for (NarrativeRecord.Recognition r : post.recognitions()) {
      size += 160 + chars(r.note());
    }
    return size;
  }

  private static long chars(String text) {
    return 2L * Objects.requireNonNullElse(text, "").length();
  }
}
