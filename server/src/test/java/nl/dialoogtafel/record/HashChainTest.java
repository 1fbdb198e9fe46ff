package nl.dialoogtafel.record;

import com.mongodb.client.model.Updates;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


@Timeout(120)
class HashChainTest {

  private static final String SESSION = "s-keten";

  // ---- a sealed record built by hand -----------------------------------------------------------

  private static JsonObject phaseData() {
    return new JsonObject().put("phase", new JsonObject().put("id", "verhalen").put("title", "Verhalen")
        .put("prompt", "Vertel een verhaal uit de praktijk.").put("kinds", new JsonArray().add("story"))
        .put("minutes", 20));
  }

  private static JsonObject postData(int n) {
    return new JsonObject().put("post", new JsonObject().put("id", "p" + n).put("kind", "story")
        .put("title", "Verhaal " + n).put("text", "Een moeder belde drie loketten (" + n + ").")
        .put("phase", "verhalen").put("author", new JsonObject().put("id", "u1")));
  }

  /** phase.started, then posts: events 1..n, sealed one onto the other. */
  private static List<StoredEvent> record(int n) {
    List<StoredEvent> events = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (int seq = 1; seq <= n; seq++) {
      String name = seq == 1 ? "phase.started" : "post.added";
      JsonObject data = seq == 1 ? phaseData() : postData(seq);
      StoredEvent event = HashChain.seal(SESSION, seq, "2025-03-0" + seq + "T10:00:00Z", name, data,
          "u1/key-" + seq, previous);
      previous = event.hash();
      events.add(event);
    }
    return events;
  }

  private static StoredEvent withData(StoredEvent e, JsonObject data) {
    return new StoredEvent(e.session(), e.seq(), e.at(), e.name(), data, e.key(), e.contentHash(), e.hash(),
        e.erased());
  }

  private static StoredEvent withSeq(StoredEvent e, long seq) {
    return new StoredEvent(e.session(), seq, e.at(), e.name(), e.data(), e.key(), e.contentHash(), e.hash(),
        e.erased());
  }

  /** What erasure leaves: the words gone, the hashes kept, and a marker. */
  private static StoredEvent erased(StoredEvent e) {
    JsonObject post = e.data().getJsonObject("post");
    JsonObject remaining = new JsonObject().put("post", new JsonObject().put("id", post.getString("id"))
        .put("kind", post.getString("kind")).put("phase", post.getString("phase"))
        .put("author", post.getJsonObject("author")));
    return new StoredEvent(e.session(), e.seq(), e.at(), e.name(), remaining, e.key(), e.contentHash(), e.hash(),
        new JsonObject().put("at", "2025-03-09T12:00:00Z").put("reason", "withdrawn"));
  }

  private static void assertBrokenAt(long seq, HashChain.Verdict verdict) {
    assertFalse(verdict.valid(), "the chain must not verify: " + verdict);
    assertEquals(seq, verdict.firstBadSeq(), "the verdict names the first bad event: " + verdict);
    assertNotNull(verdict.problem());
  }

  @Test
  @DisplayName("A sealed record verifies, names no bad seq and counts its events")
  void sealedRecordVerifies() {
    HashChain.Verdict verdict = HashChain.verify(SESSION, record(5));
    assertTrue(verdict.valid(), verdict.toString());
    assertEquals(5, verdict.events());
    assertEquals(0, verdict.erased());
    assertNull(verdict.firstBadSeq());
    assertNull(verdict.problem());
    assertTrue(HashChain.verify(SESSION, List.of()).valid(), "an empty record is a valid record");
  }

  @Test
  @DisplayName("Each event links to the one before, starting from the genesis hash")
  void eventsLinkToTheirPredecessor() {
    List<StoredEvent> events = record(3);
    assertEquals(HashChain.link(HashChain.GENESIS, events.get(0).contentHash()), events.get(0).hash());
    assertEquals(HashChain.link(events.get(0).hash(), events.get(1).contentHash()), events.get(1).hash());
    assertEquals(64, events.get(2).hash().length());
  }

  @Test
  @DisplayName("A record that went through JSON (the database reorders keys and hands back other number types) still verifies")
  void survivesJsonRoundTrip() {
    List<StoredEvent> roundTripped = new ArrayList<>();
    for (StoredEvent e : record(4)) {
      JsonObject json = new JsonObject(e.toJson().encode());
      // Same content, keys in another order, the integer as a long.
      JsonObject data = json.getJsonObject("data");
      JsonObject reordered = new JsonObject();
      List<String> keys = new ArrayList<>(data.fieldNames());
      Collections.reverse(keys);
      keys.forEach(k -> reordered.put(k, data.getValue(k)));
      if (reordered.getJsonObject("phase") != null) {
        reordered.getJsonObject("phase").put("minutes", 20L);
      }
      roundTripped.add(StoredEvent.fromJson(json.put("data", reordered)));
    }
    assertTrue(HashChain.verify(SESSION, roundTripped).valid());
  }

