package nl.dialoogtafel.dialogue;

import nl.dialoogtafel.dialogue.Command.AddPost;
import nl.dialoogtafel.dialogue.Command.Approve;
import nl.dialoogtafel.dialogue.Command.Decline;
import nl.dialoogtafel.dialogue.Command.SetModeration;
import nl.dialoogtafel.dialogue.Moderation.WaitingPost;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;

/** The rules of pre-moderation (extension), beside {@link Dialogue}: pure, no I/O. */
final class Moderating {

  private Moderating() {}

  static Decision set(SetModeration c, SessionState state) {
    if (state.status() == SessionStatus.CLOSED) {
      return Decision.reject(Rejection.of("session_closed", "session_closed"));
    }
    if (state.moderation().queue() == c.queue()) {
      return Decision.reject(Rejection.invalid("queue", c.queue() ? "queue_already_on" : "queue_already_off"));
    }
    return Decision.accept(new ModerationSet(c.queue()));
  }

  /** A post written while the queue is on waits; the phase is the one it was written in. */
  static Decision queue(AddPost c, Phase phase, SessionState state) {
    if (state.moderation().waiting().size() >= Moderation.MAX_WAITING) {
      return Decision.reject(Rejection.of("rate_limited", "queue_full"));
    }
    if (state.moderation().waiting().containsKey(c.postId()) || state.posts().containsKey(c.postId())) {
      return Decision.reject(Rejection.invalid("id", "post_exists"));
    }
    return Decision.accept(new PostQueued(c.postId(), c.kind(), c.title(), c.text(), phase.id(), c.authorId()));
  }

  /**
   * Approval puts the author's words on the wall and in the record as they were written, with the
   * phase they were written in — also when the queue was switched off meanwhile or the phase moved
   * on. Not in a locked or closed session: the wall is frozen then.
   */
  static Decision approve(Approve c, SessionState state) {
    Rejection frozen = frozen(state);
    if (frozen != null) {
      return Decision.reject(frozen);
    }
    WaitingPost post = state.moderation().waiting().get(c.postId());
    if (post == null) {
      return Decision.reject(Rejection.of("not_found", "waiting_not_found"));
    }
    return Decision.accept(new PostAdded(post.postId(), post.kind(), post.title(), post.text(), post.phaseId(),
        post.authorId()));
  }

  /** A decline is possible in every state but closed; the reason goes to the author only. */
  static Decision decline(Decline c, SessionState state) {
    if (state.status() == SessionStatus.CLOSED) {
      return Decision.reject(Rejection.of("session_closed", "session_closed"));
    }
    if (!state.moderation().waiting().containsKey(c.postId())) {
      return Decision.reject(Rejection.of("not_found", "waiting_not_found"));
    }
    return Decision.accept(new PostDeclined(c.postId(), c.reason()));
  }

  private static Rejection frozen(SessionState state) {
    return switch (state.status()) {
      case OPEN -> null;
      case LOCKED -> Rejection.of("session_locked", "session_locked");
      case CLOSED -> Rejection.of("session_closed", "session_closed");
    };
  }

  /** Whether deciding this command now yields a private event (the pipeline stores those apart). */
  static boolean isPrivate(Command command, SessionState state) {
    if (command instanceof Command.Decline) {
      return true;
    }
    if (command instanceof AddPost) {
      return state.moderation().queue();
    }
    if (command instanceof Command.Withdraw w) {
      return state.moderation().waiting().containsKey(w.postId());
    }
    return false;
  }
}
