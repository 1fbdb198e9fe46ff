package nl.dialoogtafel.live.hub;

import java.util.Map;
import nl.dialoogtafel.dialogue.Dialogue;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionEvent.ContactDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.ContactRequested;
import nl.dialoogtafel.dialogue.SessionEvent.PostDeclined;
import nl.dialoogtafel.dialogue.SessionEvent.PostQueued;
import nl.dialoogtafel.dialogue.SessionEvent.PostUnqueued;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.WaitingNote;

/**
 * In a cluster, folds the notes beside the record that a node learns of late — a contact request or
 * a waiting post heard from the session's owner, or read from the store when the node takes the
 * session over or welcomes a phone — into what it knows: the state the rules read, the mails that
 * make the private messages, the receipts that answer a re-sent command. A note may come more than
 * once and in any order: a status only moves on (pending to answered, waiting to answered), and a
 * delivered flag only from false to true, so a message another node delivered is not sent again.
 * Part of one {@link CommandPipeline}, on its event loop.
 */
final class LateNotes {

  /** The state after a note, and whether its status is news here (its private message may be due). */
  record Folded(SessionState state, boolean news) {}

  private final ContactMail mail;
  private final QueueMail queueMail;
  private final Map<String, Long> receipts;

  LateNotes(ContactMail mail, QueueMail queueMail, Map<String, Long> receipts) {
    this.mail = mail;
    this.queueMail = queueMail;
    this.receipts = receipts;
  }

  Folded contact(SessionState state, ContactNote incoming) {
    receipts.put(incoming.requestKey(), incoming.requestSeq());
    if (ContactNote.DECLINED.equals(incoming.status()) && incoming.answerKey() != null) {
      receipts.put(incoming.answerKey(), incoming.answerSeq());
    }
    ContactNote known = mail.note(incoming.id());
    if (known == null) {
      SessionState next = state;
      // An accepted request is settled by its connection event, which the record brings.
      if (!ContactNote.ACCEPTED.equals(incoming.status()) && !state.requests().containsKey(incoming.id())) {
        next = Dialogue.evolve(next, new ContactRequested(incoming.id(), incoming.from(), incoming.to(),
            incoming.note()));
        if (ContactNote.DECLINED.equals(incoming.status())) {
          next = Dialogue.evolve(next, new ContactDeclined(incoming.id()));
        }
      }
      mail.keep(incoming);
      return new Folded(next, true);
    }
    // An acceptance is left to the connection event (it settles the note and sends the cards).
    boolean declined = ContactNote.PENDING.equals(known.status()) && ContactNote.DECLINED.equals(incoming.status());
    mail.keep(merged(declined ? incoming : known, known, incoming));
    return new Folded(declined ? Dialogue.evolve(state, new ContactDeclined(incoming.id())) : state, declined);
  }

  /** The owner knows every note; another node may have delivered one of its messages meanwhile. */
  void contactFlags(ContactNote incoming) {
    ContactNote known = mail.note(incoming.id());
    if (known != null) {
      mail.keep(merged(known, known, incoming));
    }
  }

  /** {@code base}'s status, the flags of both, and no words when either lost them (an erasure). */
  private static ContactNote merged(ContactNote base, ContactNote known, ContactNote incoming) {
    return new ContactNote(base.id(), base.session(), base.from(), base.to(),
        known.note() == null || incoming.note() == null ? null : base.note(), base.requestKey(), base.requestSeq(),
        base.status(), base.answerKey(), base.answerSeq(),
        known.requestDelivered() || incoming.requestDelivered(),
        known.answerDeliveredToRequester() || incoming.answerDeliveredToRequester(),
        known.answerDeliveredToAccepter() || incoming.answerDeliveredToAccepter());
  }

  Folded waiting(SessionState state, WaitingNote incoming) {
    receipts.put(incoming.key(), incoming.seq());
    if (incoming.answerKey() != null) {
      receipts.put(incoming.answerKey(), incoming.answerSeq());
    }
    WaitingNote known = queueMail.note(incoming.post());
    boolean waiting = WaitingNote.WAITING.equals(incoming.status());
    if (known == null) {
      if (waiting && state.posts().containsKey(incoming.post())) {
        // Approved already: its post.added is in the record here.
        queueMail.keep(incoming.answered(WaitingNote.APPROVED, null, null, 0));
        return new Folded(state, false);
      }
      queueMail.keep(incoming);
      if (waiting && !state.isErased(incoming.author())) {
        return new Folded(Dialogue.evolve(state, new PostQueued(incoming.post(),
            PostKind.fromWire(incoming.kind()).orElseThrow(), incoming.title(), incoming.text(), incoming.phase(),
            incoming.author())), true);
      }
      return new Folded(state, !waiting);
    }
    if (WaitingNote.WAITING.equals(known.status()) && !waiting) {
      SessionState next = state;
      if (state.moderation().waiting().containsKey(incoming.post())) {
        // An approval leaves the queue with its post.added, which the record brings.
        if (WaitingNote.DECLINED.equals(incoming.status())) {
          next = Dialogue.evolve(state, new PostDeclined(incoming.post(), incoming.reason()));
        } else if (WaitingNote.WITHDRAWN.equals(incoming.status())) {
          next = Dialogue.evolve(state, new PostUnqueued(incoming.post()));
        }
      }
      queueMail.keep(incoming);
      return new Folded(next, !WaitingNote.APPROVED.equals(incoming.status()));
    }
    if (incoming.delivered() && !known.delivered()) {
      queueMail.keep(known.asDelivered());
    }
    return new Folded(state, false);
  }
}
