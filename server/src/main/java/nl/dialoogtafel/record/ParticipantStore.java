package nl.dialoogtafel.record;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import org.bson.Document;

/** People at the table, with their names and contact details kept apart from the record. */
public final class ParticipantStore {

  private final Database db;

  public ParticipantStore(Database db) {
    this.db = db;
  }

  public Future<Void> insert(ParticipantRecord participant) {
    Document doc = Documents.toDocument(participant.toJson());
    doc.put("_id", participant.id());
    return db.call(() -> {
      db.collection(Database.PARTICIPANTS).insertOne(doc);
      return null;
    });
  }

  public Future<Optional<ParticipantRecord>> findByTokenHash(String tokenHash) {
    return db.call(() -> Optional.ofNullable(db.collection(Database.PARTICIPANTS).find(eq("tokenHash", tokenHash)).first())
        .map(ParticipantStore::record));
  }

  public Future<Optional<ParticipantRecord>> find(String id) {
    return db.call(() -> Optional.ofNullable(db.collection(Database.PARTICIPANTS).find(eq("_id", id)).first())
        .map(ParticipantStore::record));
  }

  /** Who is in a session, without contact details: those never need to sit in memory. */
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
