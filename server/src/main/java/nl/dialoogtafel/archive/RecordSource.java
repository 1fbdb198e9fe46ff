package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.storage.ParticipantStore;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import org.bson.Document;

/**
 * Reads a session's stored record for the archive: the session document (with its head), the
 * events and the people (names and the showName choice, never contact details). Never a live hub.
 */
public final class RecordSource {

  private final Database db;
  private final ParticipantStore participants;

  public RecordSource(Database db) {
    this.db = db;
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
    return events(id).compose(stored -> participants.listForRecord(id, EventCodec.joinedIds(stored))
        .compose(people -> db.call(() -> {
          Map<String, Participant> byId = new HashMap<>();
          people.forEach(p -> byId.put(p.id(), p));
          return RecordFolder.fold(session.info(), session.head(), stored, byId);
        })));
  }

  /** One session read and folded here and now (blocking; on the database workers): for the preparer. */
  NarrativeRecord foldNow(ArchivedSession session) {
    String id = session.info().id();
    List<StoredEvent> stored = StoredEvents.of(db, id);
    Map<String, Participant> byId = new HashMap<>();
    for (Document doc : db.collection(Database.PARTICIPANTS).find(Filters.in("_id", EventCodec.joinedIds(stored)))
        .projection(Projections.include("session", "name", "organisation", "role", "showName"))) {
      if (id.equals(doc.getString("session"))) {
        byId.put(doc.getString("_id"), new Participant(doc.getString("_id"), doc.getString("name"),
            doc.getString("organisation"), doc.getString("role"), !Boolean.FALSE.equals(doc.getBoolean("showName"))));
      }
    }
    return RecordFolder.fold(session.info(), session.head(), stored, byId);
  }

  public Future<List<StoredEvent>> events(String session) {
    return db.call(() -> StoredEvents.of(db, session));
  }

  /**
   * Many sessions folded with one read of the events and one of the people (blocking; on the
   * database workers): the archive index rebuilds this way.
   */
  List<NarrativeRecord> narratives(List<ArchivedSession> sessions) {
    Map<String, Long> heads = new HashMap<>();
    sessions.forEach(s -> heads.put(s.info().id(), s.head() == null ? 0 : s.head().seq()));
    // By slots and by the ids of the people who joined: what these records hold, not a walk over
    // every event and person of the archive.
    Map<String, List<StoredEvent>> events = StoredEvents.bySlots(db, heads);
    List<String> joined = new ArrayList<>();
    events.values().forEach(list -> joined.addAll(EventCodec.joinedIds(list)));
    Map<String, Map<String, Participant>> people = new HashMap<>();
    for (int from = 0; from < joined.size(); from += StoredEvents.READ_CHUNK) {
      for (Document doc : db.collection(Database.PARTICIPANTS).find(Filters.in("_id",
              joined.subList(from, Math.min(joined.size(), from + StoredEvents.READ_CHUNK))))
          .projection(Projections.include("session", "name", "organisation", "role", "showName"))) {
        people.computeIfAbsent(doc.getString("session"), k -> new HashMap<>()).put(doc.getString("_id"),
            new Participant(doc.getString("_id"), doc.getString("name"), doc.getString("organisation"),
                doc.getString("role"), !Boolean.FALSE.equals(doc.getBoolean("showName"))));
      }
    }
    List<NarrativeRecord> out = new ArrayList<>();
    for (ArchivedSession s : sessions) {
      out.add(RecordFolder.fold(s.info(), s.head(), events.getOrDefault(s.info().id(), List.of()),
          people.getOrDefault(s.info().id(), Map.of())));
    }
    return out;
  }

  /** The people of a session's stored record (names where kept; never contact details). */
  public Future<List<Participant>> people(String session, List<StoredEvent> events) {
    return participants.listForRecord(session, EventCodec.joinedIds(events));
  }
}
