package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.PostKind;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.RecordCheck;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fold from stored record to narrative, and the head check, with no server. */
class RecordFolderTest {

  private static final Phase STORIES = new Phase("verhalen", "Verhalen", "Vertel.", List.of(PostKind.STORY), 30);
  private static final SessionInfo INFO = new SessionInfo("s1", "ABCDEF", "k", "Dialoog", "Utrecht", "Oost",
      "transformatiedialoog", List.of(STORIES), "gl", "2025-03-01T09:00:00Z", SessionStatus.CLOSED);

  private static List<StoredEvent> seal(List<JsonObject> events) {
    List<StoredEvent> out = new ArrayList<>();
    String hash = HashChain.GENESIS;
    for (int i = 0; i < events.size(); i++) {
      JsonObject e = events.get(i);
      StoredEvent s = HashChain.seal("s1", i + 1, "2025-03-01T10:0" + i + ":00Z", e.getString("name"),
          e.getJsonObject("data"), "k" + i, hash);
      hash = s.hash();
      out.add(s);
    }
    return out;
  }

  private static JsonObject event(String name, JsonObject data) {
    return new JsonObject().put("name", name).put("data", data);
  }

  private static List<StoredEvent> record() {
    return seal(List.of(
        event("phase.started", new JsonObject().put("phase", EventCodec.phase(STORIES))),
        event("participant.joined", new JsonObject().put("participant", new JsonObject().put("id", "u1")
            .put("organisation", "GGD").put("role", "jeugdarts"))),
        event("participant.joined", new JsonObject().put("participant", new JsonObject().put("id", "u2")
            .put("organisation", "Wijkteam").put("role", "hulpverlener"))),
        event("post.added", new JsonObject().put("post", new JsonObject().put("id", "p1").put("kind", "story")
            .put("title", "Eerste").put("text", "Zichtbaar verhaal").put("phase", "verhalen")
            .put("author", new JsonObject().put("id", "u1")))),
        event("post.added", new JsonObject().put("post", new JsonObject().put("id", "p2").put("kind", "story")
            .put("title", "Tweede").put("text", "Later verborgen").put("phase", "verhalen")
            .put("author", new JsonObject().put("id", "u2")))),
        event("recognition.added", new JsonObject().put("post", "p2").put("by", new JsonObject().put("id", "u1"))
            .put("note", "Citeert het verborgen verhaal")),
        event("post.hidden", new JsonObject().put("post", "p2").put("reason", "herleidbaar")),
        event("connection.made", new JsonObject().put("request", "c1").put("between", new JsonArray()
            .add(new JsonObject().put("id", "u1")).add(new JsonObject().put("id", "u2")))),
        event("session.closed", new JsonObject())));
  }

  private static final Map<String, Participant> PEOPLE = Map.of(
      "u1", new Participant("u1", "Joost", "GGD", "jeugdarts", false),
      "u2", new Participant("u2", "Fatima", "Wijkteam", "hulpverlener", true));

  @Test
  @DisplayName("A post hidden later is only a marker, its recognition notes too; names only where agreed")
  void hiddenLaterIsAMarker() {
    List<StoredEvent> events = record();
    StoredEvent last = events.get(events.size() - 1);
    NarrativeRecord r = RecordFolder.fold(INFO, new RecordCheck.Head(last.seq(), last.hash()), events, PEOPLE);
    List<NarrativeRecord.Post> stories = r.chapters().get(0).stories();
    assertEquals("Zichtbaar verhaal", stories.get(0).text());
    NarrativeRecord.Post hidden = stories.get(1);
    assertTrue(hidden.removed());
    assertNull(hidden.text());
    assertNull(hidden.title());
    assertEquals("herleidbaar", hidden.removal().reason());
    assertNull(hidden.recognitions().get(0).note(), "a note on a removed post could quote it");
    assertEquals("hidden", hidden.recognitions().get(0).noteGone(), "the page says why the note is gone");
    assertNull(stories.get(0).author().name(), "Joost chose not to show his name");
    assertEquals("Fatima", r.table().get(1).people().get(0).name(), "Fatima agreed; the table is by organisation");
    assertEquals(1, r.counts().crossConnections());
    assertEquals("2025-03-01T10:08:00Z", r.session().closedAt());
    assertTrue(r.integrity().valid() && r.integrity().complete());
  }

  @Test
  @DisplayName("An event beyond the head, or a head with another hash, makes the record invalid at that event")
  void headChecks() {
    List<StoredEvent> events = record();
    StoredEvent eighth = events.get(7);
    RecordCheck.Result beyond = RecordCheck.check("s1", events, new RecordCheck.Head(8, eighth.hash()));
    assertFalse(beyond.valid());
    assertEquals("beyond_head", beyond.problem());
    assertEquals(9L, beyond.badSeq());
    StoredEvent last = events.get(8);
    RecordCheck.Result otherHash = RecordCheck.check("s1", events, new RecordCheck.Head(9, eighth.hash()));
    assertEquals("head_hash", otherHash.problem());
    assertTrue(RecordCheck.check("s1", events, new RecordCheck.Head(9, last.hash())).valid());
    assertFalse(RecordCheck.check("s1", events, null).complete(), "without a head the end cannot be vouched for");
  }
}
