package nl.dialoogtafel.live.hub;

import java.util.function.Supplier;
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
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.Quotation;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.ContactStore;

/**
 * What a durable public event sets going besides being shown: words leave the room's copy and
 * the store, an accepted contact's cards go to both people, an erased person's phones are let go.
 * (The record's head is the {@link HeadWriter}'s.) One case per event, so a new one must say.
 */
final class AfterEffects {

  private final Supplier<SessionState> state;
  private final RecordView view;
  private final ContactMail mail;
  private final ContactStore contacts;
  private final Erasures erasures;
  private final Room room;

  AfterEffects(Supplier<SessionState> state, RecordView view, ContactMail mail, ContactStore contacts,
      Erasures erasures, Room room) {
    this.state = state;
    this.view = view;
    this.mail = mail;
    this.contacts = contacts;
    this.erasures = erasures;
    this.room = room;
  }

  void follow(Recorded recorded) {
    recorded.event().accept(new Cases(recorded.stored()));
  }

  private final class Cases implements SessionEvent.Cases<Void> {

    private final StoredEvent stored;

    Cases(StoredEvent stored) {
      this.stored = stored;
    }

    @Override
    public Void on(PostWithdrawn e) {
      view.rerenderPost(e.postId(), state.get());
      mail.forgetQuoting(view.quotationOf(e.postId()));
      erasures.withdrawn(view, e.postId());
      return null;
    }

    @Override
    public Void on(PostHidden e) {
      // Only the room's copy loses the words (and the notes about them); the store keeps them.
      view.rerenderPost(e.postId(), state.get());
      return null;
    }

    @Override
    public Void on(ConnectionMade e) {
      ContactNote note = mail.settleAccepted(e, stored);
      if (note != null) {
        contacts.answer(note);
        mail.deliverAnswer(note);
      }
      return null;
    }

    /**
     * A person asked to be erased: their name and words leave the room's copy of the record and
     * the store, their phones are let go, and the store file is rewritten so no old copy remains.
     */
    @Override
    public Void on(ParticipantErased e) {
      var toErase = view.forget(e.participantId(), state.get());
      Quotation quoted = Quotation.of(view.postsBy(e.participantId()));
      mail.forget(e.participantId());
      mail.forgetQuoting(quoted);
      room.letGo(e.participantId());
      erasures.person(e.participantId(), stored.at(), toErase, quoted);
      return null;
    }

    @Override
    public Void on(ParticipantJoined e) {
      return null;
    }

    @Override
    public Void on(PhaseStarted e) {
      return null;
    }

    @Override
    public Void on(PostAdded e) {
      return null;
    }

    @Override
    public Void on(PostSpotlighted e) {
      return null;
    }

    @Override
    public Void on(RecognitionAdded e) {
      return null;
    }

    @Override
    public Void on(SessionLocked e) {
      return null;
    }

    @Override
    public Void on(SessionReopened e) {
      return null;
    }

    @Override
    public Void on(SessionClosed e) {
      return null;
    }

    @Override
    public Void on(HarvestAdded e) {
      return null;
    }

    @Override
    public Void on(PostMarked e) {
      return null;
    }

    @Override
    public Void on(KioskViewSet e) {
      return null;
    }

    public Void on(PhaseClockSet e) {
      return null;
    }

    /** Private events are delivered by the {@link ContactMail}, never published. */
    @Override
    public Void on(ContactRequested e) {
      return null;
    }

    @Override
    public Void on(ContactDeclined e) {
      return null;
    }

    /** The post's event and the notes on it are shown with their words again (the store kept them). */
    @Override
    public Void on(PostRestored e) {
      view.rerenderPost(e.postId(), state.get());
      return null;
    }

    @Override
    public Void on(ModerationSet e) {
      return null;
    }

    @Override
    public Void on(PostQueued e) {
      return null;
    }

    @Override
    public Void on(PostDeclined e) {
      return null;
    }

    @Override
    public Void on(PostUnqueued e) {
      return null;
    }
  }
}
