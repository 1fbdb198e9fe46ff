package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.archive.search.SearchIndex;
import nl.dialoogtafel.archive.search.SessionDoc;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.http.Account;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.storage.ArchiveChanges;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The archive's index of closed sessions: a Lucene index in the data folder ({@link SearchIndex},
 * for search, similar knelpunten and themes) and, in memory, each session's {@link IndexEntry}
 * (facts, counts, visible posts) for the lists. The store is the truth; this follows it.
 *
 * <p>How it follows: every change the index must see moves a mark in the shared store
 * ({@link ArchiveChanges}: a head written, a rewrite in place, an answer). Before each use the
 * mark is read (one document by id); if the index followed it already, nothing else is read. If
 * not, the closed sessions' heads and revisions are read in one scan and every session whose
 * entry was built at another (seq, revision) is folded again and replaced, a session no longer
 * closed is deleted, and the mark is committed with the index. So each node of a cluster, with
 * its own index, stays correct from the shared store; a restart finds the mark in the index's
 * last commit and reads nothing when the store did not move. An index that is missing, of another
 * version or unreadable is built again from the store, in the background, from start-up.
 *
 * <p>Words that leave a record (withdrawn, hidden, erased) leave the index files too: the session
 * is replaced and the deleted documents are merged away before the commit. Index work runs on a
 * pool of its own ({@code dialoogtafel-index}), never on an event loop; writes take one lock.
 */
