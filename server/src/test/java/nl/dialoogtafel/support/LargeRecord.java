package nl.dialoogtafel.support;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.storage.SessionStore;
import nl.dialoogtafel.templates.TemplateCatalog;
import org.bson.Document;

/**
 * A large closed record written straight into the store, sealed on the hash chain as the hub
 * would (a live session of hundreds of posts would take minutes): stories titled "Verhaal 001"…
 * in order, then knelpunten "Knelpunt 001"… (post ids {@code <id>p<n>}, n counting stories first),
 * a harvest; community Oost.
 */
public final class LargeRecord {

  /** Stories beyond this many go in a second phase. */
  public static final int FIRST_PHASE = 250;

  private LargeRecord() {}

  /** A closed session: two phases, five people, its stories and knelpunten, a harvest. */
  public static String seed(Database db, String id, String municipality, int stories, int knelpunten)
      throws Exception {
    List<Phase> phases = TemplateCatalog.load(Path.of("../session-templates")).find("transformatiedialoog")
        .orElseThrow().phases();
    String at = Instant.now().toString();
    new SessionStore(db).insert(new SessionInfo(id, id.toUpperCase().substring(0, 6), "key", "Lange dialoog " + id,
        municipality, "Oost", "transformatiedialoog", phases, TestServer.ADMIN, at, SessionStatus.OPEN))
        .toCompletionStage().toCompletableFuture().get();
    List<Document> people = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
    String hash = HashChain.GENESIS;
    long seq = 0;
    events.add(HashChain.seal(id, ++seq, at, "phase.started",
        new JsonObject().put("phase", EventCodec.phase(phases.get(1))), id + "/" + seq, hash));
    for (int i = 0; i < 5; i++) {
      String person = id + "u" + i;
      people.add(new Document("_id", person).append("session", id).append("name", "Persoon " + i)
          .append("organisation", "Organisatie " + i).append("role", "rol").append("showName", true)
          .append("tokenHash", id + "t" + i));
      events.add(HashChain.seal(id, ++seq, at, "participant.joined", new JsonObject().put("participant",
          new JsonObject().put("id", person).put("organisation", "Organisatie " + i).put("role", "rol")),
          id + "/" + seq, events.get(events.size() - 1).hash()));
    }
    // Stories in phase 1 (and, past FIRST_PHASE, in phase 2), then the knelpunten in a phase of their own.
    int phase = 1;
    for (int n = 1; n <= stories + knelpunten; n++) {
      boolean story = n <= stories;
      if (n == FIRST_PHASE + 1 && story || n == stories + 1) {
        events.add(HashChain.seal(id, ++seq, at, "phase.started",
            new JsonObject().put("phase", EventCodec.phase(phases.get(++phase))), id + "/" + seq,
            events.get(events.size() - 1).hash()));
      }
      String post = id + "p" + n;
      String title = String.format(story ? "Verhaal %03d" : "Knelpunt %03d", story ? n : n - stories);
      events.add(HashChain.seal(id, ++seq, at, "post.added", new JsonObject().put("post", new JsonObject()
          .put("id", post).put("kind", story ? "story" : "barrier").put("title", title)
          .put("text", "Wat er gebeurde bij de wachtlijst, en wie erbij waren.").put("phase", phases.get(phase).id())
          .put("author", new JsonObject().put("id", id + "u" + n % 5))), id + "/" + seq,
          events.get(events.size() - 1).hash()));
    }
    events.add(HashChain.seal(id, ++seq, at, "harvest.added", new JsonObject().put("harvest", "Samen verder")
        .put("agreements", "Elke maand een casustafel"), id + "/" + seq, events.get(events.size() - 1).hash()));
    events.add(HashChain.seal(id, ++seq, at, "session.closed", new JsonObject(), id + "/" + seq,
        events.get(events.size() - 1).hash()));
    hash = events.get(events.size() - 1).hash();
    db.collection(Database.PARTICIPANTS).insertMany(people);
    // In batches, as the benchmark does: one write of thousands of events can outlast the store's read timeout.
    for (int from = 0; from < events.size(); from += 500) {
      new EventStore(db).append(events.subList(from, Math.min(events.size(), from + 500))).toCompletionStage()
          .toCompletableFuture().get();
    }
    new SessionStore(db).setStatus(id, SessionStatus.CLOSED, seq, hash).toCompletionStage().toCompletableFuture()
        .get();
    return id;
  }
}
