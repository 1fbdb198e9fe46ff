package nl.dialoogtafel.dialogue;

/**
 * What happened in a session. Public events form the session record (numbered, hash-chained,
 * seen by everyone in the room); private ones concern two people and are kept apart.
 */
public sealed interface SessionEvent {

  /** The event's name on the wire and in the record. */
  String name();

  default boolean isPublic() {
    return true;
  }

  /** Folds this event into whatever the given cases compute: the one way to branch on an event. */
  <R> R accept(Cases<R> cases);

  /**
   * One case per event. Every fold over events implements this, so adding an event adds a method
   * here and the compiler names every fold that does not handle it yet (Java 17 has no exhaustive
   * pattern switch).
   */
  interface Cases<R> {
    R on(ParticipantJoined e);

    R on(PhaseStarted e);

    R on(PostAdded e);

    R on(PostWithdrawn e);

    R on(PostHidden e);

    R on(PostSpotlighted e);

    R on(RecognitionAdded e);

    R on(ConnectionMade e);

    R on(SessionLocked e);

    R on(SessionReopened e);

    R on(SessionClosed e);

    R on(HarvestAdded e);

    R on(ParticipantErased e);

    R on(PostMarked e);

    R on(KioskViewSet e);
    R on(PhaseClockSet e);

    R on(ContactRequested e);

    R on(ContactDeclined e);

    R on(PostRestored e);

    R on(ModerationSet e);

    R on(PostQueued e);

    R on(PostDeclined e);

    R on(PostUnqueued e);
  }

  record ParticipantJoined(Participant participant) implements SessionEvent {
    public String name() {
      return "participant.joined";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record PhaseStarted(Phase phase) implements SessionEvent {
    public String name() {
      return "phase.started";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record PostAdded(String postId, PostKind kind, String title, String text, String phaseId, String authorId)
      implements SessionEvent {
    public String name() {
      return "post.added";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record PostWithdrawn(String postId) implements SessionEvent {
    public String name() {
      return "post.withdrawn";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record PostHidden(String postId, String reason) implements SessionEvent {
    public String name() {
      return "post.hidden";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record PostSpotlighted(String postId) implements SessionEvent {
    public String name() {
      return "post.spotlighted";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record RecognitionAdded(String postId, String byId, String note) implements SessionEvent {
    public String name() {
      return "recognition.added";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Public: the room sees that two organisations found each other, never how to reach them. */
  record ConnectionMade(String requestId, String requesterId, String accepterId) implements SessionEvent {
    public String name() {
      return "connection.made";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record SessionLocked() implements SessionEvent {
    public String name() {
      return "session.locked";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record SessionReopened() implements SessionEvent {
    public String name() {
      return "session.reopened";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  record SessionClosed() implements SessionEvent {
    public String name() {
      return "session.closed";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Extension: the harvest and agreements added at closing; the archive shows the latest. */
  record HarvestAdded(String harvest, String agreements) implements SessionEvent {
    public String name() {
      return "harvest.added";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Extension: someone's details and words were erased; the record keeps that it happened. */
  record ParticipantErased(String participantId) implements SessionEvent {
    public String name() {
      return "participant.erased";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Extension: a story marked (or unmarked) as telling by the facilitator. */
  record PostMarked(String postId, boolean telling) implements SessionEvent {
    public String name() {
      return "post.marked";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Extension: what the facilitator has the projector show; the archive's record leaves it out. */
  record KioskViewSet(KioskView view) implements SessionEvent {
    public String name() {
      return "kiosk.view";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /**
   * Extension: the facilitator set the current phase's clock ({@code action} {@code started},
   * {@code paused}, {@code resumed}, {@code extended} by {@code minutes}, or {@code restarted}):
   * {@code left} seconds remain at the event's time and it runs on or not. Each one holds the
   * whole clock, so a screen needs only the latest.
   */
  record PhaseClockSet(String phaseId, String action, Integer minutes, long left, boolean running)
      implements SessionEvent {
    public String name() {
      return "phase.clock";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Private: only the asked person learns of the request. */
  record ContactRequested(String requestId, String fromId, String toId, String note) implements SessionEvent {
    public String name() {
      return "contact.requested";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }

    public boolean isPublic() {
      return false;
    }
  }

  /** Private: only the requester learns of the refusal. */
  record ContactDeclined(String requestId) implements SessionEvent {
    public String name() {
      return "contact.declined";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }

    public boolean isPublic() {
      return false;
    }
  }

  /** Extension: the facilitator undid a hide; the post is back on the wall with its recognitions. */
  record PostRestored(String postId) implements SessionEvent {
    public String name() {
      return "post.restored";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Extension: pre-moderation switched on or off; while on, new posts wait for the facilitator. */
  record ModerationSet(boolean queue) implements SessionEvent {
    public String name() {
      return "moderation.set";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }
  }

  /** Private (extension): a post waits for the facilitator; only its author and the facilitator see it. */
  record PostQueued(String postId, PostKind kind, String title, String text, String phaseId, String authorId)
      implements SessionEvent {
    public String name() {
      return "post.queued";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }

    public boolean isPublic() {
      return false;
    }
  }

  /** Private (extension): the facilitator did not let a waiting post through; only its author learns why. */
  record PostDeclined(String postId, String reason) implements SessionEvent {
    public String name() {
      return "post.declined";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }

    public boolean isPublic() {
      return false;
    }
  }

  /** Private (extension): the author took back a post that was still waiting. */
  record PostUnqueued(String postId) implements SessionEvent {
    public String name() {
      return "post.unqueued";
    }

    public <R> R accept(Cases<R> cases) {
      return cases.on(this);
    }

    public boolean isPublic() {
      return false;
    }
  }
}
