package nl.dialoogtafel.record;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a record is complete and unaltered: the hash chain from the first event to the last,
 * and the last event against the head kept outside the chain (the chain alone cannot show that
 * events were cut off its end). Used by the archive page and by the offline verifier alike.
 *
 * <p>An event whose words were removed (withdrawn by its author, hidden by the facilitator) has
 * no content to check, only its place in the chain; that is allowed only for a post that a later
 * event of the same record withdrew or hid, or whose writer the record says was erased, and for a
 * recognition note whose writer was erased or whose post went in one of those ways, so redaction
 * cannot be used to mask a change ({@link RemovalGrounds}).
 */
public final class RecordCheck {

  private RecordCheck() {}

  /** The last event's seq and hash as the session document recorded them. */
  public record Head(long seq, String hash) {}

  /**
   * The verdict. {@code problem} is a message key suffix ({@code integrity.problem.<problem>})
   * and names what failed at {@code badSeq}; null when valid. {@code complete} is false when
   * there was no head to compare with.
   */
  public record Result(boolean valid, boolean complete, int events, int redacted, Long badSeq, String badName,
      String problem, long detail) {

    static Result ok(int events, int redacted, boolean complete) {
      return new Result(true, complete, events, redacted, null, null, null, 0);
    }

    static Result bad(int events, int redacted, long seq, String name, String problem, long detail) {
      return new Result(false, false, events, redacted, seq, name, problem, detail);
    }
  }

  public static Result check(String session, List<StoredEvent> events, Head head) {
    Set<Long> present = new HashSet<>();
    events.forEach(e -> present.add(e.seq()));
    RemovalGrounds grounds = RemovalGrounds.of(events);
    String previous = HashChain.GENESIS;
    long expected = 1;
    int redacted = 0;
    int count = events.size();
    for (StoredEvent e : events) {
      if (e.seq() != expected) {
        return present.contains(expected)
            ? Result.bad(count, redacted, expected, null, "out_of_order", e.seq())
            : Result.bad(count, redacted, expected, null, "missing", e.seq());
      }
      if (!session.equals(e.session())) {
        return Result.bad(count, redacted, e.seq(), e.name(), "other_session", 0);
      }
      if (e.isErased()) {
        redacted++;
        if (!grounds.justify(e)) {
          return Result.bad(count, redacted, e.seq(), e.name(), "redacted_without_removal", 0);
        }
      } else if (!HashChain.contentHash(session, e.seq(), e.at(), e.name(), e.data()).equals(e.contentHash())) {
        return Result.bad(count, redacted, e.seq(), e.name(), "content", 0);
      }
      if (e.contentHash() == null || !HashChain.link(previous, e.contentHash()).equals(e.hash())) {
        return Result.bad(count, redacted, e.seq(), e.name(), "link", 0);
      }
      previous = e.hash();
      expected++;
    }
    if (head == null) {
      return Result.ok(count, redacted, false);
    }
    long last = expected - 1;
    if (last < head.seq()) {
      return Result.bad(count, redacted, last + 1, null, "truncated", head.seq());
    }
    if (last > head.seq()) {
      StoredEvent beyond = events.get((int) head.seq());
      return Result.bad(count, redacted, beyond.seq(), beyond.name(), "beyond_head", head.seq());
    }
    if (!previous.equals(head.hash())) {
      StoredEvent lastEvent = events.get(events.size() - 1);
      return Result.bad(count, redacted, lastEvent.seq(), lastEvent.name(), "head_hash", head.seq());
    }
    return Result.ok(count, redacted, true);
  }
}