  @Test
  @DisplayName("Changing one character of one event's data breaks the chain at that event")
  void alteredCharacterIsFound() {
    List<StoredEvent> events = new ArrayList<>(record(5));
    StoredEvent third = events.get(2);
    JsonObject data = third.data().copy();
    String text = data.getJsonObject("post").getString("text");
    data.getJsonObject("post").put("text", text.replace("moeder", "moedEr"));
    events.set(2, withData(third, data));
    assertBrokenAt(3, HashChain.verify(SESSION, events));
  }

  @Test
  @DisplayName("Changing an event's time or name breaks the chain at that event")
  void alteredTimeOrNameIsFound() {
    List<StoredEvent> events = new ArrayList<>(record(5));
    StoredEvent fourth = events.get(3);
    events.set(3, new StoredEvent(fourth.session(), fourth.seq(), "2025-03-04T10:00:01Z", fourth.name(),
        fourth.data(), fourth.key(), fourth.contentHash(), fourth.hash(), null));
    assertBrokenAt(4, HashChain.verify(SESSION, events));

    events = new ArrayList<>(record(5));
    events.set(3, new StoredEvent(fourth.session(), fourth.seq(), fourth.at(), "post.hidden", fourth.data(),
        fourth.key(), fourth.contentHash(), fourth.hash(), null));
    assertBrokenAt(4, HashChain.verify(SESSION, events));
  }

  @Test
  @DisplayName("Altered content with a recomputed content hash still breaks the chain at that event")
  void recomputedContentHashBreaksTheLink() {
    List<StoredEvent> events = new ArrayList<>(record(5));
    StoredEvent third = events.get(2);
    JsonObject forged = postData(3);
    forged.getJsonObject("post").put("text", "Iets heel anders.");
    String content = HashChain.contentHash(SESSION, 3, third.at(), third.name(), forged);
    events.set(2, new StoredEvent(SESSION, 3, third.at(), third.name(), forged, third.key(), content, third.hash(),
        null));
    assertBrokenAt(3, HashChain.verify(SESSION, events));
  }

  @Test
  @DisplayName("Removing an event from the middle breaks the chain where the gap is")
  void removedEventIsFound() {
    List<StoredEvent> events = new ArrayList<>(record(5));
    events.remove(2);
    assertBrokenAt(4, HashChain.verify(SESSION, events));

    // Renumbering what follows does not hide the gap: the seq is part of each sealed content.
    List<StoredEvent> renumbered = new ArrayList<>(record(5));
    renumbered.remove(2);
    renumbered.set(2, withSeq(renumbered.get(2), 3));
    renumbered.set(3, withSeq(renumbered.get(3), 4));
    assertBrokenAt(3, HashChain.verify(SESSION, renumbered));

    List<StoredEvent> firstGone = new ArrayList<>(record(5));
    firstGone.remove(0);
    assertFalse(HashChain.verify(SESSION, firstGone).valid(), "removing event 1 breaks the chain too");
  }

  @Test
  @DisplayName("Swapping two events breaks the chain, whether they keep or trade their seq")
  void swappedEventsAreFound() {
    List<StoredEvent> events = new ArrayList<>(record(5));
    Collections.swap(events, 1, 2);
    HashChain.Verdict verdict = HashChain.verify(SESSION, events);
    assertFalse(verdict.valid());
    assertTrue(Set.of(2L, 3L).contains(verdict.firstBadSeq()), "names one of the swapped events: " + verdict);

    List<StoredEvent> traded = new ArrayList<>(record(5));
    StoredEvent second = traded.get(1);
    StoredEvent third = traded.get(2);
    traded.set(1, withSeq(third, 2));
    traded.set(2, withSeq(second, 3));
    assertBrokenAt(2, HashChain.verify(SESSION, traded));
  }

  @Test
  @DisplayName("An event of another session does not pass as part of this record")
  void foreignEventIsFound() {
    List<StoredEvent> events = new ArrayList<>(record(3));
    StoredEvent e = events.get(1);
    events.set(1, new StoredEvent("s-ander", e.seq(), e.at(), e.name(), e.data(), e.key(), e.contentHash(), e.hash(),
        null));
    assertBrokenAt(2, HashChain.verify(SESSION, events));
  }

  @Test
  @DisplayName("An erased event (content removed, hashes kept, erased set) still verifies and is counted as erased")
  void erasedEventStillVerifies() {
    List<StoredEvent> events = new ArrayList<>(record(5));
    events.set(2, erased(events.get(2)));
    assertFalse(events.get(2).data().getJsonObject("post").containsKey("text"));
    HashChain.Verdict verdict = HashChain.verify(SESSION, events);
    assertTrue(verdict.valid(), verdict.toString());
    assertEquals(5, verdict.events());
    assertEquals(1, verdict.erased());
  }

  @Test
  @DisplayName("Erasure is no free pass: an erased event with an altered hash still breaks the chain")
  void erasedEventWithAlteredHashIsFound() {
    List<StoredEvent> events = new ArrayList<>(record(5));
    StoredEvent gone = erased(events.get(2));
    String otherContent = HashChain.contentHash(SESSION, 3, gone.at(), gone.name(), gone.data());
    events.set(2, new StoredEvent(SESSION, 3, gone.at(), gone.name(), gone.data(), gone.key(), otherContent,
        gone.hash(), gone.erased()));
    assertBrokenAt(3, HashChain.verify(SESSION, events));
  }

