package nl.dialoogtafel.dialogue;

import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * Pre-moderation (extension): whether new posts wait for the facilitator, and the posts waiting
 * now, by post id. A waiting post is private to its author and the facilitator; only an approval
 * puts its words in the public record. Immutable; the map is persistent.
 */
public record Moderation(boolean queue, PMap<String, WaitingPost> waiting) {

  /** At most this many posts wait at once in one session; a further post is refused until some are answered. */
  public static final int MAX_WAITING = 50;

  public static final Moderation OFF = new Moderation(false, HashTreePMap.empty());

  /** A post as its author wrote it, waiting: the phase is the one it was written in. */
  public record WaitingPost(String postId, PostKind kind, String title, String text, String phaseId, String authorId) {}

  Moderation withQueue(boolean on) {
    return new Moderation(on, waiting);
  }

  Moderation waiting(WaitingPost post) {
    return new Moderation(queue, waiting.plus(post.postId(), post));
  }

  /** Approved, declined or withdrawn: no longer waiting (a missing id changes nothing). */
  Moderation answered(String postId) {
    return new Moderation(queue, waiting.minus(postId));
  }
}
