package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.storage.SessionStore;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import nl.dialoogtafel.templates.TemplateCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The preparer's pass in batches: it waits for what it is scheduled after (the search index's first
 * follow), prepares every due record, and an event stored past a record's head is still found.
 */
@Timeout(120)
@WithServer
class RecordPreparerTest {

  private static TestServer server;
  private Vertx vertx;

  @BeforeEach
  void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Database db() {
    return server.server().database();
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /**
   * A closed session of {@code n} sealed events written straight into the store, its head at the
   * last; with {@code pastHead} one more event is stored after them (before the close, so no pass
   * ever sees the record without it).
   */
  private static List<StoredEvent> closed(String id, int n, boolean pastHead) throws Exception {
    List<Phase> phases = TemplateCatalog.loadBundled().find("transformatiedialoog").orElseThrow().phases();
    String now = Instant.now().toString();
    get(new SessionStore(db()).insert(new SessionInfo(id, id.toUpperCase(), "key", "Preparer " + id, "Utrecht", "Oost",
        "transformatiedialoog", phases, "beheer", now, SessionStatus.OPEN)));
    List<StoredEvent> events = new ArrayList<>();
    String hash = HashChain.GENESIS;
    for (int seq = 1; seq <= n; seq++) {
      StoredEvent event = seq == 1
          ? HashChain.seal(id, seq, now, "phase.started", new JsonObject().put("phase", EventCodec.phase(phases.get(1))),
              "k" + seq, hash)
          : HashChain.seal(id, seq, now, "session.closed", new JsonObject(), "k" + seq, hash);
      events.add(event);
      hash = event.hash();
    }
    get(new EventStore(db()).append(events));
    StoredEvent last = events.get(events.size() - 1);
    if (pastHead) {
      get(new EventStore(db()).append(List.of(HashChain.seal(id, last.seq() + 1, last.at(), "harvest.added",
          new JsonObject().put("harvest", "Laat").put("agreements", "Later"), "k-late", last.hash()))));
    }
    get(new SessionStore(db()).setStatus(id, SessionStatus.CLOSED, last.seq(), last.hash()));
    return events;
  }

  private static boolean kept(String id) {
    return db().collection(RecordFolds.COLLECTION).find(eq("_id", id)).first() != null;
  }

  /** Passes until one finds nothing left; the records prepared in all. */
  private static int passes(RecordPreparer preparer) throws Exception {
    int total = 0;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      int done = get(preparer.pass());
      if (done == 0) {
        return total;
      }
      total += Math.max(0, done);
    }
    throw new AssertionError("the preparer did not finish");
  }

  @Test
  @DisplayName("Passes wait for what the preparer is scheduled after, then prepare every record, in batches")
  void waitsThenPreparesAll() throws Exception {
    for (int i = 0; i < RecordPreparer.BATCH + 3; i++) {
      closed("prepbatch" + i, 2, false);
    }
    RecordFolds folds = new RecordFolds(db());
    RecordPreparer preparer = new RecordPreparer(new RecordSource(db()), folds);
    Promise<Void> indexFollowed = Promise.promise();
    preparer.schedule(vertx, indexFollowed.future());
    assertEquals(-1, get(preparer.pass()), "no pass before the index followed the store once");
    indexFollowed.complete();
    assertTrue(passes(preparer) >= RecordPreparer.BATCH + 3, "more than one batch, all prepared");
    for (int i = 0; i < RecordPreparer.BATCH + 3; i++) {
      ArchivedSession s = get(new RecordSource(db()).session("prepbatch" + i)).orElseThrow();
      assertTrue(folds.verifiedAt(s.info().id(), s.head()));
      assertTrue(kept(s.info().id()));
    }
  }

  @Test
  @DisplayName("A record with an event stored past its head does not verify in a pass, and keeps no fold")
  void eventPastTheHead() throws Exception {
    List<StoredEvent> events = closed("prepbeyond", 3, true);
    closed("prepgood", 3, false);
    StoredEvent last = events.get(events.size() - 1);
    RecordFolds folds = new RecordFolds(db());
    RecordPreparer preparer = new RecordPreparer(new RecordSource(db()), folds);
    preparer.schedule(vertx, Future.succeededFuture());
    await().atMost(Duration.ofSeconds(60)).until(() -> folds.verifiedAt("prepbeyond",
        new RecordCheck.Head(last.seq(), last.hash())) && folds.verifiedAt("prepgood",
        get(new RecordSource(db()).session("prepgood")).orElseThrow().head()));
    passes(preparer);
    assertNull(db().collection(RecordFolds.COLLECTION).find(eq("_id", "prepbeyond")).first(),
        "checked and found wanting: no fold kept");
    assertNotNull(db().collection(RecordFolds.COLLECTION).find(eq("_id", "prepgood")).first());
  }
}
