package nl.dialoogtafel.live.hub;

import nl.dialoogtafel.dialogue.SessionEvent;
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
import nl.dialoogtafel.dialogue.SessionEvent.KioskViewSet;
import nl.dialoogtafel.dialogue.SessionEvent.PhaseClockSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.ModerationSet;
import nl.dialoogtafel.dialogue.SessionEvent.PostRestored;
import nl.dialoogtafel.dialogue.SessionEvent.PostSpotlighted;
import nl.dialoogtafel.dialogue.SessionEvent.PostWithdrawn;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.dialogue.SessionEvent.SessionClosed;
import nl.dialoogtafel.dialogue.SessionEvent.SessionLocked;
import nl.dialoogtafel.dialogue.SessionEvent.SessionReopened;
import nl.dialoogtafel.record.Redaction;

/**
 * What erasing a person (on their request) or withdrawing a post has to find in an event: whose
 * name the room sees in it, whose words it holds (those are erased in the store, see
 * {@link Redaction}), which post its words are about (they may quote it, so they go with it), and
 * whether it is itself the erasure of someone. One fold over the typed event, so a new event must say.
 */
public final class PersonErasure {

  /** The reason an erased event carries, and the {@code removed} of a post whose author was erased. */
  public static final String REASON = "erased";

  /**
   * What an event holds of people: {@code named} is shown by name in the room's copy,
   * {@code wroteBy} wrote its words, {@code about} is the post those words speak of (when they are
   * not the post itself), {@code erased} is the person this event erases; each may be null.
   */
  public record Traces(String named, String wroteBy, String about, String erased) {
    static final Traces NONE = new Traces(null, null, null, null);

    public boolean names(String participantId) {
      return participantId.equals(named);
    }

    public boolean wroteBy(String participantId) {
      return participantId.equals(wroteBy);
    }
  }

  private PersonErasure() {}

  /** The traces of people in one event. */
  public static Traces traces(SessionEvent event) {
    return event.accept(TRACES);
  }

  private static final SessionEvent.Cases<Traces> TRACES = new SessionEvent.Cases<>() {
    @Override
    public Traces on(ParticipantJoined e) {
      return new Traces(e.participant().id(), null, null, null);
    }

    @Override
    public Traces on(PostAdded e) {
      return new Traces(e.authorId(), e.authorId(), null, null);
    }

    @Override
    public Traces on(RecognitionAdded e) {
      // A recognition without a note holds no words that could quote the post.
      return new Traces(e.byId(), e.byId(), e.note() == null ? null : e.postId(), null);
    }

    @Override
    public Traces on(ParticipantErased e) {
      return new Traces(null, null, null, e.participantId());
    }

    /** Shows organisation and role only, which stay for the facts. */
    @Override
    public Traces on(ConnectionMade e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PhaseStarted e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PostWithdrawn e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PostHidden e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PostSpotlighted e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PostMarked e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(KioskViewSet e) {
      return Traces.NONE;
    }

    public Traces on(PhaseClockSet e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(SessionLocked e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(SessionReopened e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(SessionClosed e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(HarvestAdded e) {
      return Traces.NONE;
    }

    /** Private notes are not in the record; the contact store erases them by person. */
    @Override
    public Traces on(ContactRequested e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(ContactDeclined e) {
      return Traces.NONE;
    }

    /** Its words on the wire are the post's own, shown again (see RecordView); none are stored in it. */
    @Override
    public Traces on(PostRestored e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(ModerationSet e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PostQueued e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PostDeclined e) {
      return Traces.NONE;
    }

    @Override
    public Traces on(PostUnqueued e) {
      return Traces.NONE;
    }
  };
}
