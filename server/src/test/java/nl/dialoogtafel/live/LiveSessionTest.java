package nl.dialoogtafel.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
@WithServer
class LiveSessionTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private JsonObject session;

  @BeforeEach
  void newSessionInStoryPhase() throws Exception {
    session = facilitator.storySession();
  }

  private String code() {
    return session.getString("code");
  }

  @Test
  @DisplayName("A phone joins with the code and gets a welcome with the session, its phase and the record so far")
  void joinWelcomes() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code().toLowerCase(), "Fatima", "Jeugdteam Oost")) {
      JsonObject welcome = phone.welcome;
      assertEquals("Fatima", welcome.getJsonObject("participant").getString("name"));
      assertTrue(welcome.getString("token").length() >= 22, "token carries at least 128 bits");
      JsonObject s = welcome.getJsonObject("session");
      assertEquals("open", s.getString("state"));
      assertEquals("verhalen", s.getJsonObject("phase").getString("id"));
      assertEquals(new JsonArray().add("story"), s.getJsonObject("phase").getJsonArray("kinds"));
      assertEquals(6, s.getJsonArray("phases").size());
      JsonArray events = welcome.getJsonArray("events");
      assertEquals(welcome.getLong("seq"), (long) events.size(), "all events so far, no gap");
      assertEquals("phase.started", events.getJsonObject(0).getString("name"));
      assertEquals("participant.joined", events.getJsonObject(events.size() - 1).getString("name"));
      for (int i = 0; i < events.size(); i++) {
        assertEquals(i + 1, events.getJsonObject(i).getLong("seq"));
      }
    }
  }

  @Test
  @DisplayName("A join that does not say showName keeps the name out of the room and the record (privacy by default)")
  void nameHiddenUnlessChosen() throws Exception {
    JsonObject join = Phone.joinMessage(code(), "Fatima Zwijgzaam", "Jeugdteam Oost");
    join.remove("showName");
    try (Phone phone = Phone.join(vertx, server.port(), join)) {
      JsonArray events = phone.welcome.getJsonArray("events");
      JsonObject joined = events.getJsonObject(events.size() - 1).getJsonObject("data").getJsonObject("participant");
      assertEquals("Jeugdteam Oost", joined.getString("organisation"));
      assertTrue(joined.getValue("name") == null, "no name in the room's event: " + joined);
    }
  }

  @Test
  @DisplayName("A post is acknowledged with its seq after it is stored, and reaches every connection as post.added")
  void postIsAckedAndFannedOut() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        Phone joost = Phone.join(vertx, server.port(), code(), "Joost", "GGD")) {
      JsonObject ack = fatima.post("post-1", "story", "Een moeder belde drie loketten voordat iemand haar hielp.");
      assertEquals("ack", ack.getString("type"));
      assertEquals("post-1", ack.getString("id"));
      long seq = ack.getLong("seq");
      JsonObject seen = joost.live.nextEvent("post.added");
      assertEquals(seq, seen.getLong("seq"));
      JsonObject post = seen.getJsonObject("data").getJsonObject("post");
      assertEquals("story", post.getString("kind"));
      assertEquals("verhalen", post.getString("phase"));
      assertEquals("Fatima", post.getJsonObject("author").getString("name"));
      assertEquals("Jeugdteam Oost", post.getJsonObject("author").getString("organisation"));
      long stored = server.server().database().collection(Database.EVENTS)
          .countDocuments(new org.bson.Document("session", session.getString("id")).append("seq", seq));
      assertEquals(1, stored, "acknowledged means stored");
    }
  }

  @Test
  @DisplayName("A dropped phone resumes with after and gets exactly what it missed, then live events")
  void resumeGetsExactlyWhatWasMissed() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        Phone joost = Phone.join(vertx, server.port(), code(), "Joost", "GGD")) {
      long before = joost.post("j-1", "story", "Eerste verhaal van Joost over de wachtlijst.").getLong("seq");
      fatima.live.nextEvent("post.added");
      fatima.live.close();
      List<Long> missed = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        missed.add(joost.post("j-miss-" + i, "story", "Verhaal " + i + " dat Fatima mist.").getLong("seq"));
      }
      try (LiveClient again = LiveClient.connect(vertx, server.port())) {
        String ref = again.request(new JsonObject().put("type", "resume").put("token", fatima.token)
            .put("after", before).put("epoch", fatima.welcome.getString("epoch")));
        JsonObject welcome = again.reply(ref);
        assertEquals("welcome", welcome.getString("type"));
        assertFalse(welcome.getBoolean("reset"));
        List<Long> replayed = new ArrayList<>();
        welcome.getJsonArray("events").forEach(e -> replayed.add(((JsonObject) e).getLong("seq")));
        assertEquals(missed, replayed);
        long live = joost.post("j-after", "story", "Na de terugkeer.").getLong("seq");
        assertEquals(live, again.nextEvent("post.added").getLong("seq"));
      }
    }
  }

  @Test
  @DisplayName("A re-sent id returns the original seq and stores nothing new, also after a reconnect")
  void resentIdIsIdempotent() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      long first = fatima.post("same-id", "story", "Een verhaal dat twee keer verstuurd wordt.").getLong("seq");
      long second = fatima.post("same-id", "story", "Een verhaal dat twee keer verstuurd wordt.").getLong("seq");
      assertEquals(first, second);
      try (LiveClient again = LiveClient.connect(vertx, server.port())) {
        again.reply(again.request(new JsonObject().put("type", "resume").put("token", fatima.token).put("after", first)));
        String ref = again.request(new JsonObject().put("type", "post").put("id", "same-id").put("kind", "story")
            .put("text", "Een verhaal dat twee keer verstuurd wordt."));
        assertEquals(first, again.reply(ref).getLong("seq"));
      }
      long posts = server.server().database().collection(Database.EVENTS)
          .countDocuments(new org.bson.Document("session", session.getString("id")).append("name", "post.added"));
      assertEquals(1, posts);
    }
  }

  @Test
  @DisplayName("30 phones and a kiosk: every post reaches every connection once, in seq order, with no gap")
  void roomOfThirty() throws Exception {
    LiveClient kiosk = LiveClient.connect(vertx, server.port());
    JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch")
        .put("session", session.getString("id")).put("key", session.getString("kioskKey"))));
    assertEquals("watching", watching.getString("type"));
    List<Phone> phones = new ArrayList<>();
    try {
      for (int i = 0; i < 30; i++) {
        phones.add(Phone.join(vertx, server.port(), code(), "Deelnemer " + i, "Organisatie " + (i % 7)));
      }
      long lastJoin = phones.get(29).welcome.getLong("seq");
      for (int i = 0; i < 30; i++) {
        Phone phone = phones.get(i);
        phone.live.send(new JsonObject().put("type", "post").put("id", "room-" + i).put("kind", "story")
            .put("text", "Verhaal nummer " + i + " uit de praktijk."));
      }
      long end = lastJoin + 30;
      List<LiveClient> everyone = new ArrayList<>();
      phones.forEach(p -> everyone.add(p.live));
      everyone.add(kiosk);
      for (int c = 0; c < everyone.size(); c++) {
        LiveClient client = everyone.get(c);
        long expected = c < 30 ? phones.get(c).welcome.getLong("seq") + 1 : watching.getLong("seq") + 1;
        Set<String> posts = new HashSet<>();
        while (expected <= end) {
          JsonObject event = client.nextOfType("event");
          assertEquals(expected, event.getLong("seq"), "connection " + c + " gets seq in order without gaps");
          if (event.getString("name").equals("post.added")) {
            assertTrue(posts.add(event.getJsonObject("data").getJsonObject("post").getString("text")), "no repeats");
          }
          expected++;
        }
        assertEquals(30, posts.size(), "connection " + c + " saw all 30 posts");
      }
    } finally {
      phones.forEach(Phone::close);
      kiosk.close();
    }
  }

  @Test
  @DisplayName("Withdrawing a post takes its words off the wall, out of replays and out of the stored record")
  void withdrawErasesText() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      String secret = "Dit verhaal trek ik in " + UUID.randomUUID();
      fatima.post("w-1", "story", secret);
      String postId = fatima.live.nextEvent("post.added").getJsonObject("data").getJsonObject("post").getString("id");
      JsonObject ack = fatima.send("withdraw", new JsonObject().put("post", postId));
      assertEquals("ack", ack.getString("type"));
      JsonObject withdrawn = fatima.live.nextEvent("post.withdrawn");
      assertEquals(postId, withdrawn.getJsonObject("data").getString("post"));
      try (Phone late = Phone.join(vertx, server.port(), code(), "Laat", "Wijkteam")) {
        assertFalse(late.welcome.encode().contains(secret), "a later joiner never sees withdrawn words");
      }
      org.bson.Document stored = server.server().database().collection(Database.EVENTS)
          .find(new org.bson.Document("session", session.getString("id")).append("name", "post.added")).first();
      assertFalse(stored.toJson().contains(secret), "the words are gone from the stored record");
      assertTrue(stored.containsKey("erased"));
    }
  }

  @Test
  @DisplayName("A foreign Origin is refused at the handshake; our own origin and a non-browser client get in")
  void foreignOriginRefused() throws Exception {
    org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
        () -> LiveClient.connect(vertx, server.port(), "https://evil.example"));
    try (LiveClient own = LiveClient.connect(vertx, server.port(), server.origin());
        LiveClient plain = LiveClient.connect(vertx, server.port())) {
      assertEquals("error", own.reply(own.request(new JsonObject().put("type", "nonsense"))).getString("type"));
      assertEquals("error", plain.reply(plain.request(new JsonObject().put("type", "nonsense"))).getString("type"));
    }
  }

  @Test
  @DisplayName("A ping gets a pong; a contact request's ack names the request, the same on a re-send")
  void pingAndRequestIdInAck() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        Phone joost = Phone.join(vertx, server.port(), code(), "Joost", "GGD")) {
      JsonObject pong = fatima.live.reply(fatima.live.request(new JsonObject().put("type", "ping")));
      assertEquals("pong", pong.getString("type"));
      JsonObject request = new JsonObject().put("id", "ask-1").put("to", joost.participantId);
      JsonObject first = fatima.send("contact.request", request);
      JsonObject again = fatima.send("contact.request", request);
      assertEquals("ack", first.getString("type"));
      assertEquals(first.getString("request"), again.getString("request"));
      assertEquals(first.getLong("seq"), again.getLong("seq"));
      JsonObject asked = joost.live.nextPrivate("contact.requested");
      assertEquals(first.getString("request"), asked.getJsonObject("data").getString("request"));
    }
  }

  @Test
  @DisplayName("A join sent again with the same id (its welcome was lost) finds the same participant and stores nothing")
  void repeatedJoinIsIdempotent() throws Exception {
    JsonObject join = Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost").put("id", "join-" + UUID.randomUUID());
    try (Phone first = Phone.join(vertx, server.port(), join);
        Phone again = Phone.join(vertx, server.port(), join);
        Phone other = Phone.join(vertx, server.port(), join.copy().put("id", UUID.randomUUID().toString()))) {
      assertEquals(first.participantId, again.participantId);
      assertEquals(first.token, again.token);
      assertFalse(first.participantId.equals(other.participantId), "another id is another person");
      long joined = server.server().database().collection(Database.EVENTS).countDocuments(
          new org.bson.Document("session", session.getString("id")).append("name", "participant.joined"));
      assertEquals(2, joined);
      long seq = first.post("after-rejoin", "story", "Na de dubbele aanmelding.").getLong("seq");
      assertEquals(seq, again.live.nextEvent("post.added").getLong("seq"), "the second connection is live too");
    }
  }
}
