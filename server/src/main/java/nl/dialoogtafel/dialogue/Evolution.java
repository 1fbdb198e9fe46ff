package nl.dialoogtafel.dialogue;

import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.HarvestAdded;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantErased;
import nl.dialoogtafel.dialogue.SessionEvent.ParticipantJoined;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseClockSet;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseStarted;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.PostHidden;
import nl.dialoogtafel.dialogue.SessionEvent.PostMarked;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.Moderation.WaitingPost;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;
import nl.dialoogtafel.dialogue.SessionEvent.KioskViewSet;

/**
 * What one event does to the state, before {@link Dialogue#evolve} counts it. One case per event,
 * so a new event does not compile until it says what it changes (even if that is nothing).
 */
final class Evolution implements SessionEvent.Cases<SessionState> {

  private final SessionState state;

  Evolution(SessionState state) {
    this.state = state;
  }

  @Override
  public SessionState on(ParticipantJoined e) {
    return state.withParticipant(e.participant());
  }

  @Override
  public SessionState on(PhaseStarted e) {
    return state.withPhase(e.phase().id());
  }

  @Override
  public SessionState on(PostAdded e) {
    // An approved post leaves the queue as it reaches the wall.
    return state.withPost(PostState.added(e.postId(), e.kind(), e.authorId(), e.phaseId()))
        .withModeration(state.moderation().answered(e.postId()));
  }

  @Override
  public SessionState on(PostWithdrawn e) {
    return state.withPost(state.posts().get(e.postId()).withdraw());
  }

  @Override
  public SessionState on(PostHidden e) {
    return state.withPost(state.posts().get(e.postId()).hide());
  }

  /** The spotlight is the screens' business; the rules do not depend on it. */
  @Override
  public SessionState on(PostSpotlighted e) {
    return state;
  }

  @Override
  public SessionState on(RecognitionAdded e) {
    return state.withPost(state.posts().get(e.postId()).recognizedBy(e.byId()));
  }

  @Override
  public SessionState on(ConnectionMade e) {
    ContactRequest request = state.requests().get(e.requestId());
    SessionState connected = state.withConnection(e.requesterId(), e.accepterId());
    return request == null ? connected : connected.withRequest(request.with(ContactRequest.Status.ACCEPTED));
  }

  @Override
  public SessionState on(SessionLocked e) {
    return state.withStatus(SessionStatus.LOCKED);
  }

  @Override
  public SessionState on(SessionReopened e) {
    return state.withStatus(SessionStatus.OPEN);
  }

  @Override
  public SessionState on(SessionClosed e) {
    return state.withStatus(SessionStatus.CLOSED);
  }

  /** The harvest is for the archive; no rule reads it. */
  @Override
  public SessionState on(HarvestAdded e) {
    return state;
  }

  @Override
  public SessionState on(ParticipantErased e) {
    Moderation without = state.moderation();
    for (WaitingPost post : without.waiting().values()) {
      if (post.authorId().equals(e.participantId())) {
        without = without.answered(post.postId());
      }
    }
    return state.withErased(e.participantId()).withModeration(without);
  }

  @Override
  public SessionState on(PostMarked e) {
    return state.withPost(state.posts().get(e.postId()).markTelling(e.telling()));
  }

  @Override
  public SessionState on(ContactRequested e) {
    return state.withRequest(new ContactRequest(e.requestId(), e.fromId(), e.toId(), ContactRequest.Status.PENDING));
  }

  @Override
  public SessionState on(ContactDeclined e) {
    return state.withRequest(state.requests().get(e.requestId()).with(ContactRequest.Status.DECLINED));
  }

  /** What the projector shows is the screens' business; no rule reads it. */
  @Override
  public SessionState on(KioskViewSet e) {
    return state;
  }

  /** The clock is timed, and time lives in the record's envelope: see {@link PhaseClock}. */
  @Override
  public SessionState on(PhaseClockSet e) {
    return state;
  }

  @Override
  public SessionState on(PostRestored e) {
    return state.withPost(state.posts().get(e.postId()).restore());
  }

  @Override
  public SessionState on(ModerationSet e) {
    return state.withModeration(state.moderation().withQueue(e.queue()));
  }

  @Override
  public SessionState on(PostQueued e) {
    return state.withModeration(state.moderation().waiting(
        new WaitingPost(e.postId(), e.kind(), e.title(), e.text(), e.phaseId(), e.authorId())));
  }

  @Override
  public SessionState on(PostDeclined e) {
    return state.withModeration(state.moderation().answered(e.postId()));
  }

  @Override
  public SessionState on(PostUnqueued e) {
    return state.withModeration(state.moderation().answered(e.postId()));
  }
}