public final class ArchiveIndex implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ArchiveIndex.class.getName());
  private static final int REBUILD_CHUNK = 200;
  /** How long the searches are repeated after a start (on one thread of the index pool). */
  private static final long WARM_UP_MILLIS = 1_500;
  private static final Bson CLOSED = eq("status", SessionStatus.CLOSED.wire());

  private final Database db;
  private final RecordSource source;
  private final FollowUpStore followups;
  private final Path folder;
  private final WorkerExecutor pool;
  private final ReentrantLock writing = new ReentrantLock();
  /** By session id; replaced whole under {@link #writing}, read freely. */
  private volatile Map<String, IndexEntry> entries = Map.of();
  /** The store's mark the index last followed completely. */
  private volatile String followed;
  private SearchIndex index;
  private Future<Void> loaded;
  /** Completed (either way) once the index has first followed the store after the start. */
  private final io.vertx.core.Promise<Void> followedOnce = io.vertx.core.Promise.promise();

  public ArchiveIndex(Vertx vertx, RecordSource source, FollowUpStore followups, Path folder) {
    this.source = source;
    this.db = source.database();
    this.followups = followups;
    this.folder = folder;
    // The first build over a large archive is one long task; Vert.x should not report it as blocked.
    this.pool = vertx.createSharedWorkerExecutor("dialoogtafel-index", 2, 1, java.util.concurrent.TimeUnit.HOURS);
  }

  /**
   * Opens the index and reads the entries it holds; at start-up, and again if that failed. Then
   * follows the store in the background, so a fresh data folder is indexed before the first search.
   */
  public synchronized Future<Void> load() {
    if (loaded == null || loaded.failed()) {
      loaded = pool.executeBlocking(this::open, true);
      loaded.onFailure(e -> followedOnce.tryComplete());
      loaded.onSuccess(v -> fresh()
          .onComplete(done -> followedOnce.tryComplete())
          // Then the searches of the warm-up again for a moment, so the first reader meets compiled code.
          .compose(fresh -> pool.executeBlocking(() -> index.warm(WARM_UP_MILLIS), false))
          .onFailure(e -> LOG.log(Level.WARNING, "archive index: {0}", e.getClass().getName())));
    }
    return loaded;
  }

  /**
   * Completes once the index has followed the store after the start (on a fresh data folder: the
   * first build), or failed to: the record preparer and the warm-up wait for it, so they do not walk
   * the archive at the same time as the first build.
   */
  public Future<Void> followedOnce() {
    return followedOnce.future();
  }

  /** Brought up to what the store says now. */
  public Future<Void> fresh() {
    return load().compose(v -> pool.executeBlocking(() -> {
      follow();
      return null;
    }, false));
  }

  /** Fresh entries, with their posts, of every closed session the filter lets through. */
  public Future<List<IndexEntry>> closed(Predicate<ArchivedSession> visible) {
    return fresh().map(v -> entries.values().stream().filter(e -> visible.test(session(e))).toList());
  }

  /** Fresh entries, with their posts, of the given closed sessions. */
  public Future<List<IndexEntry>> closed(Collection<String> ids, Predicate<ArchivedSession> visible) {
    return fresh().map(v -> {
      Map<String, IndexEntry> now = entries;
      return ids.stream().distinct().map(now::get).filter(e -> e != null && visible.test(session(e))).toList();
    });
  }

  /** The kept entry of one session (after a {@link #fresh}), or null. */
  public IndexEntry entry(String id) {
    return entries.get(id);
  }

  /**
   * Runs read-only work with the index as it stands, without first following the store: for what
   * may lag a moment (similar knelpunten on a record page) and must never wait for a long build.
   */
  public <T> Future<T> asItStands(java.util.function.Function<SearchIndex, T> work) {
    return load().compose(v -> pool.executeBlocking(() -> work.apply(index), false));
  }

  /** Runs read-only work with the fresh index, on the index pool. */
  public <T> Future<T> withIndex(java.util.function.Function<SearchIndex, T> work) {
    return fresh().compose(v -> pool.executeBlocking(() -> work.apply(index), false));
  }

  /**
   * Forgets this session: its revision is raised in the store (so every node builds it again),
   * and this node's documents are deleted and merged out of the index files at once. Call after
   * rewriting any of its stored events in place; the future completes when the words are gone.
   */
  public Future<Void> forget(String session) {
    return load().compose(v -> pool.executeBlocking(() -> {
      writing.lock();
      try {
        ArchiveChanges.touch(db, session);
        if (entries.containsKey(session)) {
          Map<String, IndexEntry> now = new HashMap<>(entries);
          now.remove(session);
          index.delete(List.of(session));
          index.commit(null, true);
          entries = Map.copyOf(now);
        }
      } finally {
        writing.unlock();
      }
      return null;
    }, false));
  }

  private Void open() throws IOException {
    // Before issue 11 the entries were kept in the store; the index in the data folder replaces them.
    if (db.collection("archive_index").estimatedDocumentCount() > 0) {
      db.collection("archive_index").drop();
    }
    index = SearchIndex.open(folder);
    Map<String, IndexEntry> read = new HashMap<>();
    for (SearchIndex.Stored s : index.stored()) {
      read.put(s.id(), IndexEntry.fromDocument(Document.parse(s.payload())));
    }
    entries = Map.copyOf(read);
    followed = index.followed();
    return null;
  }

  /** Blocking: brings the index up to the store's current mark (see the class comment). */
  private void follow() throws Exception {
    String mark = ArchiveChanges.mark(db);
    if (mark.equals(followed)) {
      return;
    }
    writing.lock();
    try {
      if (mark.equals(followed)) {
        return;
      }
      Map<String, long[]> heads = new HashMap<>();
      for (Document doc : db.collection(Database.SESSIONS).find(CLOSED)
          .projection(Projections.include("head", ArchiveChanges.REVISION))) {
        Document head = doc.get("head", Document.class);
        heads.put(doc.getString("_id"), new long[] {head == null ? -1 : ((Number) head.get("seq")).longValue(),
            revision(doc)});
      }
      Map<String, IndexEntry> now = new HashMap<>(entries);
      List<String> stale = new ArrayList<>();
      heads.forEach((id, key) -> {
        IndexEntry e = now.get(id);
        if (e == null || e.seq() != key[0] || e.revision() != key[1]) {
          stale.add(id);
        }
      });
      Set<String> gone = new HashSet<>(now.keySet());
      gone.removeAll(heads.keySet());
      boolean purge = false;
      for (int from = 0; from < stale.size(); from += REBUILD_CHUNK) {
        purge |= rebuild(stale.subList(from, Math.min(stale.size(), from + REBUILD_CHUNK)), now);
        if (from + REBUILD_CHUNK < stale.size()) {
          // A long first build keeps what it has done through a restart (saved, not yet searched).
          index.save();
          entries = Map.copyOf(now);
        }
      }
      if (!gone.isEmpty()) {
        index.delete(gone);
        now.keySet().removeAll(gone);
      }
      index.commit(mark, purge);
      entries = Map.copyOf(now);
      followed = mark;
    } finally {
      writing.unlock();
    }
  }

  /** Folds these sessions' records (one read for all) and replaces them in the index; true if words left. */
  private boolean rebuild(List<String> ids, Map<String, IndexEntry> now) throws Exception {
    List<ArchivedSession> sessions = new ArrayList<>();
    Map<String, Long> revisions = new HashMap<>();
    for (Document doc : db.collection(Database.SESSIONS).find(in("_id", ids))) {
      sessions.add(ArchivedSession.fromJson(StoredEvents.object(doc).put("id", doc.getString("_id"))));
      revisions.put(doc.getString("_id"), revision(doc));
    }
    // Read here, like the sessions above: this runs on the index's own thread already, and waiting on
    // the database pool from it would hold two threads for one read.
    Map<String, FollowUp> answers = followups.readForSessions(ids);
    List<SessionDoc> docs = new ArrayList<>();
    boolean lost = false;
    for (NarrativeRecord record : source.narratives(sessions)) {
      if (!closed(sessions, record.session().id())) {
        continue;
      }
      IndexEntry entry = IndexEntry.of(record, record.head() == null ? -1 : record.head().seq(),
          revisions.getOrDefault(record.session().id(), 0L));
      IndexEntry old = now.put(entry.id(), entry);
      lost |= old != null && old.lostWordsIn(entry);
      docs.add(document(entry, record, answers));
    }
    index.replace(docs);
    return lost;
  }

  private static boolean closed(List<ArchivedSession> sessions, String id) {
    return sessions.stream().anyMatch(s -> s.info().id().equals(id) && s.closed());
  }

  /** The searchable words of a session: title, visible stories and knelpunten, harvest, agreements, answers. */
  private static SessionDoc document(IndexEntry e, NarrativeRecord record, Map<String, FollowUp> answers) {
    List<String> passages = new ArrayList<>();
    List<SessionDoc.Knelpunt> knelpunten = new ArrayList<>();
    for (IndexEntry.IndexedPost p : e.posts()) {
      passages.add(SearchIndex.join(p.title(), p.text()));
      if ("barrier".equals(p.kind())) {
        knelpunten.add(new SessionDoc.Knelpunt(p.id(), p.title(), p.text()));
        FollowUp f = answers.get(p.id());
        if (f != null && f.answer() != null && !f.answer().isBlank()) {
          passages.add(f.answer());
        }
      }
    }
    if (record.harvest() != null) {
      addIfText(passages, record.harvest().harvest());
      addIfText(passages, record.harvest().agreements());
    }
    LocalDate day = Dates.localDay(e.closedAt());
    long millis;
    try {
      millis = Instant.parse(e.closedAt()).toEpochMilli();
    } catch (RuntimeException unreadable) {
      millis = 0;
    }
    return new SessionDoc(e.id(), e.seq(), e.revision(), key(e.municipality()), key(e.community()), e.template(),
        e.owner(), millis, day == null ? 0 : day.toEpochDay(), e.title(), passages, knelpunten,
        e.toDocument().toJson());
  }

  private static void addIfText(List<String> out, String text) {
    if (text != null && !text.isBlank()) {
      out.add(text);
    }
  }

  static String key(String value) {
    return value == null ? "" : Account.key(value);
  }

  private static long revision(Document doc) {
    Object r = doc.get(ArchiveChanges.REVISION);
    return r instanceof Number n ? n.longValue() : 0;
  }

  /** The entry's facts as a closed session, for access decisions. */
  static ArchivedSession session(IndexEntry e) {
    SessionInfo info = new SessionInfo(e.id(), null, null, e.title(), e.municipality(), e.community(), e.template(),
        List.of(), e.owner(), e.createdAt(), SessionStatus.CLOSED);
    return new ArchivedSession(info, new RecordCheck.Head(e.seq(), null));
  }

  @Override
  public void close() throws IOException {
    writing.lock();
    try {
      if (index != null) {
        index.close();
      }
    } finally {
      writing.unlock();
    }
  }
}