  // ---- a real session over the live protocol -----------------------------------------------------

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @DisplayName("On a real session")
  @WithServer
  class RealSession {

    private TestServer server;
    private Vertx vertx;
    @AdminCookie
    private String cookie;

    private record Played(String sessionId, long keptPostSeq, long withdrawnPostSeq, long lastSeq) {}

    /** Joins, posts, a recognition and a withdrawal, and waits until the withdrawn words are erased. */
    private Played play() throws Exception {
      JsonObject session = server.createSession(cookie);
      String id = session.getString("id");
      server.startPhase(cookie, id, "verhalen");
      try (Phone fatima = Phone.join(vertx, server.port(), session.getString("code"), "Fatima", "Jeugdteam Oost");
          Phone joost = Phone.join(vertx, server.port(), session.getString("code"), "Joost", "GGD")) {
        long kept = fatima.post("k-1", "story", "Een moeder belde drie loketten voordat iemand hielp.").getLong("seq");
        long gone = fatima.post("k-2", "story", "Dit verhaal trek ik later weer in.").getLong("seq");
        String keptPost = postId(joost, kept);
        String gonePost = postId(joost, gone);
        JsonObject recognized = joost.send("recognize", new JsonObject().put("post", keptPost).put("note", "Herkenbaar."));
        assertEquals("ack", recognized.getString("type"), recognized.encode());
        JsonObject withdrawn = fatima.send("withdraw", new JsonObject().put("post", gonePost));
        assertEquals("ack", withdrawn.getString("type"), withdrawn.encode());
        long last = withdrawn.getLong("seq");
        awaitErased(id, gone);
        return new Played(id, kept, gone, last);
      }
    }

    private String postId(Phone phone, long seq) throws InterruptedException {
      return phone.live.next(m -> "event".equals(m.getString("type")) && m.getLong("seq") == seq)
          .getJsonObject("data").getJsonObject("post").getString("id");
    }

    /** The erasure of withdrawn words runs after the ack; wait for it, with a deadline only for safety. */
    private void awaitErased(String sessionId, long seq) {
      Awaitility.await("the withdrawn post at seq " + seq + " is erased").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(20)).until(() -> {
            Document doc = stored(() -> events().find(and(eq("session", sessionId), eq("seq", seq))).first());
            return doc != null && doc.containsKey("erased");
          });
    }

    /**
     * Straight on the database, as an intruder would, but through the server's pool: the withdrawal
     * rewrites the store file after its marker is set, and a call made meanwhile waits for it.
     */
    private <T> T stored(java.util.concurrent.Callable<T> work) throws Exception {
      return server.server().database().call(work).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private com.mongodb.client.MongoCollection<Document> events() {
      return server.server().database().collection(Database.EVENTS);
    }

    private List<StoredEvent> load(String sessionId) throws Exception {
      return new EventStore(server.server().database()).loadAll(sessionId).toCompletionStage().toCompletableFuture()
          .get(20, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("The stored record of a played session verifies, the erased withdrawal included")
    void playedRecordVerifies() throws Exception {
      Played played = play();
      List<StoredEvent> record = load(played.sessionId());
      assertEquals(played.lastSeq(), record.size(), "the whole record, nothing else");
      assertEquals(Set.of("phase.started", "participant.joined", "post.added", "recognition.added", "post.withdrawn"),
          Set.copyOf(record.stream().map(StoredEvent::name).toList()));
      HashChain.Verdict verdict = HashChain.verify(played.sessionId(), record);
      assertTrue(verdict.valid(), verdict.toString());
      assertEquals(record.size(), verdict.events());
      assertEquals(1, verdict.erased(), "the withdrawn post is erased and still verifies");
    }

    @Test
    @DisplayName("Altering a post's text in the database is found, and the verdict names that event's seq")
    void alteredTextInDatabaseIsFound() throws Exception {
      Played played = play();
      UpdateResult changed = stored(() -> events().updateOne(and(eq("session", played.sessionId()),
          eq("seq", played.keptPostSeq())), Updates.set("data.post.text", "Een moeder belde twee loketten voordat iemand hielp.")));
      assertEquals(1, changed.getModifiedCount());
      HashChain.Verdict verdict = HashChain.verify(played.sessionId(), load(played.sessionId()));
      assertBrokenAt(played.keptPostSeq(), verdict);
    }

    @Test
    @DisplayName("Deleting an event from the database is found where the gap is")
    void deletedEventInDatabaseIsFound() throws Exception {
      Played played = play();
      DeleteResult deleted = stored(() -> events().deleteOne(and(eq("session", played.sessionId()),
          eq("seq", played.keptPostSeq()))));
      assertEquals(1, deleted.getDeletedCount());
      assertBrokenAt(played.keptPostSeq() + 1, HashChain.verify(played.sessionId(), load(played.sessionId())));
    }
  }
}
