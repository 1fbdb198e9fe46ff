package nl.dialoogtafel.live.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.dialogue.Dialogue;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionState;
import nl.dialoogtafel.record.ContactNote;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A crash may fall between an event and the erasure it asks for. Loading the session finishes the
 * job: a withdrawn post loses its words, an erased person loses their document, notes and words;
 * nobody else loses anything.
 */
@Timeout(60)
class ErasuresTest {

  private static final String SESSION = "s-erasures";
  private static final String HER = "u-her";
  private static final String HIM = "u-him";

  private Vertx vertx;
  private Database db;
  private Stores stores;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = Database.open(vertx, Optional.empty(), Files.createTempDirectory("dialoogtafel-erasures"));
    stores = Stores.on(db);
    await(stores.participants().insertAll(List.of(
        person(HER, "Annelotte", "+31 6 48213957"), person(HIM, "Bram", "+31 6 11112222"))));
  }

  @AfterEach
  void close() throws Exception {
    db.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("A person erased just before a crash: on load their words, document and notes go; his stay")
  void finishesAPersonsErasure() throws Exception {
    await(stores.contacts().insert(ContactNote.requested("c1", SESSION, HER, HIM, "Bellen over Reigerbos", "k", 4)));
    Loaded loaded = store(
        joined(HER), joined(HIM),
        new SessionEvent.PostAdded("p-her", PostKind.STORY, "Zwaluw", "Zwaluwverhaal", "verhalen", HER),
        new SessionEvent.PostAdded("p-him", PostKind.STORY, "School", "Een verhaal van Bram", "verhalen", HIM),
        new SessionEvent.RecognitionAdded("p-him", HER, "Herkenbaar, Kwartelkoning"),
        new SessionEvent.ParticipantErased(HER));

    await(loaded.finish());

    Map<Long, StoredEvent> after = bySeq();
    for (long seq : List.of(3L, 5L)) {
      assertTrue(after.get(seq).isErased(), "event " + seq + " holds her words");
      assertEquals(PersonErasure.REASON, after.get(seq).erased().getString("reason"));
      assertEquals(HER, seq == 3 ? after.get(seq).data().getJsonObject("post").getJsonObject("author").getString("id")
          : after.get(seq).data().getJsonObject("by").getString("id"), "who stays, the words go");
    }
    assertFalse(after.get(3L).data().encode().contains("Zwaluw"));
    assertFalse(after.get(5L).data().encode().contains("Kwartelkoning"));
    assertFalse(after.get(4L).isErased(), "his post is his");
    assertEquals("Een verhaal van Bram", after.get(4L).data().getJsonObject("post").getString("text"));
    assertNull(await(stores.participants().find(HER)).orElseThrow().name());
    assertEquals("Bram", await(stores.participants().find(HIM)).orElseThrow().name());
    assertNull(await(stores.contacts().listForSession(SESSION)).get(0).note(), "the note she wrote");
  }

  @Test
  @DisplayName("A post withdrawn just before a crash: on load its words leave the store, marked as withdrawn")
  void finishesAWithdrawal() throws Exception {
    Loaded loaded = store(
        joined(HER),
        new SessionEvent.PostAdded("p-her", PostKind.STORY, "Zwaluw", "Zwaluwverhaal", "verhalen", HER),
        new SessionEvent.PostAdded("p-her-2", PostKind.STORY, "Reiger", "Reigerverhaal", "verhalen", HER),
        new SessionEvent.PostWithdrawn("p-her"));

    await(loaded.finish());

    Map<Long, StoredEvent> after = bySeq();
    assertTrue(after.get(2L).isErased());
    assertEquals("withdrawn", after.get(2L).erased().getString("reason"));
    assertFalse(after.get(2L).data().encode().contains("Zwaluw"));
    assertFalse(after.get(3L).isErased(), "the post she kept");
    assertEquals("Annelotte", await(stores.participants().find(HER)).orElseThrow().name());
  }

  @Test
  @DisplayName("Withdrawn or erased before a crash: on load the notes about the post go too, marked; others stay")
  void finishesTheNotesAboutAPost() throws Exception {
    await(stores.contacts().insert(ContactNote.requested("c1", SESSION, HIM, "u-third",
        "Over de wachtlijst bij de kinderarts: Reigerbos", "k1", 5)));
    await(stores.contacts().insert(ContactNote.requested("c2", SESSION, "u-third", HIM, "Koffie bij Merelhof?", "k2", 6)));
    Loaded loaded = store(
        joined(HER), joined(HIM),
        new SessionEvent.PostAdded("p-her", PostKind.STORY, "Zwaluw", "Zwaluwverhaal: de wachtlijst bij de kinderarts",
            "verhalen", HER),
        new SessionEvent.PostAdded("p-him", PostKind.STORY, "School", "Een verhaal van Bram", "verhalen", HIM),
        new SessionEvent.RecognitionAdded("p-her", HIM, "Kwartelkoning: de wachtlijst bij de kinderarts"),
        new SessionEvent.RecognitionAdded("p-him", HER, "Sperwerdag"),
        new SessionEvent.PostWithdrawn("p-her"));

    await(loaded.finish());

    Map<Long, StoredEvent> after = bySeq();
    assertTrue(after.get(5L).isErased(), "his note on her withdrawn story");
    assertEquals("withdrawn", after.get(5L).erased().getString("reason"));
    assertFalse(after.get(5L).data().encode().contains("Kwartelkoning"));
    assertEquals(HIM, after.get(5L).data().getJsonObject("by").getString("id"), "who recognised it stays");
    assertFalse(after.get(6L).isErased(), "her note on his story is hers to keep");
    Map<String, ContactNote> notes = new HashMap<>();
    await(stores.contacts().listForSession(SESSION)).forEach(n -> notes.put(n.id(), n));
    assertNull(notes.get("c1").note(), "the contact note quoting her story");
    assertEquals("Koffie bij Merelhof?", notes.get("c2").note());
  }

  @Test
  @DisplayName("A record with nothing cut short is left as it is")
  void leavesACompleteRecordAlone() throws Exception {
    Loaded loaded = store(
        joined(HER), joined(HIM),
        new SessionEvent.PostAdded("p-her", PostKind.STORY, "Zwaluw", "Zwaluwverhaal", "verhalen", HER),
        new SessionEvent.RecognitionAdded("p-her", HIM, "Herkenbaar"));

    await(loaded.finish());

    bySeq().values().forEach(stored -> assertFalse(stored.isErased(), stored.name()));
    assertEquals("Annelotte", await(stores.participants().find(HER)).orElseThrow().name());
  }

  /** A record as a crashed hub left it, loaded as the hub loads it. */
  private record Loaded(Erasures erasures, RecordView view, SessionState state, Map<String, Participant> people) {
    Future<Void> finish() {
      return erasures.finishOnLoad(view, state, people);
    }
  }

  private Loaded store(SessionEvent... events) throws Exception {
    SessionState state = SessionState.initial(SESSION, List.of());
    String hash = HashChain.GENESIS;
    List<StoredEvent> sealed = new ArrayList<>();
    List<Recorded> record = new ArrayList<>();
    for (SessionEvent event : events) {
      state = Dialogue.evolve(state, event);
      StoredEvent stored = HashChain.seal(SESSION, state.seq(), Instant.now().toString(), event.name(),
          EventCodec.toData(event), "key-" + state.seq(), hash);
      hash = stored.hash();
      sealed.add(stored);
      record.add(new Recorded(stored, event));
    }
    await(stores.events().append(sealed));
    Map<String, Participant> people = new HashMap<>();
    await(stores.participants().listForSession(SESSION)).forEach(p -> people.put(p.id(), p));
    RecordView view = new RecordView(SessionState.initial(SESSION, List.of()));
    view.restore(record, state);
    return new Loaded(new Erasures(stores, SESSION, () -> true), view, state, people);
  }

  private Map<Long, StoredEvent> bySeq() throws Exception {
    Map<Long, StoredEvent> bySeq = new HashMap<>();
    await(stores.events().loadAll(SESSION)).forEach(e -> bySeq.put(e.seq(), e));
    return bySeq;
  }

  private static SessionEvent joined(String id) {
    return new SessionEvent.ParticipantJoined(new Participant(id, null, "Wijkteam", "coach", false));
  }

  private static ParticipantRecord person(String id, String name, String phone) {
    return new ParticipantRecord(id, SESSION, name, "Wijkteam", "coach", true, phone, null, "hash-" + id,
        Instant.now().toString());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
