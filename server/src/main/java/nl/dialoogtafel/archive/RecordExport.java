package nl.dialoogtafel.archive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.NarrativeRecord.Removal;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.dialogue.SessionEvent;
import nl.dialoogtafel.dialogue.SessionEvent.PostAdded;
import nl.dialoogtafel.dialogue.SessionEvent.RecognitionAdded;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.StoredEvent;

/**
 * The open-data export of a record: every event with its hashes, the head, and who was there
 * (names only where agreed; never phone or e-mail). The words of a withdrawn or hidden post, and
 * the recognition notes on it (they may quote it), are left out and the event marked
 * {@code erased} with the post's removal, as the archive shows it; the offline verifier accepts
 * that only where a later event withdrew or hid the post or erased its author.
 */
public final class RecordExport {

  public static final String FORMAT = "dialoogtafel-verslag/1";

  private RecordExport() {}

  /** Why words left the export: the post's removal (a note goes with its post). */
  private static JsonObject marker(Removal removal) {
    return new JsonObject().put("at", removal.at()).put("reason", removal.why());
  }

  public static JsonObject of(ArchivedSession session, List<StoredEvent> events, List<Participant> people) {
    var info = session.info();
    Map<String, Removal> removals = PostRemovals.of(RecordFolder.decoded(events, Map.of()));
    JsonArray out = new JsonArray();
    for (StoredEvent e : events) {
      JsonObject event = new JsonObject().put("seq", e.seq()).put("at", e.at()).put("name", e.name());
      JsonObject data = e.data();
      JsonObject erased = e.erased();
      // Only a removed post's own words and the notes on it leave the export; the stored form is
      // kept otherwise, key for key.
      SessionEvent decoded = EventCodec.read(e, Map.of()).orElse(null);
      if (erased == null && decoded instanceof PostAdded added && removals.containsKey(added.postId())) {
        data = data.copy();
        data.getJsonObject("post").remove("title");
        data.getJsonObject("post").remove("text");
        erased = marker(removals.get(added.postId()));
      } else if (erased == null && decoded instanceof RecognitionAdded recognition && recognition.note() != null
          && removals.containsKey(recognition.postId())) {
        data = data.copy();
        data.remove("note");
        erased = marker(removals.get(recognition.postId()));
      }
      event.put("data", data).put("contentHash", e.contentHash()).put("hash", e.hash());
      if (erased != null) {
        event.put("erased", erased);
      }
      out.add(event);
    }
    JsonArray participants = new JsonArray();
    for (Participant p : people) {
      participants.add(new JsonObject().put("id", p.id()).put("name", p.publicName())
          .put("organisation", p.organisation()).put("role", p.role()));
    }
    JsonObject head = session.head() == null ? null
        : new JsonObject().put("seq", session.head().seq()).put("hash", session.head().hash());
    return new JsonObject().put("format", FORMAT).put("exportedAt", Instant.now().toString())
        .put("session", new JsonObject().put("id", info.id()).put("title", info.title())
            .put("municipality", info.municipality()).put("community", info.community())
            .put("template", info.templateId()).put("createdAt", info.createdAt()))
        .put("head", head).put("participants", participants).put("events", out);
  }
}
