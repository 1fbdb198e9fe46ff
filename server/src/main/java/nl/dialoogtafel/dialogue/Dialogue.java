package nl.dialoogtafel.dialogue;

import java.util.List;
import nl.dialoogtafel.dialogue.Command.AcceptContact;
import nl.dialoogtafel.dialogue.Command.AddHarvest;
import nl.dialoogtafel.dialogue.Command.AddPost;
import nl.dialoogtafel.dialogue.Command.Close;
import nl.dialoogtafel.dialogue.Command.EraseParticipant;
import nl.dialoogtafel.dialogue.Command.DeclineContact;
import nl.dialoogtafel.dialogue.Command.Hide;
import nl.dialoogtafel.dialogue.Command.Join;
import nl.dialoogtafel.dialogue.Command.Lock;
import nl.dialoogtafel.dialogue.Command.MarkTelling;
import nl.dialoogtafel.dialogue.Command.Recognize;
import nl.dialoogtafel.dialogue.Command.Reopen;
import nl.dialoogtafel.dialogue.Command.Approve;
import nl.dialoogtafel.dialogue.Command.Decline;
import nl.dialoogtafel.dialogue.Command.SetModeration;
import nl.dialoogtafel.dialogue.Moderation.WaitingPost;
import nl.dialoogtafel.dialogue.Command.Restore;
import nl.dialoogtafel.dialogue.Command.RequestContact;
import nl.dialoogtafel.dialogue.Command.Spotlight;
import nl.dialoogtafel.dialogue.Command.StartPhase;
import nl.dialoogtafel.dialogue.Command.Withdraw;
import nl.dialoogtafel.dialogue.Command.SetKioskView;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.HarvestAdded;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostMarked;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;
import nl.dialoogtafel.dialogue.SessionEvent.KioskViewSet;

/**
 * The rules of a dialogue session as two pure functions: {@link #decide} turns a command into
 * events or a rejection; {@link #evolve} folds an event into the state. No I/O, no clock.
 */
public final class Dialogue {

  private Dialogue() {}

  public static SessionState fold(SessionState state, List<SessionEvent> events) {
    SessionState current = state;
    for (SessionEvent event : events) {
      current = evolve(current, event);
    }
    return current;
  }

  public static SessionState evolve(SessionState state, SessionEvent event) {
    SessionState next = event.accept(new Evolution(state));
    return event.isPublic() ? next.withSeq(next.seq() + 1) : next;
  }

  /**
   * Whether this command, decided against this state, yields a private event: contact requests and
   * refusals, and (pre-moderation) a waiting post, its decline and its withdrawal.
   */
  public static boolean isPrivate(Command command, SessionState state) {
    return command instanceof Command.RequestContact || command instanceof Command.DeclineContact
        || Moderating.isPrivate(command, state);
  }

  public static Decision decide(Command command, SessionState state) {
    if (command instanceof Join c) {
      return state.status() == SessionStatus.CLOSED
          ? Decision.reject(Rejection.of("session_closed", "session_closed"))
          : Decision.accept(new ParticipantJoined(c.participant()));
    } else if (command instanceof StartPhase c) {
      return startPhase(c, state);
    } else if (command instanceof AddPost c) {
      return addPost(c, state);
    } else if (command instanceof Withdraw c) {
      return withdraw(c, state);
    } else if (command instanceof Hide c) {
      return moderate(state, c.postId(), new PostHidden(c.postId(), c.reason()));
    } else if (command instanceof Spotlight c) {
      return moderate(state, c.postId(), new PostSpotlighted(c.postId()));
    } else if (command instanceof Recognize c) {
      return recognize(c, state);
    } else if (command instanceof RequestContact c) {
      return requestContact(c, state);
    } else if (command instanceof AcceptContact c) {
      return answerContact(c.byId(), c.requestId(), state, true);
    } else if (command instanceof DeclineContact c) {
      return answerContact(c.byId(), c.requestId(), state, false);
    } else if (command instanceof Lock) {
      return state.status() == SessionStatus.OPEN
          ? Decision.accept(new SessionLocked())
          : Decision.reject(closedOr(state, "not_open"));
    } else if (command instanceof Reopen) {
      return state.status() == SessionStatus.LOCKED
          ? Decision.accept(new SessionReopened())
          : Decision.reject(closedOr(state, "not_locked"));
    } else if (command instanceof Close) {
      return state.status() == SessionStatus.CLOSED
          ? Decision.reject(Rejection.of("session_closed", "session_closed"))
          : Decision.accept(new SessionClosed());
    } else if (command instanceof AddHarvest c) {
      // Any state: the facilitator often writes the harvest after the room has emptied.
      return Decision.accept(new HarvestAdded(c.harvest(), c.agreements()));
    } else if (command instanceof MarkTelling c) {
      return markTelling(c, state);
    } else if (command instanceof Command.SetClock c) {
      return ClockRules.decide(c, state);
    } else if (command instanceof SetModeration c) {
      return Moderating.set(c, state);
    } else if (command instanceof Approve c) {
      return Moderating.approve(c, state);
    } else if (command instanceof Decline c) {
      return Moderating.decline(c, state);
    } else if (command instanceof Restore c) {
      return restore(c, state);
    } else if (command instanceof EraseParticipant c) {
      // Any state: a person may ask long after the session to be taken out of it.
      return !state.participants().containsKey(c.participantId()) || state.isErased(c.participantId())
          ? Decision.reject(Rejection.of("not_found", "participant_not_found"))
          : Decision.accept(new ParticipantErased(c.participantId()));
    } else if (command instanceof SetKioskView c) {
      return kioskView(c, state);
    }
    throw new IllegalArgumentException("unknown command " + command);
  }

