package nl.dialoogtafel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One session's events are read by their slots, and a data folder from before slots is migrated. */
@Timeout(120)
class EventSlotsTest {

  private Vertx vertx;
  private Path dir;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("dialoogtafel-slots");
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static List<StoredEvent> record(String session, int count) {
    List<StoredEvent> events = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (int seq = 1; seq <= count; seq++) {
      StoredEvent event = HashChain.seal(session, seq, "2026-12-01T10:00:00Z", "post.spotlighted",
          new JsonObject().put("post", "p" + seq), "k" + seq, previous);
      events.add(event);
      previous = event.hash();
    }
    return events;
  }

  @Test
  @DisplayName("Reads of one session: exactly its events in order, across chunks, bounded or to the end")
  void readsOneSession() throws Exception {
    try (Database db = Database.open(vertx, Optional.empty(), dir)) {
      EventStore events = new EventStore(db);
      int length = EventSlots.CHUNK * 2 + 7;
      await(events.append(record("a", length)));
      await(events.append(record("a2", 30))); // "a2#1" must never be read as "a#2…"
      await(events.append(record("b", 40)));
      List<StoredEvent> all = await(events.loadAll("a"));
      assertEquals(length, all.size());
      for (int i = 0; i < all.size(); i++) {
        assertEquals("a", all.get(i).session());
        assertEquals(i + 1, all.get(i).seq());
      }
      List<StoredEvent> resume = await(events.load("a", EventSlots.CHUNK - 3, EventSlots.CHUNK + 5));
      assertEquals(8, resume.size());
      assertEquals(EventSlots.CHUNK - 2, resume.get(0).seq());
      assertEquals(0, await(events.load("a", length, Long.MAX_VALUE)).size());
      assertEquals(record("a", length).get(length - 1).hash(), all.get(length - 1).hash());
    }
  }

  @Test
  @DisplayName("A data folder from before slots: its events get theirs at start-up, nothing lost, once")
  void migratesOlderEvents() throws Exception {
    try (Database db = Database.open(vertx, Optional.empty(), dir)) {
      await(new EventStore(db).append(record("old", 1200)));
      // As stored before slots existed: no slot field, no index on it, no mark in meta.
      db.collection(Database.EVENTS).dropIndex(EventSlots.FIELD + "_1");
      db.collection(Database.EVENTS).updateMany(Filters.exists(EventSlots.FIELD), Updates.unset(EventSlots.FIELD));
      db.collection(Database.META).deleteOne(Filters.eq("_id", "migration:event-slots"));
      assertEquals(0, db.collection(Database.EVENTS).countDocuments(Filters.exists(EventSlots.FIELD)));
    }
    try (Database db = Database.open(vertx, Optional.empty(), dir)) {
      assertEquals(1200, db.collection(Database.EVENTS).countDocuments(Filters.exists(EventSlots.FIELD)));
      List<StoredEvent> all = await(new EventStore(db).loadAll("old"));
      assertEquals(1200, all.size());
      assertTrue(HashChain.verify("old", all).valid(), "the migrated record still verifies");
      assertEquals(1, db.collection(Database.META).countDocuments(Filters.eq("_id", "migration:event-slots")));
    }
  }
}
