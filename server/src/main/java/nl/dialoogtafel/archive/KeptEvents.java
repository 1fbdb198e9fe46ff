package nl.dialoogtafel.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.StoredEvent;

/**
 * The stored events of big records this process read and verified recently, by the head they end
 * at, so that the first view after a record grew (a late harvest, a withdrawal, a telling mark)
 * reads only the events after that head instead of all of them: on the embedded store each event
 * is an index look-up and a deserialisation, most of the time a view of a 5,000-event record takes.
 * The record is still folded and verified whole, from the kept events and the new ones.
 *
 * <p>Trust: events are kept only from a record that verified at that head, and never longer than
 * {@link RecordCache#MAX_AGE} after they were read from the store; events added to kept ones keep
 * the time the oldest were read. So a change made behind the server's back is seen at the latest
 * when the {@link RecordCache} would have seen it. A rewrite in place (an erasure, retention) calls
 * {@link #forget} through {@link ArchiveCaches#forget}: the events go, and events read before it are
 * not kept (a generation counter), so no erased word stays here.
 *
 * <p>Bounded: only records of at least {@link #MIN_EVENTS} events (a small record is cheap to read
 * again), at most {@link #MAX_BYTES} of estimated size; the least recently used go first.
 * Thread-safe.
 */
public final class KeptEvents {

  public static final int MIN_EVENTS = 250;
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Events read from the store at {@code readAt} (nanos), or earlier, that verify at {@code head}. */
  record Kept(RecordCheck.Head head, List<StoredEvent> events, long readAt) {}

  private final int minEvents;
  private final long maxAgeNanos;
  private final LongSupplier nanoClock;
  private final Forgetful<Kept> entries;

  public KeptEvents() {
    this(MIN_EVENTS, MAX_BYTES, RecordCache.MAX_AGE, System::nanoTime);
  }

  KeptEvents(int minEvents, long maxBytes, Duration maxAge, LongSupplier nanoClock) {
    this.minEvents = minEvents;
    this.entries = new Forgetful<>(Integer.MAX_VALUE, maxBytes);
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
  }

  /** Now, on the clock {@code readAt} is measured by. */
  long now() {
    return nanoClock.getAsLong();
  }

  /** Take before reading the store and give it to {@link #keep}. */
  synchronized long ticket() {
    return entries.ticket();
  }

  /** The kept events of this session, whatever head they end at, unless too old. */
  synchronized Optional<Kept> get(String session) {
    Kept kept = entries.get(session);
    if (kept == null) {
      return Optional.empty();
    }
    if (now() - kept.readAt() > maxAgeNanos) {
      entries.drop(session);
      return Optional.empty();
    }
    return Optional.of(kept);
  }

  /**
   * Keeps the events of a record that verified at {@code head}, read at {@code readAt}, unless the
   * record is small, too big, already too old, or something was forgotten since the ticket.
   */
  synchronized void keep(long ticket, String session, RecordCheck.Head head, List<StoredEvent> events,
      long readAt) {
    if (ticket != entries.ticket() || head == null || events.size() < minEvents || now() - readAt > maxAgeNanos) {
      return;
    }
    entries.put(ticket, session, new Kept(head, List.copyOf(events), readAt), estimate(events));
  }

  /** Forgets this session's events: call after any of them is rewritten in place. */
  synchronized void forget(String session) {
    entries.forget(session);
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized long bytes() {
    return entries.bytes();
  }

  /** A rough size: two bytes a character, plus the objects around them. */
  static long estimate(List<StoredEvent> events) {
    long size = 256;
    for (StoredEvent e : events) {
      size += 200 + chars(e.session()) + chars(e.at()) + chars(e.name()) + chars(e.key()) + chars(e.contentHash())
          + chars(e.hash()) + value(e.data()) + value(e.erased());
    }
    return size;
  }

  private static long value(Object value) {
    if (value instanceof JsonObject object) {
      long size = 96;
      for (Map.Entry<String, Object> field : object) {
        size += 48 + chars(field.getKey()) + value(field.getValue());
      }
      return size;
    }
    if (value instanceof JsonArray array) {
      long size = 64;
      for (Object item : array) {
        size += 8 + value(item);
      }
      return size;
    }
    if (value instanceof String text) {
      return 48 + chars(text);
    }
    return value == null ? 0 : 24;
  }

  private static long chars(String text) {
    return text == null ? 0 : 2L * text.length();
  }
}