  /** Posting and recognising need an open session; a locked wall is frozen. */
  private static Rejection writable(SessionState state) {
    return switch (state.status()) {
      case OPEN -> null;
      case LOCKED -> Rejection.of("session_locked", "session_locked");
      case CLOSED -> Rejection.of("session_closed", "session_closed");
    };
  }

  private static Rejection closedOr(SessionState state, String reason) {
    return state.status() == SessionStatus.CLOSED
        ? Rejection.of("session_closed", "session_closed")
        : Rejection.of("invalid", reason);
  }

  private static Decision startPhase(StartPhase c, SessionState state) {
    if (state.status() == SessionStatus.CLOSED) {
      return Decision.reject(Rejection.of("session_closed", "session_closed"));
    }
    return state.phase(c.phaseId())
        .map(phase -> phase.id().equals(state.phaseId())
            ? Decision.reject(Rejection.invalid("phase", "phase_current"))
            : Decision.accept(new PhaseStarted(phase)))
        .orElseGet(() -> Decision.reject(Rejection.invalid("phase", "phase_unknown")));
  }

  private static Decision addPost(AddPost c, SessionState state) {
    Rejection closed = writable(state);
    if (closed != null) {
      return Decision.reject(closed);
    }
    Phase phase = state.currentPhase().orElse(null);
    if (phase == null || !phase.allows(c.kind())) {
      return Decision.reject(Rejection.invalid("kind", "kind_not_in_phase"));
    }
    if (state.moderation().queue()) {
      return Moderating.queue(c, phase, state);
    }
    return Decision.accept(new PostAdded(c.postId(), c.kind(), c.title(), c.text(), phase.id(), c.authorId()));
  }

  private static Decision withdraw(Withdraw c, SessionState state) {
    WaitingPost waiting = state.moderation().waiting().get(c.postId());
    if (waiting != null) {
      return waiting.authorId().equals(c.byId())
          ? Decision.accept(new PostUnqueued(c.postId()))
          : Decision.reject(Rejection.of("forbidden", "not_your_post"));
    }
    PostState post = state.posts().get(c.postId());
    if (post == null || post.withdrawn()) {
      return Decision.reject(Rejection.of("not_found", "post_not_found"));
    }
    if (!post.authorId().equals(c.byId())) {
      return Decision.reject(Rejection.of("forbidden", "not_your_post"));
    }
    // Privacy wins over a locked or closed wall: an author may always take back their words.
    return Decision.accept(new PostWithdrawn(c.postId()));
  }

  private static Decision moderate(SessionState state, String postId, SessionEvent event) {
    if (state.status() == SessionStatus.CLOSED) {
      return Decision.reject(Rejection.of("session_closed", "session_closed"));
    }
    PostState post = state.posts().get(postId);
    if (post == null || !post.visible()) {
      return Decision.reject(Rejection.of("not_found", "post_not_found"));
    }
    return Decision.accept(event);
  }

