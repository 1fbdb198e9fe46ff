package nl.dialoogtafel.storage;

import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.SessionInfo;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Session definitions; the code index refuses a second session with the same join code. */
public final class SessionStore {

  private final Database db;

  public SessionStore(Database db) {
    this.db = db;
  }

  public Future<Void> insert(SessionInfo session) {
    Document doc = document(session);
    return db.call(() -> {
      db.collection(Database.SESSIONS).insertOne(doc);
      return null;
    });
  }

  /**
   * Stores the session unless its owner already made {@code perDay} sessions in the last 24 hours
   * (false then, nothing stored). Count and insert hold one lock, so a burst of requests on this
   * node cannot slip past the cap together.
   */
  public Future<Boolean> insertWithinDailyCap(SessionInfo session, int perDay) {
    Document doc = document(session);
    // createdAt is an ISO-8601 instant; as strings they sort as the instants do (to within a
    // fraction of a second, which a daily cap can spare).
    String since = Instant.now().minus(java.time.Duration.ofDays(1)).toString();
    return db.call(() -> {
      synchronized (this) {
        long made = db.collection(Database.SESSIONS)
            .countDocuments(Filters.and(eq("owner", session.owner()), Filters.gte("createdAt", since)));
        if (made >= perDay) {
          return false;
        }
        db.collection(Database.SESSIONS).insertOne(doc);
        return true;
      }
    });
  }

  /** The document a new session is stored as. */
  public static Document document(SessionInfo session) {
    Document doc = Documents.toDocument(session.toJson());
    doc.put("_id", session.id());
    return doc;
  }

  /**
   * The document of a session stored and then closed at this head at {@code closedAt}: what
   * {@link #insert} and then {@link #setStatus} leave. For a bulk writer (the archive benchmark's
   * seeder), which must then move the archive's mark once ({@link ArchiveChanges#count}).
   */
  public static Document closedDocument(SessionInfo session, long headSeq, String headHash, Instant closedAt) {
    Document doc = document(session);
    doc.put("status", SessionStatus.CLOSED.wire());
    doc.put("head", head(headSeq, headHash));
    doc.put("closedAt", closedAt.toString());
    return doc;
  }

  private static Document head(long seq, String hash) {
    return new Document("seq", seq).append("hash", hash);
  }

  public Future<Optional<SessionInfo>> find(String id) {
    return findOne(eq("_id", id));
  }

  public Future<Optional<SessionInfo>> findByCode(String code) {
    return findOne(eq("code", code));
  }

  public Future<List<SessionInfo>> listByOwner(String owner) {
    return db.call(() -> {
      List<SessionInfo> sessions = new ArrayList<>();
      for (Document doc : db.collection(Database.SESSIONS).find(eq("owner", owner))
          .sort(Sorts.descending("createdAt"))) {
        sessions.add(SessionInfo.fromJson(Documents.toJson(doc)));
      }
      return sessions;
    });
  }

  /**
   * Keeps the listed status in step with the record (the record stays the truth), with the
   * record's head at that moment: a copy of the last seq and hash outside the chain, so a record
   * cut short at its end can be told from a complete one.
   */
  public Future<Void> setStatus(String id, SessionStatus status, long headSeq, String headHash) {
    List<Bson> changes = new ArrayList<>(List.of(Updates.set("status", status.wire()),
        Updates.set("head", head(headSeq, headHash))));
    if (status == SessionStatus.CLOSED) {
      // The first closing starts the retention period of the session's personal data.
      changes.add(Updates.min("closedAt", Instant.now().toString()));
    }
    return db.call(() -> {
      // Only a newer head wins: two status changes in quick succession may be written out of order.
      boolean moved = db.collection(Database.SESSIONS).updateOne(
          Filters.and(eq("_id", id), Filters.or(Filters.exists("head", false), Filters.lt("head.seq", headSeq))),
          Updates.combine(changes)).getMatchedCount() > 0;
      if (moved) {
        // Every node's archive search index follows heads through this mark (ArchiveChanges).
        ArchiveChanges.count(db);
      }
      return null;
    });
  }

  /** Closed before the moment given and still holding personal data: due for the retention job. */
  public Future<List<String>> dueForRetention(Instant closedBefore) {
    return db.call(() -> {
      List<String> ids = new ArrayList<>();
      for (Document doc : db.collection(Database.SESSIONS).find(Filters.and(eq("status", SessionStatus.CLOSED.wire()),
          Filters.lt("closedAt", closedBefore.toString()), Filters.exists("personalDataRemovedAt", false)))
          .projection(new Document("_id", 1))) {
        ids.add(doc.getString("_id"));
      }
      return ids;
    });
  }

  public Future<Void> markPersonalDataRemoved(String id, Instant at) {
    return db.call(() -> {
      db.collection(Database.SESSIONS).updateOne(eq("_id", id), Updates.set("personalDataRemovedAt", at.toString()));
      return null;
    });
  }

  private Future<Optional<SessionInfo>> findOne(Bson filter) {
    return db.call(() -> {
      Document doc = db.collection(Database.SESSIONS).find(filter).first();
      return Optional.ofNullable(doc).map(d -> SessionInfo.fromJson(Documents.toJson(d)));
    });
  }
}
