package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import nl.dialoogtafel.storage.EventSlots;
import org.bson.Document;

/**
 * Makes a record's first view cheap before anyone asks: a pass, shortly after start-up and then
 * every {@link #EVERY}, reads the heads of the closed sessions and, newest first, reads, folds and
 * verifies every record this process has not verified at its current head (a session closed or
 * grown since — on this node or another — or every record after a start), and keeps the fold beside
 * the record ({@link RecordFolds}). Every {@link #RECHECK} all records are verified again, so a
 * change made straight in the database is seen then at the latest. Never on an event loop.
 *
 * <p>After a start the first pass waits until the search index has followed the store once (a
 * first build over a large archive reads every record too, and two such walks on two cores slowed
 * each other and the first searches). A pass is many short calls on the database workers, one per
 * {@link #BATCH} records, so readers and the index get their turns between them; each batch reads
 * its records' events by their slots up to the head and one slot past it (an event stored beyond
 * the head is found, and the record then does not verify).
 */
public final class RecordPreparer {

  static final Duration EVERY = Duration.ofSeconds(5);
  public static final Duration RECHECK = Duration.ofHours(6);
  /** Records read, folded and verified in one call on a database worker. */
  static final int BATCH = 16;
  private static final Logger LOG = Logger.getLogger(RecordPreparer.class.getName());

  private final RecordSource source;
  private final RecordFolds folds;
  private final AtomicBoolean running = new AtomicBoolean();
  /** Told of every record prepared at a new head (the stored PDF is made next); set once at wiring. */
  private volatile java.util.function.Consumer<NarrativeRecord> listener = record -> { };
  /** Completes when passes may run: after the search index's first follow of the store. */
  private volatile Future<?> ready = Future.succeededFuture();

  public RecordPreparer(RecordSource source, RecordFolds folds) {
    this.source = source;
    this.folds = folds;
  }

  /** Who is told of each record prepared at a new head, on the preparing worker (keep it short). */
  public void onPrepared(java.util.function.Consumer<NarrativeRecord> listener) {
    this.listener = listener;
  }

  /** Passes from one second after {@code after} completes (either way), then every {@link #EVERY}. */
  public void schedule(Vertx vertx, Future<?> after) {
    ready = after;
    after.onComplete(done -> vertx.setTimer(1000, id -> pass()));
    vertx.setPeriodic(EVERY.toMillis(), id -> pass());
    vertx.setPeriodic(RECHECK.toMillis(), id -> folds.distrustAll());
  }

  /**
   * One pass: completes with the records prepared, or −1 at once when a pass is already under way
   * or passes do not run yet (the search index has not followed the store since the start).
   */
  public Future<Integer> pass() {
    if (!ready.isComplete() || !running.compareAndSet(false, true)) {
      return Future.succeededFuture(-1);
    }
    Database db = source.database();
    return db.call(this::due).compose(due -> prepare(due, 0, 0)).onComplete(done -> {
      running.set(false);
      if (done.failed() && !(done.cause() instanceof Database.Closing)) {
        LOG.log(Level.WARNING, "preparing archive records failed: {0}", done.cause().getClass().getName());
      }
    });
  }

  /** The closed sessions not verified at their head, newest first (blocking). */
  private List<String> due() {
    Database db = source.database();
    List<Document> closed = new ArrayList<>();
    for (Document doc : db.collection(Database.SESSIONS).find(eq("status", SessionStatus.CLOSED.wire()))
        .projection(Projections.include("head", "closedAt"))) {
      Document head = (Document) doc.get("head");
      if (head != null && !folds.verifiedAt(doc.getString("_id"),
          new RecordCheck.Head(((Number) head.get("seq")).longValue(), head.getString("hash")))) {
        closed.add(doc);
      }
    }
    closed.sort((a, b) -> String.valueOf(b.getString("closedAt")).compareTo(String.valueOf(a.getString("closedAt"))));
    return closed.stream().map(doc -> doc.getString("_id")).toList();
  }

  /** The due records from {@code from} on, one batch per call on the database workers. */
  private Future<Integer> prepare(List<String> due, int from, int done) {
    if (from >= due.size()) {
      return Future.succeededFuture(done);
    }
    List<String> batch = due.subList(from, Math.min(due.size(), from + BATCH));
    return source.database().call(() -> prepareNow(batch)).compose(n -> prepare(due, from + BATCH, done + n));
  }

  private static boolean big(ArchivedSession session) {
    return session.head().seq() >= KeptEvents.MIN_EVENTS;
  }

  /** Reads, folds, verifies and keeps these records (blocking); how many were closed and prepared. */
  private int prepareNow(List<String> ids) {
    Database db = source.database();
    long ticket = folds.ticket();
    List<ArchivedSession> sessions = new ArrayList<>();
    List<String> pastHead = new ArrayList<>();
    for (Document full : db.collection(Database.SESSIONS).find(in("_id", ids))) {
      ArchivedSession session = ArchivedSession.fromJson(Documents.toJson(full));
      if (session.closed() && session.head() != null) {
        sessions.add(session);
        pastHead.add(EventSlots.of(session.info().id(), session.head().seq() + 1));
      }
    }
    // An event stored past a session's head: that record is read whole, to the first gap, and fails its check.
    Set<String> beyond = new HashSet<>();
    for (Document doc : db.collection(Database.EVENTS).find(in(EventSlots.FIELD, pastHead))
        .projection(Projections.include("session"))) {
      beyond.add(doc.getString("session"));
    }
    // Small records are read together; a big one whole on its own, so its events are kept for the first
    // view after it grows (KeptEvents) and a view of it meanwhile waits for this fold instead of reading it too.
    List<NarrativeRecord> records = new ArrayList<>(source.narratives(
        sessions.stream().filter(s -> !beyond.contains(s.info().id()) && !big(s)).toList()));
    sessions.stream().filter(s -> beyond.contains(s.info().id()) || big(s)).forEach(s -> records.add(source.foldNow(s)));
    for (NarrativeRecord record : records) {
      folds.keepNow(ticket, record);
      listener.accept(record);
    }
    return records.size();
  }
}
