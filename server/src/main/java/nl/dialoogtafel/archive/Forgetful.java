package nl.dialoogtafel.archive;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the archive keeps in memory per session ({@link RecordCache}, {@link KeptEvents}): bounded by
 * count and by estimated bytes, the least recently used out first, and with a generation that
 * {@link #forget} raises, so a value read from the store before a rewrite in place (an erasure,
 * retention) is not kept after it. Not thread-safe: its owner synchronises.
 */
final class Forgetful<V> {

  private record Entry<V>(V value, long bytes) {}

  private final int maxEntries;
  private final long maxBytes;
  /** Access order: iteration starts at the least recently used entry. */
  private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long bytes;
  private long generation;

  Forgetful(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** Take before reading the store; {@link #put} keeps only if nothing was forgotten since. */
  long ticket() {
    return generation;
  }

  /** The value kept for this session (and it becomes the most recently used), or null. */
  V get(String session) {
    Entry<V> entry = entries.get(session);
    return entry == null ? null : entry.value();
  }

  /** Keeps {@code value} of estimated {@code size} in place of what was kept; false if the ticket is outdated or it is too big. */
  boolean put(long ticket, String session, V value, long size) {
    if (ticket != generation || size > maxBytes) {
      return false;
    }
    drop(session);
    entries.put(session, new Entry<>(value, size));
    bytes += size;
    Iterator<Map.Entry<String, Entry<V>>> oldest = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || bytes > maxBytes) && oldest.hasNext()) {
      bytes -= oldest.next().getValue().bytes();
      oldest.remove();
    }
    return true;
  }

  /** Forgets this session's value, and that anything read before now may be kept. */
  void forget(String session) {
    generation++;
    drop(session);
  }

  /** Drops this session's value (too old, or replaced), without raising the generation. */
  void drop(String session) {
    Entry<V> gone = entries.remove(session);
    if (gone != null) {
      bytes -= gone.bytes();
    }
  }

  int size() {
    return entries.size();
  }

  long bytes() {
    return bytes;
  }
}