  /**
   * Only a hidden post comes back: a withdrawn post (or one whose author was erased) lost its words
   * on request, and that is never undone. Like a hide, not after closing.
   */
  private static Decision restore(Restore c, SessionState state) {
    if (state.status() == SessionStatus.CLOSED) {
      return Decision.reject(Rejection.of("session_closed", "session_closed"));
    }
    PostState post = state.posts().get(c.postId());
    if (post == null) {
      return Decision.reject(Rejection.of("not_found", "post_not_found"));
    }
    if (post.withdrawn() || state.isErased(post.authorId())) {
      return Decision.reject(Rejection.of("conflict", "post_not_restorable"));
    }
    if (!post.hidden()) {
      return Decision.reject(Rejection.of("conflict", "post_not_hidden"));
    }
    return Decision.accept(new PostRestored(c.postId()));
  }

  /** Allowed after closing too: choosing the telling stories is part of writing the account. */
  private static Decision markTelling(MarkTelling c, SessionState state) {
    PostState post = state.posts().get(c.postId());
    if (post == null || !post.visible()) {
      return Decision.reject(Rejection.of("not_found", "post_not_found"));
    }
    if (post.telling() == c.telling()) {
      return Decision.reject(Rejection.invalid("telling", c.telling() ? "already_telling" : "not_telling"));
    }
    return Decision.accept(new PostMarked(c.postId(), c.telling()));
  }

  private static Decision recognize(Recognize c, SessionState state) {
    Rejection closed = writable(state);
    if (closed != null) {
      return Decision.reject(closed);
    }
    PostState post = state.posts().get(c.postId());
    if (post == null || !post.visible()) {
      return Decision.reject(Rejection.of("not_found", "post_not_found"));
    }
    if (post.authorId().equals(c.byId())) {
      return Decision.reject(Rejection.invalid("post", "own_post"));
    }
    if (post.recognizedBy().contains(c.byId())) {
      return Decision.reject(Rejection.invalid("post", "already_recognized"));
    }
    return Decision.accept(new RecognitionAdded(c.postId(), c.byId(), c.note()));
  }

  private static Decision requestContact(RequestContact c, SessionState state) {
    if (state.status() == SessionStatus.CLOSED) {
      return Decision.reject(Rejection.of("session_closed", "session_closed"));
    }
    if (!state.participants().containsKey(c.toId())) {
      return Decision.reject(Rejection.of("not_found", "participant_not_found"));
    }
    if (c.toId().equals(c.fromId())) {
      return Decision.reject(Rejection.invalid("to", "contact_self"));
    }
    if (state.connected(c.fromId(), c.toId())) {
      return Decision.reject(Rejection.invalid("to", "already_connected"));
    }
    boolean pending = state.requests().values().stream()
        .anyMatch(r -> r.status() == ContactRequest.Status.PENDING
            && r.fromId().equals(c.fromId()) && r.toId().equals(c.toId()));
    if (pending) {
      return Decision.reject(Rejection.invalid("to", "request_pending"));
    }
    return Decision.accept(new ContactRequested(c.requestId(), c.fromId(), c.toId(), c.note()));
  }

  private static Decision answerContact(String byId, String requestId, SessionState state, boolean accept) {
    if (state.status() == SessionStatus.CLOSED) {
      return Decision.reject(Rejection.of("session_closed", "session_closed"));
    }
    ContactRequest request = state.requests().get(requestId);
    if (request == null || !request.toId().equals(byId)) {
      return Decision.reject(Rejection.of("not_found", "request_not_found"));
    }
    if (request.status() != ContactRequest.Status.PENDING) {
      return Decision.reject(Rejection.invalid("request", "request_answered"));
    }
    return accept
        ? Decision.accept(new ConnectionMade(request.id(), request.fromId(), request.toId()))
        : Decision.accept(new ContactDeclined(request.id()));
  }

  /**
   * Any state: the closing totals are shown after closing too. A post shown full-screen must be on
   * the wall; any visible post will do, not only the spotlighted one.
   */
  private static Decision kioskView(SetKioskView c, SessionState state) {
    String postId = c.view().post();
    if (postId != null) {
      PostState post = state.posts().get(postId);
      if (post == null || !post.visible()) {
        return Decision.reject(Rejection.of("not_found", "post_not_found"));
      }
    }
    return Decision.accept(new KioskViewSet(c.view()));
  }
}
