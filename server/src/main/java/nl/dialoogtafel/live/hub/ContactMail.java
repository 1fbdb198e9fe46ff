package nl.dialoogtafel.live.hub;

import nl.dialoogtafel.storage.Stores;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.SessionEvent.ConnectionMade;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.Quotation;
import nl.dialoogtafel.record.StoredEvent;

/**
 * A session's contact notes and the private messages made from them: a request to the asked
 * person, the refusal to the requester, each other's card to both. A message counts as
 * delivered once written to one of the person's sockets; until then it is sent after their
 * next welcome. Part of one {@link SessionHub}, on its event loop.
 */
final class ContactMail {

  private final Stores stores;
  private final Supplier<SessionState> state;
  private final Function<String, Set<Connection>> socketsOf;
  private final Map<String, ContactNote> notes = new LinkedHashMap<>();
  /**
   * Messages written to a socket but not yet flushed, as note id and flag: not sent again meanwhile
   * (in a cluster a welcome waits for the store, so a live delivery can fall in between).
   */
  private final Set<String> sending = new HashSet<>();

  ContactMail(Stores stores, Supplier<SessionState> state, Function<String, Set<Connection>> socketsOf) {
    this.stores = stores;
    this.state = state;
    this.socketsOf = socketsOf;
  }

  ContactNote note(String requestId) {
    return notes.get(requestId);
  }

  /** A person erased on request: the notes they wrote or received keep no words, here as in the store. */
  void forget(String participantId) {
    notes.replaceAll((id, note) -> note.from().equals(participantId) || note.to().equals(participantId)
        ? note.withoutNote() : note);
  }

  /** Posts withdrawn or erased: notes quoting their words keep no words, here as in the store. */
  void forgetQuoting(Quotation quoted) {
    notes.replaceAll((id, note) -> quoted.quotedIn(note.note()) ? note.withoutNote() : note);
  }

  void keep(ContactNote note) {
    notes.put(note.id(), note);
  }

  /** Marks the note of a request answered by this connection event; null if it already was. */
  ContactNote settleAccepted(ConnectionMade made, StoredEvent stored) {
    ContactNote note = notes.get(made.requestId());
    if (note == null || ContactNote.ACCEPTED.equals(note.status())) {
      return null;
    }
    ContactNote accepted = note.answered(ContactNote.ACCEPTED, stored.key(), stored.seq());
    notes.put(accepted.id(), accepted);
    return accepted;
  }

  void deliverRequest(ContactNote note) {
    Participant from = state.get().participants().get(note.from());
    JsonObject data = new JsonObject().put("request", note.id())
        .put("from", new JsonObject().put("id", from.id()).put("name", from.name())
            .put("organisation", from.organisation()).put("role", from.role()))
        .put("note", note.note());
    send(note.to(), "contact.requested", data, note.id(), "requestDelivered");
  }

  void deliverAnswer(ContactNote note) {
    deliverAnswer(note, true, true);
  }

  /** Sends the answer to a request to the requester and, for an exchange, the accepter. */
  private void deliverAnswer(ContactNote note, boolean toRequester, boolean toAccepter) {
    if (ContactNote.DECLINED.equals(note.status())) {
      if (toRequester) {
        send(note.from(), "contact.declined", new JsonObject().put("request", note.id()), note.id(),
            "answerDeliveredToRequester");
      }
      return;
    }
    // Contact details are read from the participants at this moment and sent to these two only.
    var requester = stores.participants().find(note.from());
    var accepter = stores.participants().find(note.to());
    Future.all(requester, accepter).onSuccess(both -> {
      if (requester.result().isEmpty() || accepter.result().isEmpty()) {
        return;
      }
      if (toRequester) {
        send(note.from(), "contact.exchanged",
            new JsonObject().put("request", note.id()).put("with", accepter.result().get().card()), note.id(),
            "answerDeliveredToRequester");
      }
      if (toAccepter) {
        send(note.to(), "contact.exchanged",
            new JsonObject().put("request", note.id()).put("with", requester.result().get().card()), note.id(),
            "answerDeliveredToAccepter");
      }
    });
  }

  /** Private messages this participant has not received yet, sent after their welcome. */
  void deliverUndelivered(String participantId) {
    for (ContactNote note : List.copyOf(notes.values())) {
      boolean pending = ContactNote.PENDING.equals(note.status());
      if (note.to().equals(participantId) && pending && due(note, "requestDelivered", note.requestDelivered())) {
        deliverRequest(note);
      } else if (note.from().equals(participantId) && !pending
          && due(note, "answerDeliveredToRequester", note.answerDeliveredToRequester())) {
        deliverAnswer(note, true, false);
      } else if (note.to().equals(participantId) && ContactNote.ACCEPTED.equals(note.status())
          && due(note, "answerDeliveredToAccepter", note.answerDeliveredToAccepter())) {
        deliverAnswer(note, false, true);
      }
    }
  }

  /**
   * A note this node learnt of late (see {@link LateNotes}): a request or a refusal that has not
   * reached its person yet goes to their sockets here. An acceptance goes with its connection event.
   */
  void deliverNews(ContactNote note) {
    if (ContactNote.PENDING.equals(note.status()) && due(note, "requestDelivered", note.requestDelivered())) {
      deliverRequest(note);
    } else if (ContactNote.DECLINED.equals(note.status())
        && due(note, "answerDeliveredToRequester", note.answerDeliveredToRequester())) {
      deliverAnswer(note, true, false);
    }
  }

  private boolean due(ContactNote note, String flag, boolean delivered) {
    return !delivered && !sending.contains(note.id() + "/" + flag);
  }

  private void send(String participantId, String name, JsonObject data, String noteId, String flag) {
    Set<Connection> targets = socketsOf.apply(participantId);
    if (targets.isEmpty()) {
      return;
    }
    String json = new JsonObject().put("type", "private").put("name", name).put("data", data).encode();
    String mark = noteId + "/" + flag;
    sending.add(mark);
    for (Connection target : targets) {
      target.sendRaw(json).onComplete(sent -> {
        sending.remove(mark);
        if (sent.succeeded()) {
          markDelivered(noteId, flag);
        }
      });
    }
  }

  private void markDelivered(String noteId, String flag) {
    ContactNote note = notes.get(noteId);
    if (note == null || note.delivered(flag).equals(note)) {
      return;
    }
    notes.put(noteId, note.delivered(flag));
    stores.contacts().markDelivered(noteId, flag);
  }
}
