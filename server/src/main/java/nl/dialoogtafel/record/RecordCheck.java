package nl.dialoogtafel.record;

import io.vertx.core.json.JsonObject;
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
 * event of the same record withdrew or hid, so redaction cannot be used to mask a change.
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

  /**
   * Words may only be missing where the record itself says why: the post was withdrawn or hidden,
   * or its author (or the one who recognised it) was erased on request.
   */
  private static boolean redactionJustified(StoredEvent e, Set<String> removedPosts, Set<String> erasedPeople) {
    JsonObject d = e.data() == null ? new JsonObject() : e.data();
    if ("post.added".equals(e.name()) && d.getJsonObject("post") != null) {
      JsonObject post = d.getJsonObject("post");
      JsonObject author = post.getJsonObject("author");
      return removedPosts.contains(post.getString("id"))
          || (author != null && erasedPeople.contains(author.getString("id")));
    }
    if ("recognition.added".equals(e.name()) && d.getJsonObject("by") != null) {
      return erasedPeople.contains(d.getJsonObject("by").getString("id"));
    }
    return false;
  }

  public static Result check(String session, List<StoredEvent> events, Head head) {
    Set<Long> present = new HashSet<>();
    Set<String> removedPosts = new HashSet<>();
    Set<String> erasedPeople = new HashSet<>();
    for (StoredEvent e : events) {
      present.add(e.seq());
      if ((e.name().equals("post.withdrawn") || e.name().equals("post.hidden")) && e.data() != null) {
        removedPosts.add(e.data().getString("post"));
      }
      if (e.name().equals("participant.erased") && e.data() != null && e.data().getJsonObject("participant") != null) {
        erasedPeople.add(e.data().getJsonObject("participant").getString("id"));
      }
    }
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
        if (!redactionJustified(e, removedPosts, erasedPeople)) {
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
