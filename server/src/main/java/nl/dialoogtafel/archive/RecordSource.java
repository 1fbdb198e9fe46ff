package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.storage.ParticipantStore;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import org.bson.Document;

/**
 * Reads a session's stored record for the archive: the session document (with its head), the
 * events and the people (names and the showName choice, never contact details). Never a live hub.
 *
 * <p>For the archive's views of closed records ({@link #folded}) it keeps the events of big records
 * it read and verified recently ({@link KeptEvents}), so a view after the record grew reads only
 * the new events; and a view that would read a whole record the preparer (or another view) is
 * reading at that head already waits for that fold instead (one flight per session and head).
 */
public final class RecordSource {

  /** A fold for the archive: how long ago its oldest events were read, whether all were read now. */
  record Folded(NarrativeRecord record, long ageNanos, boolean whole, boolean shared) {

    Folded sharedCopy() {
      return new Folded(record, ageNanos, whole, true);
    }
  }

  /** A fold of a whole record under way, for others who want the same session at the same head. */
  private record Flight(RecordCheck.Head head, long ticket, Future<Folded> result) {}

  private final Database db;
  private final ParticipantStore participants;
  private final KeptEvents kept;
  private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();
  /** Events read from the store for folds here, for tests: what a view cost. */
  private final AtomicLong eventsRead = new AtomicLong();

  public RecordSource(Database db) {
    this(db, new KeptEvents());
  }

  RecordSource(Database db, KeptEvents kept) {
    this.db = db;
    this.participants = new ParticipantStore(db);
    this.kept = kept;
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

  /**
   * One session read whole and folded here and now (blocking; on the database workers): for the
   * preparer, which verifies against the store itself. Views of this session at this head meanwhile
   * wait for it; its events are kept for the next view after the record grows.
   */
  NarrativeRecord foldNow(ArchivedSession session) {
    String id = session.info().id();
    long ticket = kept.ticket();
    Promise<Folded> promise = Promise.promise();
    Flight mine = new Flight(session.head(), ticket, promise.future());
    flights.put(id, mine);
    try {
      Folded folded = foldBlocking(session, ticket, false);
      promise.complete(folded);
      return folded.record();
    } catch (RuntimeException e) {
      promise.fail(e);
      throw e;
    } finally {
      flights.remove(id, mine);
    }
  }

  /**
   * A closed session's record folded and verified for a view, {@code session} freshly read: from
   * the kept events and those after them when the record only grew since, else read whole (or
   * from the whole read of it under way at the same head).
   */
  Future<Folded> folded(ArchivedSession session) {
    String id = session.info().id();
    long ticket = kept.ticket();
    if (kept.get(id).filter(k -> follows(k, session.head())).isPresent()) {
      return db.call(() -> foldBlocking(session, ticket, true));
    }
    Promise<Folded> promise = Promise.promise();
    Flight mine = new Flight(session.head(), ticket, promise.future());
    Flight flight = flights.compute(id, (key, current) -> current != null && current.ticket() == ticket
        && kept.ticket() == ticket && Objects.equals(current.head(), session.head()) ? current : mine);
    if (flight != mine) {
      return joined(flight.result()).transform(done -> done.succeeded() ? Future.succeededFuture(done.result())
          : db.call(() -> foldBlocking(session, ticket, true)));
    }
    return db.call(() -> foldBlocking(session, ticket, true)).onComplete(done -> {
      flights.remove(id, mine);
      promise.handle(done);
    });
  }

  /** Forgets what is kept of this session: its events were rewritten in place. */
  void forget(String session) {
    kept.forget(session);
    flights.remove(session);
  }

  KeptEvents kept() {
    return kept;
  }

  long eventsRead() {
    return eventsRead.get();
  }

  /** Whether the record at {@code head} can only have grown from the kept events (else read it whole). */
  private static boolean follows(KeptEvents.Kept k, RecordCheck.Head head) {
    return head != null && (head.seq() > k.head().seq() || head.equals(k.head()));
  }

  /** The result of someone else's fold, on this caller's context, marked shared (the folder keeps it). */
  private static Future<Folded> joined(Future<Folded> flight) {
    Context context = Vertx.currentContext();
    Promise<Folded> promise = Promise.promise();
    flight.onComplete(done -> {
      if (context == null) {
        promise.handle(done.map(Folded::sharedCopy));
      } else {
        context.runOnContext(v -> promise.handle(done.map(Folded::sharedCopy)));
      }
    });
    return promise.future();
  }

  /** Reads (all events, or only those after the kept ones), folds, verifies and keeps. Blocking. */
  private Folded foldBlocking(ArchivedSession session, long ticket, boolean useKept) {
    String id = session.info().id();
    RecordCheck.Head head = session.head();
    long readAt = kept.now();
    List<StoredEvent> stored = null;
    boolean whole = true;
    Optional<KeptEvents.Kept> prior = useKept ? kept.get(id) : Optional.empty();
    if (prior.isPresent()) {
      stored = grown(id, prior.get(), head);
      if (stored != null) {
        readAt = prior.get().readAt();
        whole = false;
      }
    }
    if (stored == null) {
      stored = StoredEvents.of(db, id);
      eventsRead.addAndGet(stored.size());
    }
    NarrativeRecord record = RecordFolder.fold(session.info(), head, stored, peopleNow(id, stored));
    if (record.integrity().valid()) {
      kept.keep(ticket, id, head, stored, readAt);
    }
    return new Folded(record, Math.max(0, kept.now() - readAt), whole, false);
  }

  /**
   * The kept events and those stored after them, when the new ones follow on directly (seq and
   * chain); null when they do not, so the record is read whole. Blocking.
   */
  private List<StoredEvent> grown(String id, KeptEvents.Kept prior, RecordCheck.Head head) {
    if (head == null || head.seq() < prior.head().seq()) {
      return null;
    }
    if (head.seq() == prior.head().seq()) {
      return head.equals(prior.head()) ? prior.events() : null;
    }
    List<StoredEvent> after = StoredEvents.after(db, id, prior.head().seq());
    eventsRead.addAndGet(after.size());
    if (after.isEmpty()) {
      return null;
    }
    StoredEvent first = after.get(0);
    if (first.seq() != prior.head().seq() + 1 || first.contentHash() == null
        || !HashChain.link(prior.head().hash(), first.contentHash()).equals(first.hash())) {
      return null;
    }
    List<StoredEvent> all = new ArrayList<>(prior.events().size() + after.size());
    all.addAll(prior.events());
    all.addAll(after);
    return all;
  }

  /** The people of a record, names and the showName choice only (blocking). */
  private Map<String, Participant> peopleNow(String id, List<StoredEvent> stored) {
    return people(EventCodec.joinedIds(stored)).getOrDefault(id, Map.of());
  }

  /** The people with these ids by their session, names and the showName choice only (blocking, in chunks). */
  private Map<String, Map<String, Participant>> people(List<String> joined) {
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
    return people;
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
    Map<String, Map<String, Participant>> people = people(joined);
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
