package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Documents;
import nl.dialoogtafel.storage.EventSlots;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.storage.SessionStore;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.LargeRecord;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The events kept of big records ({@link KeptEvents}): after a record grew, a view reads only the
 * new events and folds the same record as a whole read would; a change made behind the server's
 * back is still found by {@link RecordCache#MAX_AGE} after the kept events were read; an erasure
 * drops them, so the erased words are not shown. On the real store, the archive's parts wired here
 * with a clock of the test's own (the erasure through the server's own wiring).
 */
@Timeout(180)
@WithServer
class KeptEventsTest {

  /** Big enough to be kept: the phase, five people, the posts, a phase for the knelpunten, harvest, close. */
  private static final int STORIES = KeptEvents.MIN_EVENTS;
  private static final String VALID = "Ja, het verslag klopt.";

  private static TestServer server;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;

  private final AtomicLong now = new AtomicLong();

  private static Database db() {
    return server.server().database();
  }

  private static ArchivedSession session(String id) {
    return ArchivedSession.fromJson(Documents.toJson(db().collection(Database.SESSIONS).find(eq("_id", id)).first()));
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get();
  }

  /** One more sealed event on the closed record and its head moved, as the hub does after closing. */
  private static void grow(String id, String name, JsonObject data) throws Exception {
    ArchivedSession s = session(id);
    long seq = s.head().seq() + 1;
    StoredEvent event = HashChain.seal(id, seq, "2025-03-01T12:00:00Z", name, data, id + "/late" + seq,
        s.head().hash());
    get(new EventStore(db()).append(List.of(event)));
    get(new SessionStore(db()).setStatus(id, SessionStatus.CLOSED, seq, event.hash()));
  }

  /** The archive's parts as the server wires them, on the test's clock. */
  private final class Archive {
    final RecordSource source = new RecordSource(db(),
        new KeptEvents(KeptEvents.MIN_EVENTS, KeptEvents.MAX_BYTES, RecordCache.MAX_AGE, now::get));
    final ArchiveRecords records = new ArchiveRecords(source,
        new RecordCache(RecordCache.MAX_RECORDS, RecordCache.MAX_BYTES, RecordCache.MAX_AGE, now::get),
        new RecordFolds(db()));

    NarrativeRecord view(String id) throws Exception {
      return KeptEventsTest.get(records.narrative(session(id)));
    }
  }

  @Test
  @DisplayName("After a late harvest and a withdrawal a view reads only the new events, and folds what a whole read folds")
  void grownRecordReadsOnlyTheNewEvents() throws Exception {
    String id = LargeRecord.seed(db(), "skeptgrow", "Utrecht", STORIES, 5);
    Archive a = new Archive();
    NarrativeRecord first = a.view(id);
    assertTrue(first.integrity().valid());
    long whole = a.source.eventsRead();
    assertEquals(session(id).head().seq(), whole, "the first view reads every event");

    grow(id, "harvest.added", new JsonObject().put("harvest", "Later geoogst").put("agreements", "Later afgesproken"));
    NarrativeRecord harvested = a.view(id);
    assertEquals(whole + 1, a.source.eventsRead(), "only the harvest is read");
    assertEquals("Later geoogst", harvested.harvest().harvest());
    assertEquals(new RecordSource(db()).foldNow(session(id)), harvested, "the same record as a whole read");

    grow(id, "post.withdrawn", new JsonObject().put("post", id + "p1"));
    NarrativeRecord withdrawn = a.view(id);
    assertEquals(whole + 2, a.source.eventsRead(), "only the withdrawal is read");
    assertTrue(withdrawn.integrity().valid());
    assertEquals(first.counts().removed() + 1, withdrawn.counts().removed(), "the story is told as withdrawn");
    assertEquals(new RecordSource(db()).foldNow(session(id)), withdrawn, "the same record as a whole read");
  }

  @Test
  @DisplayName("Two views of one record at one head at once read it once")
  void oneReadForTwoViews() throws Exception {
    String id = LargeRecord.seed(db(), "skeptonce", "Utrecht", STORIES, 5);
    Archive a = new Archive();
    Future<NarrativeRecord> one = a.records.narrative(session(id));
    Future<NarrativeRecord> two = a.records.narrative(session(id));
    assertEquals(get(one), get(two));
    assertEquals(session(id).head().seq(), a.source.eventsRead(), "the second view waited for the first's read");
  }

  @Test
  @DisplayName("An event altered behind the server's back is found by MAX_AGE after the kept events were read, though the record grew since")
  void alteredBehindTheBack() throws Exception {
    String id = LargeRecord.seed(db(), "skeptalter", "Utrecht", STORIES, 5);
    Archive a = new Archive();
    assertTrue(a.view(id).integrity().valid());
    db().collection(Database.EVENTS).updateOne(eq(EventSlots.FIELD, EventSlots.of(id, 7)),
        Updates.set("data.post.text", "Een vervalst verhaal."));
    now.addAndGet(Duration.ofMinutes(6).toNanos());
    grow(id, "harvest.added", new JsonObject().put("harvest", "Oogst").put("agreements", "Afspraken"));
    // Within MAX_AGE the kept events stand, as a kept record does.
    assertTrue(a.view(id).integrity().valid());
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    NarrativeRecord later = a.view(id);
    assertFalse(later.integrity().valid(), "eleven minutes after the events were read, the store is read again");
    assertEquals(7L, later.integrity().badSeq());
    assertEquals("content", later.integrity().problem());
  }

  @Test
  @DisplayName("An erasure through the event store drops the kept events: the erased words are not shown again")
  void erasureDropsTheKeptEvents() throws Exception {
    String id = LargeRecord.seed(db(), "skepterase", "Utrecht", STORIES, 5);
    HttpResponse<String> before = archive.get("/archief/" + id, admin);
    assertTrue(before.body().contains("Verhaal 001"), before.body());
    KeptEvents kept = server.server().archiveCaches().keptEvents();
    await().atMost(Duration.ofSeconds(30)).until(() -> kept.get(id).isPresent());

    JsonObject remaining = new JsonObject().put("post", new JsonObject().put("id", id + "p1").put("kind", "story")
        .put("phase", session(id).info().phases().get(1).id()).put("author", new JsonObject().put("id", id + "u1")));
    get(new EventStore(db(), server.server().archiveCaches()).erase(id, 7, remaining,
        new JsonObject().put("at", "2025-01-01T00:00:00Z").put("reason", "verzoek")));
    String after = archive.get("/archief/" + id, admin).body();
    assertFalse(after.contains("Verhaal 001"), "the erased words are not on the page");
    assertFalse(after.contains(VALID), "the record says what the store now holds");
    assertTrue(kept.get(id).isEmpty() || kept.get(id).get().events().get(6).isErased(),
        "no kept copy of the erased words (the view after the erasure may keep the store's events again)");
  }
}
