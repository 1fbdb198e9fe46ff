package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The archive's list of closed sessions with their searchable words (the embedded store has no
 * {@code $text}). An entry is rebuilt from the record whenever the session's head moved past the
 * seq it was built at — after a late withdrawal the words are gone from search too. Rebuilding
 * happens on first need, many sessions per read, so live sessions never wait for the archive.
 *
 * <p>The embedded store scans a collection for every query, so each step reads only the fields
 * it needs: the sessions' facts, then the entries' seq, then (for a search) only the entries
 * whose words match, compared inside the store.
 */
public final class ArchiveIndex {

  public static final String COLLECTION = "archive_index";
  private static final int REBUILD_CHUNK = 200;

  private final Database db;
  private final RecordSource source;

  public ArchiveIndex(RecordSource source) {
    this.source = source;
    this.db = source.database();
  }

  /** Fresh entries, with their posts, of every closed session the filter lets through. */
  public Future<List<IndexEntry>> closed(Predicate<ArchivedSession> visible) {
    return db.call(() -> entries(fresh(eq("status", "closed"), visible), List.of()));
  }

  /** Fresh entries, with their posts, of the given closed sessions. */
  public Future<List<IndexEntry>> closed(Collection<String> ids, Predicate<ArchivedSession> visible) {
    return db.call(() -> entries(fresh(and(eq("status", "closed"), in("_id", ids)), visible), List.of()));
  }

  /** Fresh entries of the visible closed sessions whose words hold every one of {@code words}. */
  public Future<List<IndexEntry>> search(Predicate<ArchivedSession> visible, List<String> words) {
    return db.call(() -> entries(fresh(eq("status", "closed"), visible), words));
  }

  /** The ids of the visible closed sessions, after rebuilding the entries that are stale. */
  private List<String> fresh(Bson filter, Predicate<ArchivedSession> visible) {
    List<ArchivedSession> sessions = new ArrayList<>();
    for (Document doc : db.collection(Database.SESSIONS).find(filter).projection(Projections.include(
        "title", "municipality", "community", "template", "owner", "createdAt", "status", "head"))) {
      ArchivedSession session = light(doc);
      if (visible.test(session)) {
        sessions.add(session);
      }
    }
    List<String> ids = sessions.stream().map(s -> s.info().id()).toList();
    Map<String, Long> built = new HashMap<>();
    for (Document doc : db.collection(COLLECTION).find(in("_id", ids)).projection(Projections.include("seq"))) {
      built.put(doc.getString("_id"), ((Number) doc.get("seq")).longValue());
    }
    List<String> stale = new ArrayList<>();
    for (ArchivedSession s : sessions) {
      long head = s.head() == null ? -1 : s.head().seq();
      if (!Long.valueOf(head).equals(built.get(s.info().id()))) {
        stale.add(s.info().id());
      }
    }
    for (int from = 0; from < stale.size(); from += REBUILD_CHUNK) {
      rebuild(stale.subList(from, Math.min(stale.size(), from + REBUILD_CHUNK)));
    }
    return ids;
  }

  private List<IndexEntry> entries(List<String> ids, List<String> words) {
    List<Bson> filters = new ArrayList<>();
    filters.add(in("_id", ids));
    words.forEach(w -> filters.add(Filters.regex("words", Pattern.quote(w))));
    List<IndexEntry> out = new ArrayList<>();
    for (Document doc : db.collection(COLLECTION).find(and(filters)).projection(Projections.exclude("words"))) {
      out.add(IndexEntry.fromDocument(doc));
    }
    return out;
  }

  /** Folds the records of these sessions (one read for all) and replaces their entries. */
  private void rebuild(List<String> ids) {
    List<ArchivedSession> sessions = new ArrayList<>();
    for (Document doc : db.collection(Database.SESSIONS).find(in("_id", ids))) {
      sessions.add(ArchivedSession.fromJson(StoredEvents.object(doc).put("id", doc.getString("_id"))));
    }
    List<Document> entries = new ArrayList<>();
    for (NarrativeRecord record : source.narratives(sessions)) {
      entries.add(IndexEntry.of(record, record.head() == null ? -1 : record.head().seq()).toDocument());
    }
    db.collection(COLLECTION).deleteMany(in("_id", ids));
    if (entries.isEmpty()) {
      return;
    }
    try {
      db.collection(COLLECTION).insertMany(entries, new InsertManyOptions().ordered(false));
    } catch (MongoBulkWriteException raced) {
      // Another reader rebuilt the same entries at the same moment: theirs are as good as ours.
      if (!nl.dialoogtafel.storage.Documents.isDuplicateKey(raced)) {
        throw raced;
      }
    }
  }

  /** A session document's facts without its phases, read straight from the driver's document. */
  private static ArchivedSession light(Document doc) {
    Document head = doc.get("head", Document.class);
    SessionInfo info = new SessionInfo(doc.getString("_id"), null, null, doc.getString("title"),
        doc.getString("municipality"), doc.getString("community"), doc.getString("template"), List.of(),
        doc.getString("owner"), doc.getString("createdAt"), doc.getString("status"));
    return new ArchivedSession(info, head == null ? null
        : new RecordCheck.Head(((Number) head.get("seq")).longValue(), head.getString("hash")));
  }
}
