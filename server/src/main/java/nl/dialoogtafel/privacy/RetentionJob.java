package nl.dialoogtafel.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import nl.dialoogtafel.storage.ContactStore;
import nl.dialoogtafel.storage.WaitingStore;
import nl.dialoogtafel.storage.ParticipantStore;
import nl.dialoogtafel.storage.RecordRewrites;
import nl.dialoogtafel.storage.SessionStore;
import nl.dialoogtafel.storage.Database;

/**
 * A3: personal data is kept only as long as needed. Once a session has been closed longer than
 * the retention period, its people lose their names, contact details and tokens and its contact
 * requests go; the stories, the record and its chain stay (they hold no names: people appear in
 * the record by id). Runs at start-up and then every few hours.
 */
public final class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());
  private static final long EVERY_MS = Duration.ofHours(6).toMillis();

  private final Database db;
  private final Duration keep;
  private final SessionStore sessions;
  private final ParticipantStore participants;
  private final ContactStore contacts;
  /** The archive keeps folded records with names in them; it hears of every session done here. */
  private final RecordRewrites rewrites;
  private final AtomicBoolean running = new AtomicBoolean();

  public RetentionJob(Database db, Duration keep, RecordRewrites rewrites) {
    this.db = db;
    this.rewrites = rewrites;
    this.keep = keep;
    this.sessions = new SessionStore(db);
    this.participants = new ParticipantStore(db);
    this.contacts = new ContactStore(db);
  }

  /** Runs the job a second after start-up and then every {@link #EVERY_MS}, on this Vert.x instance. */
  public void schedule(Vertx vertx) {
    vertx.setTimer(1000, id -> runOnce());
    vertx.setPeriodic(EVERY_MS, id -> runOnce());
  }

  /** Removes the personal data of every session past its retention; completes with how many. */
  public Future<Integer> runOnce() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(0);
    }
    Instant now = Instant.now();
    return sessions.dueForRetention(now.minus(keep))
        .compose(due -> removeAll(due, now).map(due.size()))
        .compose(count -> count == 0 ? Future.succeededFuture(0) : db.compactStorage().map(count))
        .onSuccess(count -> {
          if (count > 0) {
            LOG.info("retention: personal data removed from " + count + " closed session(s)");
          }
        })
        .onFailure(e -> LOG.warning("retention job failed; tried again later: " + e.getClass().getName()))
        .onComplete(done -> running.set(false));
  }

  private Future<Void> removeAll(List<String> due, Instant now) {
    Future<Void> chain = Future.succeededFuture();
    for (String session : due) {
      chain = chain.compose(v -> Future.all(participants.removePersonalData(session, now.toString()),
              contacts.removeForSession(session), new WaitingStore(db).removeForSession(session))
          .compose(all -> sessions.markPersonalDataRemoved(session, now))
          .compose(done -> rewrites.rewritten(session)));
    }
    return chain;
  }
}
