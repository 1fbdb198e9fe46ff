package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.record.EventStore;
import nl.dialoogtafel.record.ParticipantStore;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import org.bson.Document;

/**
 * Reads a session's stored record for the archive: the session document (with its head), the
 * events and the people (names and the showName choice, never contact details). Never a live hub.
 */
public final class RecordSource {

  private final Database db;
  private final EventStore events;
  private final ParticipantStore participants;

  public RecordSource(Database db) {
    this.db = db;
    this.events = new EventStore(db);
    this.participants = new ParticipantStore(db);
  }

  public Database database() {
    return db;
  }

  public Future<Optional<ArchivedSession>> session(String id) {
    return db.call(() -> {
      Document doc = db.collection(Database.SESSIONS).find(eq("_id", id)).first();
      return Optional.ofNullable(doc).map(d -> ArchivedSession.fromJson(Documents.toJson(d)));
    });
  }

  /** The folded story of a session (blocking parts on the database workers). */
  public Future<NarrativeRecord> narrative(ArchivedSession session) {
    String id = session.info().id();
    var stored = events.loadAll(id);
    var people = participants.listForSession(id);
    return Future.all(stored, people).compose(all -> db.call(() -> {
      Map<String, Participant> byId = new HashMap<>();
      people.result().forEach(p -> byId.put(p.id(), p));
      return RecordFolder.fold(session.info(), session.head(), stored.result(), byId);
    }));
  }

  public Future<List<nl.dialoogtafel.record.StoredEvent>> events(String session) {
    return events.loadAll(session);
  }

  public Future<List<Participant>> people(String session) {
    return participants.listForSession(session);
  }
}
