package nl.dialoogtafel.live;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.Scenarios;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot extension (docs/protocol.md, "Snapshot and coalesced joins") through real
 * WebSockets: a client that asks gets the state at a seq instead of every event, and the joins of
 * one tick as one {@code people} frame, with every seq once and in order, also across a resume.
 */
@Timeout(120)
@WithServer
class SnapshotContractTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private JsonObject session;

  @BeforeEach
  void newSessionInStoryPhase() throws Exception {
    session = facilitator.storySession();
  }

  @Test
  @DisplayName("watch with snapshot: the state at seq N, no events; every fold there, nothing private or removed")
  void snapshotCarriesWhatTheScreensFold() throws Exception {
    SessionScript script = Scenarios.everyFold(facilitator);
    try (LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
      String ref = kiosk.request(new JsonObject().put("type", "watch").put("session", script.id)
          .put("key", script.kioskKey).put("snapshot", true));
      JsonObject watching = kiosk.reply(ref);
      String frame = kiosk.frames().get(0);
      JsonObject snapshot = watching.getJsonObject("snapshot");
      assertEquals(watching.getLong("seq"), snapshot.getLong("seq"), "the snapshot is the state at the reply's seq");
      assertEquals(new JsonArray(), watching.getJsonArray("events"));
      assertEquals("open", snapshot.getString("state"));
      assertEquals("knelpunten", snapshot.getJsonObject("phase").getString("id"));
      assertTrue(snapshot.getString("phaseStartedAt").startsWith("20"), snapshot.encode());
      assertEquals("Elke maand een casustafel.", snapshot.getJsonObject("harvest").getString("agreements"));
      // The spotlight was set in an earlier phase: a spotlight belongs to its phase (record.js folds alike).
      assertEquals(null, snapshot.getString("spotlight"));
      assertEquals(2, snapshot.getJsonArray("connections").size());

      List<JsonObject> people = objects(snapshot.getJsonArray("participants"));
      assertEquals(List.of("Fatima", "", ""), people.stream()
          .map(p -> p.getString("name") == null ? "" : p.getString("name")).toList(), "Joost chose no name, Ilse is erased");
      assertEquals(true, people.get(2).getBoolean("erased"));
      JsonObject withdrawn = post(snapshot, script.posts.get("ingetrokken"));
      assertNull(withdrawn.getString("text"));
      JsonObject hidden = post(snapshot, script.posts.get("verborgen"));
      assertEquals("hidden", hidden.getString("removed"));
      assertEquals("Herleidbaar naar een gezin", hidden.getString("removedReason"));
      assertEquals("erased", post(snapshot, script.posts.get("school")).getString("removed"));
      assertEquals(true, post(snapshot, script.posts.get("loketten")).getBoolean("telling"));
      assertEquals("Herkenbaar: bij ons precies zo.", post(snapshot, script.posts.get("loketten"))
          .getJsonArray("recognitions").getJsonObject(0).getString("note"));
      JsonObject ilsesRecognition = post(snapshot, script.posts.get("wachtlijst")).getJsonArray("recognitions")
          .getJsonObject(0);
      assertNull(ilsesRecognition.getString("note"));
      assertNull(ilsesRecognition.getJsonObject("by").getString("name"));
      for (String secret : List.of("12345678", "geheim@example.nl", "Joost", "Ilse", "geheimewoordenbrij",
          "verborgenwoordenbrij", "ilsewoordenbrij", "ilsenotitiebrij")) {
        assertFalse(frame.contains(secret), "the snapshot must not show " + secret + ": " + frame);
      }
    }
  }

  @Test
  @DisplayName("join with snapshot: earlier people in it at once; a v1 join in the same room still gets every event")
  void joinWithSnapshotBesideV1() throws Exception {
    try (Phone first = Phone.join(vertx, server.port(), Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost"));
        Phone second = Phone.join(vertx, server.port(),
            Phone.joinMessage(code(), "Ilse", "Basisschool De Linde").put("snapshot", true))) {
      JsonObject snapshot = second.welcome.getJsonObject("snapshot");
      assertEquals(second.welcome.getLong("seq"), snapshot.getLong("seq"));
      assertEquals(List.of(first.participantId, second.participantId), objects(snapshot.getJsonArray("participants"))
          .stream().map(p -> p.getString("id")).toList());
      assertFalse(first.welcome.containsKey("snapshot"), "a client that did not ask gets protocol v1");
      assertEquals(second.participantId, first.live.nextEvent("participant.joined").getJsonObject("data")
          .getJsonObject("participant").getString("id"), "v1 gets the join as its own event, at once");
    }
  }

  @Test
  @DisplayName("a storm of joins reaches a snapshot client as few people frames covering every seq once, in order")
  void joinsAreCoalesced() throws Exception {
    try (Phone watcher = Phone.join(vertx, server.port(),
            Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost").put("snapshot", true));
        Phone v1 = Phone.join(vertx, server.port(), code(), "Ilse", "Basisschool De Linde")) {
      // A post sent amid the storm: joins gathered before it must reach the watcher before it.
      String postRef = java.util.UUID.randomUUID().toString();
      List<LiveClient> storm = joinAtOnce(12, () -> v1.live.send(new JsonObject().put("type", "post").put("id", postRef)
          .put("ref", postRef).put("kind", "story").put("title", "").put("text", "Midden in de storm.")));
      try {
        long postSeq = v1.live.reply(postRef).getLong("seq");
        long watcherSeq = watcher.welcome.getLong("seq");
        long last = watcherSeq + 1 + 12 + 1;
        List<Long> seen = new ArrayList<>();
        int peopleFrames = 0;
        long after = watcherSeq;
        while (after < last) {
          JsonObject m = watcher.live.next(x -> "people".equals(x.getString("type")) || "event".equals(x.getString("type")));
          if ("people".equals(m.getString("type"))) {
            peopleFrames++;
            long from = m.getLong("from");
            assertEquals(m.getLong("to") - from + 1, m.getJsonArray("joined").size(), m.encode());
            assertTrue(from <= after + 1, "no gap before " + m.encode() + " after " + after);
            for (long seq = from; seq <= m.getLong("to"); seq++) {
              if (seq > after) {
                seen.add(seq);
              }
            }
            after = Math.max(after, m.getLong("to"));
          } else {
            assertEquals("post.added", m.getString("name"), "joins only come in people frames: " + m.encode());
            assertEquals(after + 1, m.getLong("seq"), "no gap before the post");
            seen.add(m.getLong("seq"));
            after = m.getLong("seq");
          }
        }
        assertEquals(LongStream.rangeClosed(watcherSeq + 1, last).boxed().toList(), seen,
            "every seq after the welcome exactly once and in order, the post " + postSeq + " among the joins");
        assertTrue(peopleFrames < 13, "13 joins in " + peopleFrames + " people frames");
        for (long seq = watcherSeq + 2; seq <= last; seq++) {
          final long wanted = seq;
          v1.live.next(m -> "event".equals(m.getString("type")) && m.getLong("seq") == wanted);
        }
      } finally {
        storm.forEach(LiveClient::close);
      }
    }
  }

  @Test
  @DisplayName("resume in the middle of a storm: v1 from a people frame's to misses nothing; a snapshot resume overlaps harmlessly")
  void resumeInTheMiddleOfAStorm() throws Exception {
    Phone watcher = Phone.join(vertx, server.port(),
        Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost").put("snapshot", true));
    String token = watcher.token;
    List<LiveClient> storm = new ArrayList<>(joinAtOnce(6));
    try {
      long upTo = watcher.live.nextOfType("people").getLong("to");
      watcher.close();
      storm.addAll(joinAtOnce(6));
      try (Phone poster = Phone.join(vertx, server.port(), code(), "Ilse", "Basisschool De Linde")) {
        long postSeq = poster.post("tijdens-de-storm", "story", "Tijdens de storm.").getLong("seq");

        // Protocol v1 resume from the seq a people frame reached: exactly the events after it.
        try (LiveClient again = LiveClient.connect(vertx, server.port())) {
          JsonObject welcome = again.reply(again.request(new JsonObject().put("type", "resume").put("token", token)
              .put("after", upTo)));
          assertEquals(LongStream.rangeClosed(upTo + 1, postSeq).boxed().toList(),
              objects(welcome.getJsonArray("events")).stream().map(e -> e.getLong("seq")).toList());
        }

        // A snapshot resume (of a phone that lost its copy: after 0) while joins are still being
        // gathered: the snapshot, then the joins after it.
        LiveClient resumed = LiveClient.connect(vertx, server.port());
        storm.add(resumed);
        List<LiveClient> more = joinAtOnce(5, () -> resumed.send(new JsonObject().put("type", "resume")
            .put("token", token).put("after", 0).put("snapshot", true).put("ref", "r")));
        storm.addAll(more);
        JsonObject welcome = resumed.reply("r");
        JsonObject snapshot = welcome.getJsonObject("snapshot");
        Set<String> people = objects(snapshot.getJsonArray("participants")).stream().map(p -> p.getString("id"))
            .collect(Collectors.toCollection(LinkedHashSet::new));
        assertTrue(snapshot.getLong("seq") >= postSeq, "the missed post is in the snapshot");
        assertTrue(snapshot.getJsonArray("posts").stream()
            .anyMatch(p -> "Tijdens de storm.".equals(((JsonObject) p).getString("text"))), snapshot.encode());
        long after = snapshot.getLong("seq");
        long last = postSeq + 5;
        while (after < last) {
          JsonObject m = resumed.nextOfType("people");
          assertTrue(m.getLong("from") <= after + 1, "no gap: " + m.encode() + " after " + after);
          JsonArray joined = m.getJsonArray("joined");
          for (int i = 0; i < joined.size(); i++) {
            if (m.getLong("from") + i > after) {
              assertTrue(people.add(joined.getJsonObject(i).getString("id")), "nobody twice: " + m.encode());
            }
          }
          after = Math.max(after, m.getLong("to"));
        }
        assertEquals(1 + 12 + 1 + 5, people.size(), "everyone who joined, once: " + people);
        assertFalse(resumed.receives(m -> "event".equals(m.getString("type"))
            && "participant.joined".equals(m.getString("name")), 300), "no join as a v1 event");
      }
    } finally {
      storm.forEach(LiveClient::close);
    }
  }

  @Test
  @DisplayName("a snapshot resume after a short gap gets only the events it missed, then joins coalesced")
  void shortGapResumesWithEvents() throws Exception {
    Phone away = Phone.join(vertx, server.port(),
        Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost").put("snapshot", true));
    String token = away.token;
    long had = away.welcome.getLong("seq");
    away.close();
    List<LiveClient> later = new ArrayList<>();
    try (Phone poster = Phone.join(vertx, server.port(), code(), "Ilse", "Basisschool De Linde")) {
      long last = poster.post("terwijl-weg", "story", "Terwijl Fatima weg was.").getLong("seq");
      try (LiveClient back = LiveClient.connect(vertx, server.port())) {
        JsonObject welcome = back.reply(back.request(new JsonObject().put("type", "resume").put("token", token)
            .put("after", had).put("snapshot", true)));
        assertNull(welcome.getValue("snapshot"), "a few missed events are cheaper than the whole state");
        assertEquals(LongStream.rangeClosed(had + 1, last).boxed().toList(),
            objects(welcome.getJsonArray("events")).stream().map(e -> e.getLong("seq")).toList());
        later.addAll(joinAtOnce(2));
        JsonObject people = back.nextOfType("people");
        assertEquals(last + 1, people.getLong("from"), "joins after it still come coalesced: " + people.encode());
        assertFalse(back.receives(m -> "event".equals(m.getString("type"))
            && "participant.joined".equals(m.getString("name")), 300), "no join as a v1 event");
      }
    } finally {
      later.forEach(LiveClient::close);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private List<LiveClient> joinAtOnce(int count) throws Exception {
    return joinAtOnce(count, () -> { });
  }

  /** Sends {@code count} v1 joins from as many sockets at once (and {@code alongside}), then waits for every welcome. */
  private List<LiveClient> joinAtOnce(int count, Runnable alongside) throws Exception {
    List<LiveClient> clients = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clients.add(LiveClient.connect(vertx, server.port()));
    }
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      refs.add(clients.get(i).request(Phone.joinMessage(code(), "Storm " + i, "Organisatie " + i)));
    }
    alongside.run();
    for (int i = 0; i < count; i++) {
      assertEquals("welcome", clients.get(i).reply(refs.get(i)).getString("type"));
    }
    return clients;
  }

  private static JsonObject post(JsonObject snapshot, String id) {
    return objects(snapshot.getJsonArray("posts")).stream().filter(p -> id.equals(p.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no post " + id + " in " + snapshot.encode()));
  }

  private static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    array.forEach(o -> out.add((JsonObject) o));
    return out;
  }

  private String code() {
    return session.getString("code");
  }
}
