package nl.dialoogtafel.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.dialogue.Participant;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.ParticipantRecord;
import nl.dialoogtafel.record.StoredEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A record's people are read by the ids its join events hold: exactly those of that session. */
@Timeout(120)
class RecordPeopleTest {

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static ParticipantRecord person(String id, String session) {
    return new ParticipantRecord(id, session, "Naam " + id, "Wijkteam", "jeugdprofessional", true, "+31 6 48213957",
        id + "@example.nl", "hash-" + id, "2026-12-01T10:00:00Z");
  }

  @Test
  @DisplayName("The ids of a record's joins, in order; the people with those ids in that session, across chunks")
  void peopleOfARecord() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (Database db = Database.open(vertx, Optional.empty(), Files.createTempDirectory("dialoogtafel-people"))) {
      int many = EventSlots.CHUNK + 20;
      List<ParticipantRecord> people = new ArrayList<>();
      List<StoredEvent> record = new ArrayList<>();
      String previous = HashChain.GENESIS;
      for (int i = 0; i < many; i++) {
        people.add(person("u" + i, "a"));
        StoredEvent joined = HashChain.seal("a", i + 1, "2026-12-01T10:00:00Z", "participant.joined",
            new JsonObject().put("participant", new JsonObject().put("id", "u" + i).put("organisation", "Wijkteam")
                .put("role", "jeugdprofessional")), "join/u" + i, previous);
        record.add(joined);
        previous = joined.hash();
      }
      record.add(HashChain.seal("a", many + 1, "2026-12-01T10:00:00Z", "post.spotlighted",
          new JsonObject().put("post", "p1"), "k", previous));
      people.add(person("x1", "b"));
      people.add(person("x2", "b"));
      await(new ParticipantStore(db).insertAll(people));

      List<String> ids = EventCodec.joinedIds(record);
      assertEquals(many, ids.size());
      assertEquals("u0", ids.get(0));
      assertEquals("u" + (many - 1), ids.get(many - 1));

      List<String> asked = new ArrayList<>(ids);
      asked.add("x1"); // another session's person is never handed out, whatever the ids say
      List<Participant> found = new ArrayList<>(await(new ParticipantStore(db).listForRecord("a", asked)));
      found.sort(Comparator.comparingInt(p -> Integer.parseInt(p.id().substring(1))));
      assertEquals(many, found.size());
      assertEquals("Naam u0", found.get(0).name());
      assertEquals(await(new ParticipantStore(db).listForSession("a")).size(), found.size(),
          "the same people as the walk over every session's people");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
