package nl.dialoogtafel.storage;

import nl.dialoogtafel.record.ParticipantRecord;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.dialoogtafel.dialogue.Participant;
import org.bson.Document;
import org.bson.conversions.Bson;

/** People at the table, with their names and contact details kept apart from the record. */
public final class ParticipantStore {

  private final Database db;

  public ParticipantStore(Database db) {
    this.db = db;
  }

  /**
   * Stores everyone who joined meanwhile with one durable write. A person already stored (the
   * same join again after a crash cut it short) is the same person: that key clash is no error.
   */
  public Future<Void> insertAll(List<ParticipantRecord> participants) {
    List<Document> docs = new ArrayList<>(participants.size());
    for (ParticipantRecord participant : participants) {
      docs.add(document(participant));
    }
    return db.call(() -> {
      try {
        db.collection(Database.PARTICIPANTS).insertMany(docs, new InsertManyOptions().ordered(false));
      } catch (MongoBulkWriteException e) {
        if (!Documents.isDuplicateKey(e)) {
          throw e;
        }
      }
      return null;
    });
  }

  /** The document a person is stored as (public for the archive benchmark's bulk seeder). */
  public static Document document(ParticipantRecord participant) {
    Document doc = Documents.toDocument(participant.toJson());
    doc.put("_id", participant.id());
    return doc;
  }

  /**
   * Erasure on request: name, contact details and token leave the person's document; what stays
   * (session, organisation, role) keeps the record's facts and the web of organisations whole.
   */
  public Future<Void> erase(String id, String at) {
    return db.call(() -> {
      db.collection(Database.PARTICIPANTS).updateOne(eq("_id", id), withoutPersonalData(id, "erasedAt", at));
      return null;
    });
  }

  /** Retention: everyone of a session loses name, contact details and token; organisation and role stay. */
  public Future<Void> removePersonalData(String session, String at) {
    return db.call(() -> {
      List<UpdateOneModel<Document>> updates = new ArrayList<>();
      for (Document doc : db.collection(Database.PARTICIPANTS).find(eq("session", session))
          .projection(Projections.include("_id"))) {
        String id = doc.getString("_id");
        updates.add(new UpdateOneModel<>(eq("_id", id), withoutPersonalData(id, "retentionAt", at)));
      }
      if (!updates.isEmpty()) {
        db.collection(Database.PARTICIPANTS).bulkWrite(updates);
      }
      return null;
    });
  }

  /**
   * Name, contact details and token go. The token hash becomes a tombstone unique to the person
   * (the index on it is unique) that no real token can hash to.
   */
  private static Bson withoutPersonalData(String id, String stampField, String at) {
    return Updates.combine(Updates.unset("name"), Updates.unset("phone"), Updates.unset("email"),
        Updates.set("tokenHash", "removed:" + id), Updates.set("showName", false), Updates.set(stampField, at));
  }

  public Future<Optional<ParticipantRecord>> findByTokenHash(String tokenHash) {
    return db.call(() -> Optional.ofNullable(db.collection(Database.PARTICIPANTS).find(eq("tokenHash", tokenHash)).first())
        .map(ParticipantStore::record));
  }

  public Future<Optional<ParticipantRecord>> find(String id) {
    return db.call(() -> Optional.ofNullable(db.collection(Database.PARTICIPANTS).find(eq("_id", id)).first())
        .map(ParticipantStore::record));
  }

  /**
   * The people of a record: those with these ids ({@link nl.dialoogtafel.record.EventCodec#joinedIds}),
   * without contact details. Read by {@code _id}, the one key the embedded store looks up by index
   * (see {@link EventSlots}), so a year of other sessions' people is never walked.
   */
  public Future<List<Participant>> listForRecord(String session, List<String> ids) {
    return db.call(() -> {
      List<Participant> people = new ArrayList<>(ids.size());
      for (int from = 0; from < ids.size(); from += EventSlots.CHUNK) {
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + EventSlots.CHUNK));
        for (Document doc : db.collection(Database.PARTICIPANTS).find(in("_id", chunk))
            .projection(Projections.exclude("phone", "email", "tokenHash"))) {
          if (session.equals(doc.getString("session"))) {
            people.add(record(doc).participant());
          }
        }
      }
      return people;
    });
  }

  /**
   * Who is in a session, without contact details: those never need to sit in memory. Walks every
   * stored person on the embedded store: for a record, {@link #listForRecord} does not.
   */
  public Future<List<Participant>> listForSession(String session) {
    return db.call(() -> {
      List<Participant> people = new ArrayList<>();
      for (Document doc : db.collection(Database.PARTICIPANTS).find(eq("session", session))
          .projection(Projections.exclude("phone", "email", "tokenHash"))) {
        people.add(record(doc).participant());
      }
      return people;
    });
  }

  private static ParticipantRecord record(Document doc) {
    return ParticipantRecord.fromJson(doc.getString("_id"), Documents.toJson(doc));
  }
}
