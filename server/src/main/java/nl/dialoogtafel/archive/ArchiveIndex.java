package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The archive's list of closed sessions with their searchable words (the embedded store has no
 * {@code $text}). An entry is rebuilt from the record whenever the session's head moved past the
 * seq it was built at — after a late withdrawal the words are gone from search too. Rebuilding
 * happens on first need, so the live sessions never wait for the archive.
 */
public final class ArchiveIndex {

  public static final String COLLECTION = "archive_index";

  private final Database db;
  private final RecordSource source;

  public ArchiveIndex(RecordSource source) {
    this.source = source;
    this.db = source.database();
  }

  /** Fresh entries for every closed session the filter lets through (the filter sees the session). */
  public Future<List<IndexEntry>> closed(Predicate<ArchivedSession> visible) {
    return entries(eq("status", "closed"), visible);
  }

  /** Fresh entries for the given closed sessions. */
  public Future<List<IndexEntry>> closed(Collection<String> ids, Predicate<ArchivedSession> visible) {
    return entries(and(eq("status", "closed"), in("_id", ids)), visible);
  }

  private Future<List<IndexEntry>> entries(Bson filter, Predicate<ArchivedSession> visible) {
    return db.call(() -> {
      List<ArchivedSession> sessions = new ArrayList<>();
      for (Document doc : db.collection(Database.SESSIONS).find(filter)
          .projection(Projections.exclude("phases", "kioskKey", "code"))) {
        doc.put("phases", List.of());
        ArchivedSession session = ArchivedSession.fromJson(Documents.toJson(doc));
        if (visible.test(session)) {
          sessions.add(session);
        }
      }
      Map<String, IndexEntry> known = new HashMap<>();
      List<String> ids = sessions.stream().map(s -> s.info().id()).toList();
      for (Document doc : db.collection(COLLECTION).find(in("_id", ids))) {
        IndexEntry entry = IndexEntry.fromDocument(doc);
        known.put(entry.id(), entry);
      }
      return new Lookup(sessions, known);
    }).compose(this::refresh);
  }

  private record Lookup(List<ArchivedSession> sessions, Map<String, IndexEntry> known) {}

  private Future<List<IndexEntry>> refresh(Lookup lookup) {
    List<Future<IndexEntry>> all = new ArrayList<>();
    for (ArchivedSession session : lookup.sessions()) {
      IndexEntry entry = lookup.known().get(session.info().id());
      long head = session.head() == null ? -1 : session.head().seq();
      all.add(entry != null && entry.seq() == head ? Future.succeededFuture(entry) : rebuild(session, head));
    }
    return Future.all(all).map(done -> {
      List<IndexEntry> out = new ArrayList<>();
      all.forEach(f -> out.add(f.result()));
      return out;
    });
  }

  private Future<IndexEntry> rebuild(ArchivedSession stale, long head) {
    // The listing read the session without its phases; the record needs them for phase titles.
    return source.session(stale.info().id()).compose(found -> source.narrative(found.orElse(stale)))
        .compose(record -> db.call(() -> {
          IndexEntry entry = IndexEntry.of(record, head);
          db.collection(COLLECTION).replaceOne(eq("_id", entry.id()), entry.toDocument(),
              new ReplaceOptions().upsert(true));
          return entry;
        }));
  }
}
