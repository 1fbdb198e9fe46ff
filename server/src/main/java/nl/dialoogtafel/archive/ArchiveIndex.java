package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The archive's list of closed sessions with their searchable words (the embedded store has no
 * {@code $text}), held in memory and stored in {@code archive_index} so a restart does not fold
 * every record again.
 *
 * <p>Why in memory: the embedded store scans a whole collection for every query whatever the
 * indexes, and matching words inside the store meant scanning the index (every visible post of
 * the archive) twice per search. Now a search reads only the sessions' facts and heads (one small
 * scan, so access and freshness are decided on what the store says now), rebuilds the entries whose
 * session head moved past the seq they were built at (a session closed since, a late withdrawal,
 * a harvest), and matches the words in memory. The entries are read from the store once, at
 * start-up ({@link #load}).
 *
 * <p>Size: one entry per closed session, holding its facts, its visible posts (for snippets, the
 * knelpunten overview and the kiosk) and its distinct words — about twice the visible text of the
 * archive. Rewrites in place that do not move a head must call {@link #forget}.
 */
public final class ArchiveIndex {

  public static final String COLLECTION = "archive_index";
  private static final int REBUILD_CHUNK = 200;
  /** Only closed sessions are in the archive. */
  private static final Bson CLOSED = eq("status", SessionStatus.CLOSED.wire());

  private final Database db;
  private final RecordSource source;
  /** By session id; guarded by {@code this}, like {@link #generation} and {@link #loaded}. */
  private final Map<String, IndexEntry> entries = new HashMap<>();
  /** Counts forgets: an entry read or folded across a forget may predate a rewrite. */
  private long generation;
  private Future<Void> loaded;

  public ArchiveIndex(RecordSource source) {
    this.source = source;
    this.db = source.database();
  }

  /** Reads the stored entries into memory; called at start-up, and again if that failed. */
  public synchronized Future<Void> load() {
    if (loaded == null || loaded.failed()) {
      loaded = db.call(this::readStored);
    }
    return loaded;
  }

  /** Fresh entries, with their posts, of every closed session the filter lets through. */
  public Future<List<IndexEntry>> closed(Predicate<ArchivedSession> visible) {
    return load().compose(v -> db.call(() -> fresh(CLOSED, visible)));
  }

  /** Fresh entries, with their posts, of the given closed sessions. */
  public Future<List<IndexEntry>> closed(Collection<String> ids, Predicate<ArchivedSession> visible) {
    return load().compose(v -> db.call(() -> fresh(and(CLOSED, in("_id", ids)), visible)));
  }

  /** Fresh entries of the visible closed sessions whose words hold every one of {@code words}. */
  public Future<List<IndexEntry>> search(Predicate<ArchivedSession> visible, List<String> words) {
    return closed(visible).map(found -> found.stream()
        .filter(entry -> words.stream().allMatch(entry.words()::contains)).toList());
  }

  /**
   * Forgets this session's entry, in memory and stored, so it is built again from the record when
   * next needed: call after rewriting any of its stored events in place.
   */
  public Future<Void> forget(String session) {
    synchronized (this) {
      generation++;
      entries.remove(session);
    }
    return db.call(() -> {
      db.collection(COLLECTION).deleteOne(eq("_id", session));
      return null;
    });
  }

  private Void readStored() {
    long ticket;
    synchronized (this) {
      ticket = generation;
    }
    List<IndexEntry> stored = new ArrayList<>();
    for (Document doc : db.collection(COLLECTION).find()) {
      stored.add(IndexEntry.fromDocument(doc));
    }
    // Read across a forget, nothing is kept: the entries are then rebuilt from the records as needed.
    keep(ticket, stored);
    return null;
  }

  /** The entries of the visible closed sessions, after rebuilding those whose head moved. Blocking. */
  private List<IndexEntry> fresh(Bson filter, Predicate<ArchivedSession> visible) {
    List<ArchivedSession> sessions = new ArrayList<>();
    for (Document doc : db.collection(Database.SESSIONS).find(filter).projection(Projections.include(
        "title", "municipality", "community", "template", "owner", "createdAt", "status", "head"))) {
      ArchivedSession session = light(doc);
      if (visible.test(session)) {
        sessions.add(session);
      }
    }
    Map<String, IndexEntry> found = new HashMap<>();
    List<String> stale = new ArrayList<>();
    synchronized (this) {
      for (ArchivedSession s : sessions) {
        IndexEntry entry = entries.get(s.info().id());
        if (entry != null && entry.seq() == headSeq(s.head())) {
          found.put(entry.id(), entry);
        } else {
          stale.add(s.info().id());
        }
      }
    }
    for (int from = 0; from < stale.size(); from += REBUILD_CHUNK) {
      rebuild(stale.subList(from, Math.min(stale.size(), from + REBUILD_CHUNK)))
          .forEach(entry -> found.put(entry.id(), entry));
    }
    List<IndexEntry> out = new ArrayList<>();
    for (ArchivedSession s : sessions) {
      IndexEntry entry = found.get(s.info().id());
      if (entry != null) {
        out.add(entry);
      }
    }
    return out;
  }

  /** Folds the records of these sessions (one read for all), stores their entries and keeps them. */
  private List<IndexEntry> rebuild(List<String> ids) {
    long ticket;
    synchronized (this) {
      ticket = generation;
    }
    List<ArchivedSession> sessions = new ArrayList<>();
    for (Document doc : db.collection(Database.SESSIONS).find(in("_id", ids))) {
      sessions.add(ArchivedSession.fromJson(StoredEvents.object(doc).put("id", doc.getString("_id"))));
    }
    List<IndexEntry> built = new ArrayList<>();
    for (NarrativeRecord record : source.narratives(sessions)) {
      built.add(IndexEntry.of(record, headSeq(record.head())));
    }
    store(ids, built);
    if (!keep(ticket, built)) {
      // Read across a forget: these may predate a rewrite. This search may use them (it began
      // before the rewrite was told); memory and store must not keep them.
      db.collection(COLLECTION).deleteMany(in("_id", ids));
    }
    return built;
  }

  /** Keeps the entries in memory unless something was forgotten since the ticket; a newer seq wins. */
  private synchronized boolean keep(long ticket, List<IndexEntry> built) {
    if (ticket != generation) {
      return false;
    }
    for (IndexEntry entry : built) {
      entries.merge(entry.id(), entry, (old, now) -> now.seq() >= old.seq() ? now : old);
    }
    return true;
  }

  private void store(List<String> ids, List<IndexEntry> built) {
    db.collection(COLLECTION).deleteMany(in("_id", ids));
    if (built.isEmpty()) {
      return;
    }
    List<Document> docs = built.stream().map(IndexEntry::toDocument).toList();
    try {
      db.collection(COLLECTION).insertMany(docs, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException raced) {
      // Another search rebuilt the same entries at the same moment: theirs are as good as ours.
      if (!Documents.isDuplicateKey(raced)) {
        throw raced;
      }
    }
  }

  private static long headSeq(RecordCheck.Head head) {
    return head == null ? -1 : head.seq();
  }

  /** A session document's facts without its phases, read straight from the driver's document. */
  private static ArchivedSession light(Document doc) {
    Document head = doc.get("head", Document.class);
    SessionInfo info = new SessionInfo(doc.getString("_id"), null, null, doc.getString("title"),
        doc.getString("municipality"), doc.getString("community"), doc.getString("template"), List.of(),
        doc.getString("owner"), doc.getString("createdAt"), SessionInfo.status(doc.getString("status")));
    return new ArchivedSession(info, head == null ? null
        : new RecordCheck.Head(((Number) head.get("seq")).longValue(), head.getString("hash")));
  }
}
