package nl.dialoogtafel.live;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.Ids;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * Protocol v1 (docs/protocol.md) message by message and error code by error code, through real
 * WebSockets against the real server on its embedded database.
 */
@Timeout(120)
@WithServer
class ProtocolContractTest {

  /** How long to wait for something that must NOT arrive, after a later message proved delivery order. */
  private static final long SILENCE_MS = 500;

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  @AdminCookie
  private static String cookie;
  private JsonObject session;

  @BeforeEach
  void newSessionInStoryPhase() throws Exception {
    session = facilitator.storySession();
  }

  // ---- the error codes ------------------------------------------------------------------------

  @Test
  @DisplayName("bad_request: not JSON, a JSON array, an object without type, a binary frame; the connection stays usable")
  void badRequest() throws Exception {
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      client.sendText("dit is geen json");
      assertError(client.nextOfType("error"), "bad_request");

      client.sendText("[{\"type\":\"join\"}]");
      assertError(client.nextOfType("error"), "bad_request");

      String ref = client.request(new JsonObject().put("code", code()));
      assertError(client.reply(ref), "bad_request");

      String typeNotAString = client.request(new JsonObject().put("type", 42));
      assertError(client.reply(typeNotAString), "bad_request");

      JsonObject welcome = client.reply(client.request(Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost")));
      assertEquals("welcome", welcome.getString("type"), "usable after four errors");
    }
    try (RawSocket raw = RawSocket.connect("/ws")) {
      raw.socket.writeBinaryMessage(Buffer.buffer("{\"type\":\"join\"}".getBytes(StandardCharsets.UTF_8)));
      assertError(raw.next(), "bad_request");
      raw.socket.writeTextMessage(new JsonObject().put("type", "post").put("ref", "after-binary").encode());
      JsonObject reply = raw.next();
      assertEquals("after-binary", reply.getString("ref"));
      assertError(reply, "not_joined");
    }
  }

  @Test
  @DisplayName("unknown_type: a type that does not exist is refused with its ref and a Dutch sentence naming it")
  void unknownType() throws Exception {
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      String ref = client.request(new JsonObject().put("type", "shout"));
      JsonObject error = assertError(client.reply(ref), "unknown_type");
      assertTrue(error.getString("message").contains("shout"), "the sentence names the type: " + error);
    }
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      String ref = phone.live.request(new JsonObject().put("type", "post.delete").put("id", "x"));
      assertError(phone.live.reply(ref), "unknown_type");
    }
  }

  @Test
  @DisplayName("too_large: a 17 KiB message is refused, not processed, and the next message on the connection is answered")
  void tooLarge() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      String marker = "groot-" + UUID.randomUUID();
      String big = new JsonObject().put("type", "post").put("ref", "big").put("id", "big-1").put("kind", "story")
          .put("text", marker + " " + "x".repeat(17 * 1024)).encode();
      assertTrue(big.getBytes(StandardCharsets.UTF_8).length > 17 * 1024);
      phone.live.sendText(big);
      JsonObject error = assertError(phone.live.nextOfType("error"), "too_large");

      JsonObject ack = phone.post("small-1", "story", "Een gewoon verhaal na het te grote bericht.");
      assertEquals("ack", ack.getString("type"), "the connection is still usable: " + ack);
      assertEquals(phone.welcome.getLong("seq") + 1, ack.getLong("seq"), "the large message created no event");
      assertEquals(0, eventsContaining(marker), "nothing of the large message was stored");
      assertFalse(phone.live.frames().stream().anyMatch(f -> f.contains(marker)), "nor sent out");
      // Last, so the checks above still run: the error is the direct reply to a JSON object that had a ref.
      assertEquals("big", error.getString("ref"), "every direct reply carries the ref of its message: " + error);
    }
  }

  @Test
  @DisplayName("invalid names the field: text of 4001, kind verhaal, a barrier in verhalen, a missing id, a name of 81")
  void invalidNamesTheField() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      assertInvalid(phone.send("post", new JsonObject().put("id", "t-1").put("kind", "story")
          .put("text", "a".repeat(4001))), "text");
      assertInvalid(phone.send("post", new JsonObject().put("id", "t-2").put("kind", "verhaal")
          .put("text", "Een verhaal met een onbekende soort.")), "kind");
      assertInvalid(phone.send("post", new JsonObject().put("id", "t-3").put("kind", "barrier")
          .put("text", "Een knelpunt in de verhalenfase.")), "kind");
      String ref = phone.live.request(new JsonObject().put("type", "post").put("kind", "story")
          .put("text", "Een verhaal zonder id."));
      assertInvalid(phone.live.reply(ref), "id");

      JsonObject ack = phone.post("t-4", "story", "a".repeat(4000));
      assertEquals("ack", ack.getString("type"), "4000 characters is still allowed: " + ack);
      assertEquals(phone.welcome.getLong("seq") + 1, ack.getLong("seq"), "none of the invalid posts was stored");
    }
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      String ref = client.request(Phone.joinMessage(code(), "n".repeat(81), "Jeugdteam Oost"));
      assertInvalid(client.reply(ref), "name");
      JsonObject welcome = client.reply(client.request(Phone.joinMessage(code(), "n".repeat(80), "Jeugdteam Oost")));
      assertEquals("welcome", welcome.getString("type"), "80 characters is allowed, and the connection still works");
    }
  }

  @Test
  @DisplayName("The phase decides the kinds: knelpunten allows only barrier, welkom allows nothing")
  void phaseKinds() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      server.startPhase(cookie, sessionId(), "knelpunten");
      JsonObject started = phone.live.nextEvent("phase.started");
      assertEquals(new JsonArray().add("barrier"),
          started.getJsonObject("data").getJsonObject("phase").getJsonArray("kinds"));
      assertInvalid(phone.post("k-1", "story", "Een verhaal in de knelpuntenfase."), "kind");
      assertEquals("ack", phone.post("k-2", "barrier", "Het contract met de aanbieder blokkeert maatwerk.")
          .getString("type"));
      server.startPhase(cookie, sessionId(), "welkom");
      phone.live.nextEvent("phase.started");
      assertInvalid(phone.post("k-3", "story", "Een verhaal in het welkom."), "kind");
      assertInvalid(phone.post("k-4", "barrier", "Een knelpunt in het welkom."), "kind");
    }
  }

  @Test
  @DisplayName("rate_limited: 60 messages at once get at least one rate_limited, and after a pause the phone is served again")
  void rateLimited() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      List<String> refs = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        refs.add(phone.live.request(new JsonObject().put("type", "post").put("id", "burst-" + i).put("kind", "story")
            .put("text", "Verhaal " + i + " uit een stortvloed.")));
      }
      int acks = 0;
      int limited = 0;
      for (String ref : refs) {
        JsonObject reply = phone.live.reply(ref);
        if ("ack".equals(reply.getString("type"))) {
          acks++;
        } else {
          assertError(reply, "rate_limited");
          limited++;
        }
      }
      assertTrue(limited >= 1, "at least one rate_limited among 60 at once");
      assertTrue(acks >= 1, "the first messages of the burst are served");
      assertEquals(60, acks + limited);

      Thread.sleep(2_000); // the contract: after a pause the connection is served again
      JsonObject ack = phone.post("after-pause", "story", "Na een korte pauze gaat het weer.");
      assertEquals("ack", ack.getString("type"), "served after a pause: " + ack);
    }
  }

  @Test
  @DisplayName("not_joined: a post before join is refused")
  void notJoined() throws Exception {
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      String ref = client.request(new JsonObject().put("type", "post").put("id", "p-1").put("kind", "story")
          .put("text", "Te vroeg."));
      assertError(client.reply(ref), "not_joined");
      String withdraw = client.request(new JsonObject().put("type", "withdraw").put("id", "w-1").put("post", "p1"));
      assertError(client.reply(withdraw), "not_joined");
    }
  }

  @Test
  @DisplayName("unknown_session: a well-formed code of no session is refused")
  void unknownSession() throws Exception {
    String unknown = unusedCode();
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      String ref = client.request(Phone.joinMessage(unknown, "Fatima", "Jeugdteam Oost"));
      assertError(client.reply(ref), "unknown_session");
      JsonObject welcome = client.reply(client.request(Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost")));
      assertEquals("welcome", welcome.getString("type"), "the same connection can still join the right session");
    }
  }

  @Test
  @DisplayName("session_closed: after the facilitator closes, posts and joins are refused")
  void sessionClosed() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      HttpResponse<String> closed = server.post("/api/sessions/" + sessionId() + "/close", cookie, null);
      assertEquals(200, closed.statusCode(), closed.body());
      JsonObject event = new JsonObject(closed.body());
      assertEquals("session.closed", event.getString("name"));
      assertEquals(event, phone.live.nextEvent("session.closed"));

      assertError(phone.post("c-1", "story", "Na de sluiting."), "session_closed");
      try (LiveClient late = LiveClient.connect(vertx, server.port())) {
        String ref = late.request(Phone.joinMessage(code(), "Laat", "Wijkteam"));
        assertError(late.reply(ref), "session_closed");
      }
    }
  }

  @Test
  @DisplayName("session_locked: a locked session refuses posts; after reopen a post is acknowledged again")
  void sessionLocked() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      HttpResponse<String> locked = server.post("/api/sessions/" + sessionId() + "/lock", cookie, null);
      assertEquals(200, locked.statusCode(), locked.body());
      assertEquals("session.locked", new JsonObject(locked.body()).getString("name"));
      phone.live.nextEvent("session.locked");

      assertError(phone.post("l-1", "story", "Tijdens de pauze."), "session_locked");

      HttpResponse<String> reopened = server.post("/api/sessions/" + sessionId() + "/reopen", cookie, null);
      assertEquals(200, reopened.statusCode(), reopened.body());
      assertEquals("session.reopened", new JsonObject(reopened.body()).getString("name"));
      phone.live.nextEvent("session.reopened");
      assertEquals("ack", phone.post("l-2", "story", "Na de pauze.").getString("type"));
    }
  }

  @Test
  @DisplayName("forbidden: someone else's post, an unknown token, a wrong kiosk key, and a kiosk that posts")
  void forbidden() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        Phone joost = Phone.join(vertx, server.port(), code(), "Joost", "GGD")) {
      fatima.post("f-1", "story", "Het verhaal van Fatima.");
      String postId = postIdOf(joost.live.nextEvent("post.added"));
      assertError(joost.send("withdraw", new JsonObject().put("post", postId)), "forbidden");

      try (LiveClient stranger = LiveClient.connect(vertx, server.port())) {
        String ref = stranger.request(new JsonObject().put("type", "resume").put("token", Ids.secret()).put("after", 0));
        assertError(stranger.reply(ref), "forbidden");
      }
      try (LiveClient badKiosk = LiveClient.connect(vertx, server.port())) {
        String ref = badKiosk.request(new JsonObject().put("type", "watch").put("session", sessionId())
            .put("key", Ids.secret()));
        assertError(badKiosk.reply(ref), "forbidden");
      }
      try (LiveClient kiosk = watch(0)) {
        String marker = "kiosk-" + UUID.randomUUID();
        String ref = kiosk.request(new JsonObject().put("type", "post").put("id", "k-1").put("kind", "story")
            .put("text", marker));
        assertError(kiosk.reply(ref), "forbidden");
        long seq = joost.post("j-1", "story", "Het verhaal van Joost.").getLong("seq");
        assertEquals(seq, kiosk.nextEvent("post.added").getLong("seq"), "the next event is Joost's, not the kiosk's");
        assertEquals(0, eventsContaining(marker), "the kiosk stored nothing");
      }
      assertEquals(2, countEvents("post.added"));
    }
  }

  @Test
  @DisplayName("not_found: withdrawing or recognising a post that does not exist")
  void notFound() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      assertError(phone.send("withdraw", new JsonObject().put("post", "pbestaatniet1")), "not_found");
      assertError(phone.send("recognize", new JsonObject().put("post", "pbestaatniet2")), "not_found");
    }
  }

  @Test
  @DisplayName("privacy: a phone number is refused until confirmed; a BSN is refused even confirmed and never stored")
  void privacy() throws Exception {
    try (Phone phone = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      String text = "De moeder gaf me haar nummer 06-12345678 zodat ik kon terugbellen.";
      JsonObject post = new JsonObject().put("id", "priv-1").put("kind", "story").put("text", text);
      JsonObject refused = assertError(phone.send("post", post), "privacy");
      assertTrue(refused.getString("message").contains("telefoonnummer"), "the message names what it found: " + refused);
      assertEquals(0, eventsContaining("12345678"), "a refused post is not stored");

      JsonObject ack = phone.send("post", post.copy().put("confirm", true));
      assertEquals("ack", ack.getString("type"), "confirmed after a privacy warning: " + ack);
      assertEquals("priv-1", ack.getString("id"));
      assertEquals(1, eventsContaining("06-12345678"));

      String bsn = "111222333";
      JsonObject withBsn = new JsonObject().put("id", "priv-2").put("kind", "story")
          .put("text", "Op het formulier stond BSN " + bsn + " van de jongere.");
      assertError(phone.send("post", withBsn), "privacy");
      assertError(phone.send("post", withBsn.copy().put("confirm", true)), "privacy");
      assertError(phone.send("post", withBsn.copy().put("id", "priv-3").put("confirm", true)), "privacy");

      long seq = phone.post("priv-4", "story", "Een verhaal zonder nummers.").getLong("seq");
      assertEquals(ack.getLong("seq") + 1, seq, "no event between the confirmed post and this one");
      assertEquals(0, eventsContaining(bsn), "a BSN is never in the events collection");
      assertFalse(phone.live.frames().stream().anyMatch(f -> f.contains(bsn) && f.contains("\"event\"")),
          "nor in any event sent");
    }
  }

  @Test
  @DisplayName("Every error reply carries the ref of its message and a Dutch message; English when asked for")
  void errorLanguage() throws Exception {
    JsonObject dutch;
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      dutch = client.reply(client.request(new JsonObject().put("type", "post")));
      assertError(dutch, "not_joined");
      String ref = client.request(new JsonObject().put("type", "post").put("lang", "en"));
      JsonObject english = client.reply(ref);
      assertEquals("not_joined", english.getString("code"));
      assertEquals(ref, english.getString("ref"));
      assertTrue(inBundle("en", english.getString("message")), "English sentence: " + english);
      assertFalse(inBundle("nl", english.getString("message")), "not the Dutch one: " + english);
      assertNotEquals(dutch.getString("message"), english.getString("message"));
    }
    try (RawSocket raw = RawSocket.connect("/ws?lang=en")) {
      raw.socket.writeTextMessage(new JsonObject().put("type", "post").put("ref", "r-en").encode());
      JsonObject english = raw.next();
      assertEquals("r-en", english.getString("ref"));
      assertEquals("not_joined", english.getString("code"));
      assertTrue(inBundle("en", english.getString("message")), "?lang=en gives English: " + english);
    }
  }

  // ---- the message types ----------------------------------------------------------------------

  @Test
  @DisplayName("join, post, withdraw: welcome, ack and post.added to everyone, post.withdrawn to everyone")
  void joinPostWithdraw() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        Phone joost = Phone.join(vertx, server.port(), code(), "Joost", "GGD")) {
      JsonObject welcome = fatima.welcome;
      assertFalse(welcome.getBoolean("reset"));
      assertNotNull(welcome.getString("epoch"));
      JsonObject s = welcome.getJsonObject("session");
      assertEquals(sessionId(), s.getString("id"));
      assertEquals("open", s.getString("state"));
      assertEquals("verhalen", s.getJsonObject("phase").getString("id"));
      for (String key : List.of("title", "prompt", "kinds")) {
        assertTrue(s.getJsonObject("phase").containsKey(key), "phase has " + key);
      }
      assertEventsAreWellFormed(welcome.getJsonArray("events"), 1, welcome.getLong("seq"));

      String ref = fatima.live.request(new JsonObject().put("type", "post").put("id", "pw-1").put("kind", "story")
          .put("title", "Drie loketten").put("text", "Een moeder belde drie loketten."));
      JsonObject ack = fatima.live.reply(ref);
      assertEquals("ack", ack.getString("type"));
      assertEquals("pw-1", ack.getString("id"));
      assertEquals(ref, ack.getString("ref"));
      JsonObject added = joost.live.nextEvent("post.added");
      assertEquals(ack.getLong("seq"), added.getLong("seq"));
      assertEquals(added, fatima.live.nextEvent("post.added"));
      JsonObject post = added.getJsonObject("data").getJsonObject("post");
      assertEquals("Drie loketten", post.getString("title"));
      assertEquals("Een moeder belde drie loketten.", post.getString("text"));
      assertEquals(fatima.participantId, post.getJsonObject("author").getString("id"));

      JsonObject withdrawAck = fatima.send("withdraw", new JsonObject().put("post", post.getString("id")));
      assertEquals("ack", withdrawAck.getString("type"));
      JsonObject withdrawn = joost.live.nextEvent("post.withdrawn");
      assertEquals(withdrawAck.getLong("seq"), withdrawn.getLong("seq"));
      assertEquals(post.getString("id"), withdrawn.getJsonObject("data").getString("post"));
      assertEquals(withdrawn, fatima.live.nextEvent("post.withdrawn"));
    }
  }

  @Test
  @DisplayName("recognize with a note: recognition.added with by and note; twice, or one's own post, is invalid")
  void recognize() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        Phone joost = Phone.join(vertx, server.port(), code(), "Joost", "GGD")) {
      fatima.post("r-1", "story", "Geen plek in de crisisopvang.");
      String postId = postIdOf(joost.live.nextEvent("post.added"));

      JsonObject ack = joost.send("recognize", new JsonObject().put("post", postId).put("note", "Dit zie ik ook"));
      assertEquals("ack", ack.getString("type"), ack.encode());
      JsonObject seen = fatima.live.nextEvent("recognition.added");
      assertEquals(ack.getLong("seq"), seen.getLong("seq"));
      JsonObject data = seen.getJsonObject("data");
      assertEquals(postId, data.getString("post"));
      assertEquals("Dit zie ik ook", data.getString("note"));
      JsonObject by = data.getJsonObject("by");
      assertEquals(joost.participantId, by.getString("id"));
      assertEquals("Joost", by.getString("name"));
      assertEquals("GGD", by.getString("organisation"));
      assertEquals("jeugdverpleegkundige", by.getString("role"));

      assertInvalid(joost.send("recognize", new JsonObject().put("post", postId)), "post");
      assertInvalid(fatima.send("recognize", new JsonObject().put("post", postId)), "post");
      long next = joost.post("r-2", "story", "Een ander verhaal.").getLong("seq");
      assertEquals(ack.getLong("seq") + 1, next, "the refused recognitions stored nothing");
    }
  }

  @Test
  @DisplayName("resume: exactly the events after `after`; a full welcome with reset when the epoch differs or after > seq")
  void resume() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      long first = fatima.post("rs-1", "story", "Een.").getLong("seq");
      long second = fatima.post("rs-2", "story", "Twee.").getLong("seq");
      long third = fatima.post("rs-3", "story", "Drie.").getLong("seq");
      String epoch = fatima.welcome.getString("epoch");

      JsonObject exact = resume(fatima.token, first, epoch);
      assertFalse(exact.getBoolean("reset"));
      assertEquals(third, exact.getLong("seq"));
      assertEquals(epoch, exact.getString("epoch"));
      assertEquals(fatima.participantId, exact.getJsonObject("participant").getString("id"));
      assertEventsAreWellFormed(exact.getJsonArray("events"), second, third);

      JsonObject otherEpoch = resume(fatima.token, second, "0123456789abcdef");
      assertTrue(otherEpoch.getBoolean("reset"), "another epoch resets");
      assertEquals(epoch, otherEpoch.getString("epoch"));
      assertEventsAreWellFormed(otherEpoch.getJsonArray("events"), 1, third);

      JsonObject ahead = resume(fatima.token, third + 50, epoch);
      assertTrue(ahead.getBoolean("reset"), "after beyond the record resets");
      assertEventsAreWellFormed(ahead.getJsonArray("events"), 1, third);
    }
  }

  @Test
  @DisplayName("leave: the reply is left, and no further event reaches that connection")
  void leave() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        Phone joost = Phone.join(vertx, server.port(), code(), "Joost", "GGD")) {
      fatima.live.nextEvent("participant.joined"); // Joost's
      String ref = fatima.live.request(new JsonObject().put("type", "leave"));
      JsonObject left = fatima.live.reply(ref);
      assertEquals("left", left.getString("type"), left.encode());

      long seq = joost.post("lv-1", "story", "Na het vertrek van Fatima.").getLong("seq");
      assertEquals(seq, joost.live.nextEvent("post.added").getLong("seq"));
      assertFalse(fatima.live.receives(m -> "event".equals(m.getString("type")), SILENCE_MS),
          "no event reaches a connection that left");
      assertError(fatima.post("lv-2", "story", "Na mijn vertrek."), "not_joined");
    }
  }

  @Test
  @DisplayName("watch: watching with the record; with after only the events after it; then every event live")
  void watch() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost")) {
      fatima.post("wa-1", "story", "Een.");
      long second = fatima.post("wa-2", "story", "Twee.").getLong("seq");
      long third = fatima.post("wa-3", "story", "Drie.").getLong("seq");

      try (LiveClient full = LiveClient.connect(vertx, server.port())) {
        JsonObject withoutAfter = watchMessage(0);
        withoutAfter.remove("after");
        String ref = full.request(withoutAfter);
        JsonObject watching = full.reply(ref);
        assertEquals("watching", watching.getString("type"), watching.encode());
        assertEquals(third, watching.getLong("seq"));
        assertEquals(fatima.welcome.getString("epoch"), watching.getString("epoch"));
        assertEquals(sessionId(), watching.getJsonObject("session").getString("id"));
        assertEquals("verhalen", watching.getJsonObject("session").getJsonObject("phase").getString("id"));
        assertEventsAreWellFormed(watching.getJsonArray("events"), 1, third);
      }
      try (LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
        JsonObject watching = kiosk.reply(kiosk.request(watchMessage(second)));
        assertEquals("watching", watching.getString("type"), watching.encode());
        assertEventsAreWellFormed(watching.getJsonArray("events"), third, third);

        long live = fatima.post("wa-4", "story", "Vier.").getLong("seq");
        JsonObject event = kiosk.nextOfType("event");
        assertEquals(live, event.getLong("seq"), "the first live event follows the replay without a gap");
        assertEquals("post.added", event.getString("name"));
      }
    }
  }

  // ---- facilitator events ---------------------------------------------------------------------

  @Test
  @DisplayName("A phase started through the API reaches phones and kiosk as phase.started, identical to the HTTP reply")
  void facilitatorPhase() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        LiveClient kiosk = watch(0)) {
      HttpResponse<String> reply = server.post("/api/sessions/" + sessionId() + "/phase", cookie,
          new JsonObject().put("phase", "herkenning"));
      assertEquals(200, reply.statusCode(), reply.body());
      JsonObject event = new JsonObject(reply.body());
      assertEquals("event", event.getString("type"));
      assertEquals("phase.started", event.getString("name"));
      assertEquals(fatima.welcome.getLong("seq") + 1, event.getLong("seq"));
      JsonObject phase = event.getJsonObject("data").getJsonObject("phase");
      assertEquals("herkenning", phase.getString("id"));
      for (String key : List.of("title", "prompt", "kinds")) {
        assertTrue(phase.containsKey(key), "phase has " + key);
      }
      assertEquals(event, fatima.live.nextEvent("phase.started"));
      assertEquals(event, kiosk.nextEvent("phase.started"));
    }
  }

  @Test
  @DisplayName("Hiding a post: post.hidden with the reason; a later joiner sees the post.added without title and text")
  void facilitatorHide() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        LiveClient kiosk = watch(0)) {
      String secret = "Herleidbaar verhaal " + UUID.randomUUID();
      String ref = fatima.live.request(new JsonObject().put("type", "post").put("id", "h-1").put("kind", "story")
          .put("title", "Titel " + secret).put("text", secret));
      assertEquals("ack", fatima.live.reply(ref).getString("type"));
      String postId = postIdOf(kiosk.nextEvent("post.added"));

      HttpResponse<String> reply = server.post("/api/sessions/" + sessionId() + "/posts/" + postId + "/hide", cookie,
          new JsonObject().put("reason", "Te herleidbaar naar een gezin"));
      assertEquals(200, reply.statusCode(), reply.body());
      JsonObject event = new JsonObject(reply.body());
      assertEquals("post.hidden", event.getString("name"));
      JsonObject seen = fatima.live.nextEvent("post.hidden");
      assertEquals(event, seen);
      assertEquals(postId, seen.getJsonObject("data").getString("post"));
      assertEquals("Te herleidbaar naar een gezin", seen.getJsonObject("data").getString("reason"));
      assertEquals(event, kiosk.nextEvent("post.hidden"));

      try (Phone late = Phone.join(vertx, server.port(), code(), "Laat", "Wijkteam")) {
        JsonObject post = null;
        for (Object e : late.welcome.getJsonArray("events")) {
          JsonObject ev = (JsonObject) e;
          if ("post.added".equals(ev.getString("name"))) {
            post = ev.getJsonObject("data").getJsonObject("post");
          }
        }
        assertNotNull(post, "the post.added stays in the record");
        assertEquals(postId, post.getString("id"));
        assertTrue(post.containsKey("title") && post.getValue("title") == null, "title is null: " + post);
        assertTrue(post.containsKey("text") && post.getValue("text") == null, "text is null: " + post);
        assertFalse(late.welcome.encode().contains(secret), "the hidden words are not sent to a later joiner");
      }
    }
  }

  @Test
  @DisplayName("Spotlighting a post reaches phones and kiosk as post.spotlighted")
  void facilitatorSpotlight() throws Exception {
    try (Phone fatima = Phone.join(vertx, server.port(), code(), "Fatima", "Jeugdteam Oost");
        LiveClient kiosk = watch(0)) {
      fatima.post("s-1", "story", "Een verhaal voor het grote scherm.");
      String postId = postIdOf(kiosk.nextEvent("post.added"));
      HttpResponse<String> reply = server.post("/api/sessions/" + sessionId() + "/posts/" + postId + "/spotlight",
          cookie, null);
      assertEquals(200, reply.statusCode(), reply.body());
      JsonObject event = new JsonObject(reply.body());
      assertEquals("post.spotlighted", event.getString("name"));
      assertEquals(postId, event.getJsonObject("data").getString("post"));
      assertEquals(event, kiosk.nextEvent("post.spotlighted"));
      assertEquals(event, fatima.live.nextEvent("post.spotlighted"));
    }
  }

  // ---- transport ------------------------------------------------------------------------------

  @Test
  @DisplayName("Origin: a foreign origin is refused at the handshake with 403; our own origin and none are accepted")
  void origin() throws Exception {
    assertTrue(rawHandshakeStatus("https://evil.example").startsWith("HTTP/1.1 403"), "403 before the upgrade");
    assertTrue(rawHandshakeStatus(server.origin()).startsWith("HTTP/1.1 101"), "our own origin is upgraded");
    assertTrue(rawHandshakeStatus(null).startsWith("HTTP/1.1 101"), "no Origin (not a browser) is upgraded");

    ExecutionException refused = assertThrows(ExecutionException.class,
        () -> RawSocket.connect("/ws", "https://evil.example").close());
    UpgradeRejectedException rejection = assertInstanceOf(UpgradeRejectedException.class, refused.getCause());
    assertEquals(403, rejection.getStatus());
    try (RawSocket own = RawSocket.connect("/ws", server.origin())) {
      own.socket.writeTextMessage(Phone.joinMessage(code(), "Fatima", "Jeugdteam Oost").put("ref", "own").encode());
      assertEquals("welcome", own.next().getString("type"));
    }
    try (LiveClient none = LiveClient.connect(vertx, server.port())) {
      JsonObject welcome = none.reply(none.request(Phone.joinMessage(code(), "Joost", "GGD")));
      assertEquals("welcome", welcome.getString("type"));
    }
  }

  /** The status line the server answers to a WebSocket upgrade request with this Origin (none when null). */
  private static String rawHandshakeStatus(String origin) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
          + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private String sessionId() {
    return session.getString("id");
  }

  private String code() {
    return session.getString("code");
  }

  private JsonObject watchMessage(long after) {
    return new JsonObject().put("type", "watch").put("session", sessionId()).put("key", session.getString("kioskKey"))
        .put("after", after);
  }

  private LiveClient watch(long after) throws Exception {
    LiveClient kiosk = LiveClient.connect(vertx, server.port());
    JsonObject watching = kiosk.reply(kiosk.request(watchMessage(after)));
    assertEquals("watching", watching.getString("type"), watching.encode());
    return kiosk;
  }

  private JsonObject resume(String token, long after, String epoch) throws Exception {
    try (LiveClient client = LiveClient.connect(vertx, server.port())) {
      JsonObject welcome = client.reply(client.request(new JsonObject().put("type", "resume").put("token", token)
          .put("after", after).put("epoch", epoch)));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      return welcome;
    }
  }

  private static String postIdOf(JsonObject postAdded) {
    return postAdded.getJsonObject("data").getJsonObject("post").getString("id");
  }

  private static String unusedCode() {
    Random random = new Random();
    while (true) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        code.append(Ids.CODE_ALPHABET.charAt(random.nextInt(Ids.CODE_ALPHABET.length())));
      }
      if (server.server().database().collection(Database.SESSIONS)
          .countDocuments(new Document("code", code.toString())) == 0) {
        return code.toString();
      }
    }
  }

  private long countEvents(String name) {
    return server.server().database().collection(Database.EVENTS)
        .countDocuments(new Document("session", sessionId()).append("name", name));
  }

  /** How many stored events of this session contain the text anywhere. */
  private long eventsContaining(String text) {
    long n = 0;
    for (Document doc : server.server().database().collection(Database.EVENTS)
        .find(new Document("session", sessionId()))) {
      if (doc.toJson().contains(text)) {
        n++;
      }
    }
    return n;
  }

  /** The events run from {@code from} to {@code to} without gap, each shaped as a live event message. */
  private static void assertEventsAreWellFormed(JsonArray events, long from, long to) {
    assertEquals(to - from + 1, events.size(), "events " + from + ".." + to + ": " + events);
    for (int i = 0; i < events.size(); i++) {
      JsonObject event = events.getJsonObject(i);
      assertEquals("event", event.getString("type"));
      assertEquals(from + i, event.getLong("seq"));
      assertNotNull(event.getString("name"));
      assertNotNull(event.getJsonObject("data"));
      Instant.parse(event.getString("at"));
      assertTrue(event.getString("at").endsWith("Z"), "UTC: " + event.getString("at"));
    }
  }

  private static JsonObject assertError(JsonObject reply, String code) {
    assertEquals("error", reply.getString("type"), () -> "expected error " + code + ", got " + reply);
    assertEquals(code, reply.getString("code"), () -> "expected " + code + ", got " + reply);
    String message = reply.getString("message");
    assertNotNull(message, () -> "an error has a message: " + reply);
    assertFalse(message.isBlank(), () -> "an error has a message: " + reply);
    assertTrue(inBundle("nl", message), () -> "the message is a Dutch sentence: " + reply);
    return reply;
  }

  private static void assertInvalid(JsonObject reply, String field) {
    assertError(reply, "invalid");
    assertEquals(field, reply.getString("field"), () -> "invalid names the field " + field + ": " + reply);
  }

  private static final Map<String, List<Pattern>> BUNDLES = new HashMap<>();

  /** Whether the sentence is one of the error sentences of that language's message bundle. */
  private static synchronized boolean inBundle(String language, String message) {
    List<Pattern> patterns = BUNDLES.computeIfAbsent(language, ProtocolContractTest::loadBundle);
    return patterns.stream().anyMatch(p -> p.matcher(message).matches());
  }

  private static List<Pattern> loadBundle(String language) {
    Properties properties = new Properties();
    try (InputStream in = ProtocolContractTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
      assertNotNull(in, "bundle " + language);
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Pattern> patterns = new ArrayList<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.startsWith("error.")) {
        continue;
      }
      String[] parts = properties.getProperty(key).replace("''", "'").split("\\{\\d+[^}]*}", -1);
      StringBuilder regex = new StringBuilder("(?s)");
      for (int i = 0; i < parts.length; i++) {
        if (i > 0) {
          regex.append(".*?");
        }
        regex.append(Pattern.quote(parts[i]));
      }
      patterns.add(Pattern.compile(regex.toString()));
    }
    return patterns;
  }

  /** A bare WebSocket for what LiveClient cannot do: binary frames and a query string. */
  private static final class RawSocket implements AutoCloseable {
    final WebSocketClient client;
    final WebSocket socket;
    final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

    private RawSocket(WebSocketClient client, WebSocket socket) {
      this.client = client;
      this.socket = socket;
      socket.textMessageHandler(text -> received.add(new JsonObject(text)));
    }

    static RawSocket connect(String uri) throws Exception {
      return connect(uri, null);
    }

    /** With an origin the header is really sent (allowOriginHeader(false) would strip it from the handshake). */
    static RawSocket connect(String uri, String origin) throws Exception {
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions());
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(server.port())
          .setURI(uri).setAllowOriginHeader(origin != null);
      if (origin != null) {
        options.putHeader("Origin", origin);
      }
      try {
        WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        return new RawSocket(client, socket);
      } catch (Exception e) {
        client.close();
        throw e;
      }
    }

    JsonObject next() throws InterruptedException {
      JsonObject message = received.poll(20, TimeUnit.SECONDS);
      assertNotNull(message, "no message within 20 s");
      return message;
    }

    @Override
    public void close() {
      socket.close();
      client.close();
    }
  }
}
