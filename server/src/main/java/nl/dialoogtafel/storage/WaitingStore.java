package nl.dialoogtafel.storage;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.record.WaitingNote;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The posts that wait for the facilitator (pre-moderation), one document per post, beside the
 * record and never in it; see {@link WaitingNote}. Id: session and post.
 */
public final class WaitingStore {

  static final String WAITING = "waiting_posts";

  private final Database db;

  public WaitingStore(Database db) {
    this.db = db;
  }

  public Future<Void> insert(WaitingNote note) {
    Document doc = Documents.toDocument(note.toJson());
    doc.put("_id", id(note));
    return db.call(() -> {
      db.collection(WAITING).insertOne(doc);
      return null;
    });
  }

  /** The answer replaces the note: its words go (see {@link WaitingNote#answered}). */
  public Future<Void> answer(WaitingNote note) {
    Document doc = Documents.toDocument(note.toJson());
    doc.put("_id", id(note));
    return db.call(() -> {
      db.collection(WAITING).replaceOne(eq("_id", id(note)), doc);
      return null;
    });
  }

  public Future<Void> markDelivered(WaitingNote note) {
    return db.call(() -> {
      db.collection(WAITING).updateOne(eq("_id", id(note)), Updates.set("delivered", true));
      return null;
    });
  }

  /** Erasure on request, and retention: this person's waiting posts lose their words and reasons. */
  public Future<Void> eraseBy(String session, String author) {
    return db.call(() -> {
      db.collection(WAITING).updateMany(Filters.and(eq("session", session), eq("author", author)),
          Updates.combine(Updates.unset("title"), Updates.unset("text"), Updates.unset("reason"),
              Updates.set("status", WaitingNote.WITHDRAWN)));
      return null;
    });
  }

  /** Retention: a session's waiting posts go altogether. */
  public Future<Void> removeForSession(String session) {
    return db.call(() -> {
      db.collection(WAITING).deleteMany(eq("session", session));
      return null;
    });
  }

  public Future<List<WaitingNote>> listForSession(String session) {
    return list(eq("session", session));
  }

  /** One author's posts of a session (in a cluster, read before their welcome). */
  public Future<List<WaitingNote>> listByAuthor(String session, String author) {
    return list(Filters.and(eq("session", session), eq("author", author)));
  }

  private Future<List<WaitingNote>> list(Bson filter) {
    return db.call(() -> {
      List<WaitingNote> notes = new ArrayList<>();
      for (Document doc : db.collection(WAITING).find(filter)) {
        notes.add(WaitingNote.fromJson(Documents.toJson(doc)));
      }
      return notes;
    });
  }

  private static String id(WaitingNote note) {
    return note.session() + "/" + note.post();
  }
}
