package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Projections;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.storage.Database;
import org.bson.Document;

/**
 * Makes a record's first view cheap before anyone asks: a pass, shortly after start-up and then
 * every {@link #EVERY}, reads the heads of the closed sessions and, newest first, reads, folds and
 * verifies every record this process has not verified at its current head (a session closed or
 * grown since — on this node or another — or every record after a start), and keeps the fold beside
 * the record ({@link RecordFolds}). Every {@link #RECHECK} all records are verified again, so a
 * change made straight in the database is seen then at the latest. One record at a time, on one
 * database worker; never on an event loop.
 */
public final class RecordPreparer {

  static final Duration EVERY = Duration.ofSeconds(5);
  public static final Duration RECHECK = Duration.ofHours(6);
  private static final Logger LOG = Logger.getLogger(RecordPreparer.class.getName());

  private final RecordSource source;
  private final RecordFolds folds;
  private final AtomicBoolean running = new AtomicBoolean();
  /** Told of every record prepared at a new head (the stored PDF is made next); set once at wiring. */
  private volatile java.util.function.Consumer<NarrativeRecord> listener = record -> { };

  public RecordPreparer(RecordSource source, RecordFolds folds) {
    this.source = source;
    this.folds = folds;
  }

  /** Who is told of each record prepared at a new head, on the preparing worker (keep it short). */
  public void onPrepared(java.util.function.Consumer<NarrativeRecord> listener) {
    this.listener = listener;
  }

  public void schedule(Vertx vertx) {
    vertx.setTimer(1000, id -> pass());
    vertx.setPeriodic(EVERY.toMillis(), id -> pass());
    vertx.setPeriodic(RECHECK.toMillis(), id -> folds.distrustAll());
  }

  /** One pass: completes with the records prepared, or −1 at once when a pass is already under way. */
  public Future<Integer> pass() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(-1);
    }
    Database db = source.database();
    return db.call(this::prepareAll).onComplete(done -> {
      running.set(false);
      if (done.failed() && !(done.cause() instanceof Database.Closing)) {
        LOG.log(Level.WARNING, "preparing archive records failed: {0}", done.cause().getClass().getName());
      }
    });
  }

  private int prepareAll() {
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
    int prepared = 0;
    for (Document doc : closed) {
      long ticket = folds.ticket();
      Document full = db.collection(Database.SESSIONS).find(eq("_id", doc.getString("_id"))).first();
      if (full == null) {
        continue;
      }
      ArchivedSession session = ArchivedSession.fromJson(nl.dialoogtafel.storage.Documents.toJson(full));
      if (session.closed()) {
        NarrativeRecord record = source.foldNow(session);
        folds.keepNow(ticket, record);
        listener.accept(record);
        prepared++;
      }
    }
    return prepared;
  }
}
