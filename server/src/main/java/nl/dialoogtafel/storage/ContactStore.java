package nl.dialoogtafel.storage;

import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.Quotation;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Contact requests and their answers; {@code requestKey} is unique, so a re-sent request stores nothing. */
public final class ContactStore {

  private final Database db;

  public ContactStore(Database db) {
    this.db = db;
  }

  public Future<Void> insert(ContactNote note) {
    Document doc = Documents.toDocument(note.toJson());
    doc.put("_id", note.id());
    return db.call(() -> {
      db.collection(Database.CONTACTS).insertOne(doc);
      return null;
    });
  }

  public Future<Void> answer(ContactNote note) {
    return db.call(() -> {
      db.collection(Database.CONTACTS).updateOne(eq("_id", note.id()), Updates.combine(
          Updates.set("status", note.status()), Updates.set("answerKey", note.answerKey()),
          Updates.set("answerSeq", note.answerSeq())));
      return null;
    });
  }

  public Future<Void> markDelivered(String id, String field) {
    return db.call(() -> {
      db.collection(Database.CONTACTS).updateOne(eq("_id", id), Updates.set(field, true));
      return null;
    });
  }

  /** Retention: a session's contact requests and their notes go altogether. */
  public Future<Void> removeForSession(String session) {
    return db.call(() -> {
      db.collection(Database.CONTACTS).deleteMany(eq("session", session));
      return null;
    });
  }

  /** Erasure on request: the notes this person wrote or received lose their words. */
  public Future<Void> eraseNotes(String session, String participantId) {
    return db.call(() -> {
      db.collection(Database.CONTACTS).updateMany(
          Filters.and(eq("session", session), Filters.or(eq("from", participantId), eq("to", participantId))),
          Updates.unset("note"));
      return null;
    });
  }

  /**
   * Withdrawal or erasure of posts: the session's contact notes that quote their words lose those
   * words (the requests stay). Completes with how many notes lost their words.
   */
  public Future<Integer> eraseNotesQuoting(String session, Quotation quoted) {
    if (quoted.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return db.call(() -> {
      List<String> quoting = new ArrayList<>();
      for (Document doc : db.collection(Database.CONTACTS).find(eq("session", session))) {
        if (quoted.quotedIn(doc.getString("note"))) {
          quoting.add(doc.getString("_id"));
        }
      }
      if (!quoting.isEmpty()) {
        db.collection(Database.CONTACTS).updateMany(Filters.in("_id", quoting), Updates.unset("note"));
      }
      return quoting.size();
    });
  }

  /** The notes one person of a session wrote or received (in a cluster, read before their welcome). */
  public Future<List<ContactNote>> listFor(String session, String participantId) {
    return db.call(() -> {
      List<ContactNote> notes = new ArrayList<>();
      for (Document doc : db.collection(Database.CONTACTS).find(Filters.and(eq("session", session),
          Filters.or(eq("from", participantId), eq("to", participantId))))) {
        notes.add(ContactNote.fromJson(doc.getString("_id"), Documents.toJson(doc)));
      }
      return notes;
    });
  }

  public Future<List<ContactNote>> listForSession(String session) {
    return db.call(() -> {
      List<ContactNote> notes = new ArrayList<>();
      for (Document doc : db.collection(Database.CONTACTS).find(eq("session", session))) {
        notes.add(ContactNote.fromJson(doc.getString("_id"), Documents.toJson(doc)));
      }
      return notes;
    });
  }
}
