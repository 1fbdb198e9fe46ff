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

  record ParticipantJoined(Participant participant) implements SessionEvent {
    public String name() {
      return "participant.joined";
    }
  }

  record PhaseStarted(Phase phase) implements SessionEvent {
    public String name() {
      return "phase.started";
    }
  }

  record PostAdded(String postId, PostKind kind, String title, String text, String phaseId, String authorId)
      implements SessionEvent {
    public String name() {
      return "post.added";
    }
  }

  record PostWithdrawn(String postId) implements SessionEvent {
    public String name() {
      return "post.withdrawn";
    }
  }

  record PostHidden(String postId, String reason) implements SessionEvent {
    public String name() {
      return "post.hidden";
    }
  }

  record PostSpotlighted(String postId) implements SessionEvent {
    public String name() {
      return "post.spotlighted";
    }
  }

  record RecognitionAdded(String postId, String byId, String note) implements SessionEvent {
    public String name() {
      return "recognition.added";
    }
  }

  /** Public: the room sees that two organisations found each other, never how to reach them. */
  record ConnectionMade(String requestId, String requesterId, String accepterId) implements SessionEvent {
    public String name() {
      return "connection.made";
    }
  }

  record SessionLocked() implements SessionEvent {
    public String name() {
      return "session.locked";
    }
  }

  record SessionReopened() implements SessionEvent {
    public String name() {
      return "session.reopened";
    }
  }

  record SessionClosed() implements SessionEvent {
    public String name() {
      return "session.closed";
    }
  }

  /** Extension: the harvest and agreements added at closing; the archive shows the latest. */
  record HarvestAdded(String harvest, String agreements) implements SessionEvent {
    public String name() {
      return "harvest.added";
    }
  }

  /** Extension: someone's details and words were erased; the record keeps that it happened. */
  record ParticipantErased(String participantId) implements SessionEvent {
    public String name() {
      return "participant.erased";
    }
  }

  /** Extension: a story marked (or unmarked) as telling by the facilitator. */
  record PostMarked(String postId, boolean telling) implements SessionEvent {
    public String name() {
      return "post.marked";
    }
  }

  /** Private: only the asked person learns of the request. */
  record ContactRequested(String requestId, String fromId, String toId, String note) implements SessionEvent {
    public String name() {
      return "contact.requested";
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

    public boolean isPublic() {
      return false;
    }
  }
}
