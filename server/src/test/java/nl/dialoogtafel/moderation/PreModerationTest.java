package nl.dialoogtafel.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pre-moderation over real sockets: a waiting post reaches only its author (private) and the
 * facilitator's queue, never another phone, the kiosk or the record, until it is approved; then it
 * is one {@code post.added} with its seq. A decline reaches the author only; the author can take a
 * waiting post back; a phone that resumes sees its waiting post again, once.
 */
@Timeout(120)
@WithServer
class PreModerationTest {

  private static final String WORDS = "Een verhaal over de Roerdompschool dat eerst langs de gespreksleider gaat.";

  private TestServer server;
  private Vertx vertx;
  @AdminCookie
  private String cookie;

  @Test
  @DisplayName("A waiting post is seen by nobody but its author and the facilitator until approved, then once with its seq")
  void waitingPostIsPrivateUntilApproved() throws Exception {
    JsonObject session = create(true);
    String id = session.getString("id");
    String kioskKey = session.getString("kioskUrl").replaceAll(".*#key=", "");
    try (Phone author = Phone.join(vertx, server.port(), Phone.joinMessage(session.getString("code"), "Noor", "Wijkteam")
            .put("showName", false));
        Phone other = Phone.join(vertx, server.port(), session.getString("code"), "Bram", "GGD");
        LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
      JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch").put("session", id)
          .put("key", kioskKey)));
      assertEquals("watching", watching.getString("type"));
      long seqBefore = watching.getLong("seq");

      JsonObject ack = author.post("w-1", "story", WORDS);
      assertEquals("ack", ack.getString("type"), ack.encode());
      assertEquals(seqBefore, ack.getLong("seq"), "a waiting post adds nothing to the record");
      JsonObject queued = author.live.nextPrivate("post.queued").getJsonObject("data").getJsonObject("post");
      assertEquals(WORDS, queued.getString("text"));
      String postId = queued.getString("id");

      JsonObject queue = get("/api/sessions/" + id + "/queue");
      assertTrue(queue.getBoolean("queue"));
      JsonArray waiting = queue.getJsonArray("waiting");
      assertEquals(1, waiting.size(), queue.encode());
      assertEquals(WORDS, waiting.getJsonObject(0).getString("text"));
      assertNull(waiting.getJsonObject(0).getJsonObject("author").getString("name"), "names only as the person chose");
      assertEquals("Wijkteam", waiting.getJsonObject(0).getJsonObject("author").getString("organisation"));

      assertFalse(other.live.receives(m -> m.encode().contains("Roerdompschool"), 500), "another phone sees nothing");
      assertFalse(String.join("\n", kiosk.frames()).contains("Roerdompschool"), "the kiosk sees nothing");

      // The author's phone drops and resumes: the waiting post is there again, once.
      author.live.close();
      try (LiveClient back = LiveClient.connect(vertx, server.port())) {
        JsonObject welcome = back.reply(back.request(new JsonObject().put("type", "resume")
            .put("token", author.token).put("after", seqBefore)));
        assertEquals("welcome", welcome.getString("type"), welcome.encode());
        assertEquals(postId, back.nextPrivate("post.queued").getJsonObject("data").getJsonObject("post")
            .getString("id"));
        assertFalse(back.receives(m -> "post.queued".equals(m.getString("name")), 500), "sent once");

        HttpResponse<String> approved = server.post("/api/sessions/" + id + "/queue/" + postId + "/approve", cookie,
            new JsonObject());
        assertEquals(200, approved.statusCode(), approved.body());
        JsonObject event = new JsonObject(approved.body());
        assertEquals("post.added", event.getString("name"));
        assertEquals(seqBefore + 1, event.getLong("seq"));
        JsonObject seen = other.live.nextEvent("post.added");
        assertEquals(postId, seen.getJsonObject("data").getJsonObject("post").getString("id"));
        assertEquals(WORDS, seen.getJsonObject("data").getJsonObject("post").getString("text"));
        assertEquals("verhalen", seen.getJsonObject("data").getJsonObject("post").getString("phase"));
        assertEquals(seqBefore + 1, seen.getLong("seq"));
        assertEquals(postId, back.nextEvent("post.added").getJsonObject("data").getJsonObject("post").getString("id"));
        assertFalse(other.live.receives(m -> "post.added".equals(m.getString("name")), 500), "once");
      }
      assertEquals(0, get("/api/sessions/" + id + "/queue").getJsonArray("waiting").size());
      HttpResponse<String> again = server.post("/api/sessions/" + id + "/queue/" + postId + "/approve", cookie,
          new JsonObject());
      assertEquals(404, again.statusCode(), again.body());
    }
  }

  @Test
  @DisplayName("A decline reaches the author only, with the reason; the author can take a waiting post back; off again, posts go straight up")
  void declineWithdrawAndSwitchOff() throws Exception {
    JsonObject session = create(true);
    String id = session.getString("id");
    try (Phone author = Phone.join(vertx, server.port(), session.getString("code"), "Noor", "Wijkteam");
        Phone other = Phone.join(vertx, server.port(), session.getString("code"), "Bram", "GGD")) {
      author.post("d-1", "story", "Een verhaal met te veel details over een gezin.");
      String declinedId = author.live.nextPrivate("post.queued").getJsonObject("data").getJsonObject("post")
          .getString("id");
      HttpResponse<String> noReason = server.post("/api/sessions/" + id + "/queue/" + declinedId + "/decline", cookie,
          new JsonObject());
      assertEquals(400, noReason.statusCode(), noReason.body());
      HttpResponse<String> declined = server.post("/api/sessions/" + id + "/queue/" + declinedId + "/decline", cookie,
          new JsonObject().put("reason", "Herleidbaar naar een gezin"));
      assertEquals(200, declined.statusCode(), declined.body());
      JsonObject outcome = author.live.nextPrivate("post.declined").getJsonObject("data");
      assertEquals(declinedId, outcome.getString("post"));
      assertEquals("Herleidbaar naar een gezin", outcome.getString("reason"));

      author.post("d-2", "story", "Toch liever niet.");
      String withdrawnId = author.live.nextPrivate("post.queued").getJsonObject("data").getJsonObject("post")
          .getString("id");
      JsonObject withdrawn = author.send("withdraw", new JsonObject().put("post", withdrawnId));
      assertEquals("ack", withdrawn.getString("type"), withdrawn.encode());
      assertEquals(withdrawnId, author.live.nextPrivate("post.unqueued").getJsonObject("data").getString("post"));
      JsonObject notYours = other.send("withdraw", new JsonObject().put("post", withdrawnId));
      assertEquals("error", notYours.getString("type"));
      assertEquals(0, get("/api/sessions/" + id + "/queue").getJsonArray("waiting").size());
      assertFalse(other.live.receives(m -> "private".equals(m.getString("type"))
          || m.encode().contains("Herleidbaar") || m.encode().contains("Toch liever"), 500), "the other phone sees nothing");

      HttpResponse<String> off = server.post("/api/sessions/" + id + "/moderation", cookie,
          new JsonObject().put("queue", false));
      assertEquals(200, off.statusCode(), off.body());
      assertEquals("moderation.set", new JsonObject(off.body()).getString("name"));
      other.live.nextEvent("moderation.set");
      JsonObject straight = author.post("d-3", "story", "Nu meteen op de wand.");
      assertEquals("ack", straight.getString("type"));
      assertEquals("Nu meteen op de wand.", other.live.nextEvent("post.added").getJsonObject("data")
          .getJsonObject("post").getString("text"));
    }
  }

  @Test
  @DisplayName("The queue holds at most 50 posts; the 51st is refused with a Dutch sentence and stores nothing")
  void queueHasALimit() throws Exception {
    JsonObject session = create(true);
    String code = session.getString("code");
    // Three phones, so no phone goes over the per-connection burst of 20 messages.
    try (Phone a = Phone.join(vertx, server.port(), code, "Noor", "Wijkteam");
        Phone b = Phone.join(vertx, server.port(), code, "Bram", "GGD");
        Phone c = Phone.join(vertx, server.port(), code, "Ilse", "School")) {
      Phone[] phones = {a, b, c};
      for (int i = 0; i < 50; i++) {
        JsonObject ack = phones[i % 3].post("l-" + i, "story", "Verhaal nummer " + i);
        assertEquals("ack", ack.getString("type"), ack.encode());
      }
      JsonObject refused = c.post("l-50", "story", "Eén te veel");
      assertEquals("rate_limited", refused.getString("code"), refused.encode());
      assertTrue(refused.getString("message").contains("wachten al 50"), refused.encode());
      assertEquals(50, get("/api/sessions/" + session.getString("id") + "/queue").getJsonArray("waiting").size());
    }
  }

  @Test
  @DisplayName("After a restart the queue is still there: the author resumes and sees the waiting post and the decline; a re-sent post stores nothing")
  void queueSurvivesARestart() throws Exception {
    JsonObject session = create(true);
    String id = session.getString("id");
    String token;
    String waitingId;
    long ackSeq;
    try (Phone author = Phone.join(vertx, server.port(), session.getString("code"), "Noor", "Wijkteam")) {
      token = author.token;
      ackSeq = author.post("r-1", "story", "Blijft wachten na een herstart.").getLong("seq");
      waitingId = author.live.nextPrivate("post.queued").getJsonObject("data").getJsonObject("post").getString("id");
      author.post("r-2", "story", "Wordt niet geplaatst.");
      String declinedId = author.live.nextPrivate("post.queued").getJsonObject("data").getJsonObject("post")
          .getString("id");
      assertEquals(200, server.post("/api/sessions/" + id + "/queue/" + declinedId + "/decline", cookie,
          new JsonObject().put("reason", "Dubbel")).statusCode());
      author.live.nextPrivate("post.declined");
    }
    server.restart();
    try (LiveClient back = LiveClient.connect(vertx, server.port())) {
      JsonObject welcome = back.reply(back.request(new JsonObject().put("type", "resume").put("token", token)
          .put("after", 0)));
      assertEquals("welcome", welcome.getString("type"), welcome.encode());
      assertEquals(waitingId, back.nextPrivate("post.queued").getJsonObject("data").getJsonObject("post")
          .getString("id"));
      assertEquals("Dubbel", back.nextPrivate("post.declined").getJsonObject("data").getString("reason"));
      JsonObject again = back.reply(back.request(new JsonObject().put("type", "post").put("id", "r-1")
          .put("kind", "story").put("title", "").put("text", "Blijft wachten na een herstart.")));
      assertEquals(ackSeq, again.getLong("seq"), "a re-sent post gets its first answer again");
      assertEquals(1, get("/api/sessions/" + id + "/queue").getJsonArray("waiting").size());
      assertEquals(200, server.post("/api/sessions/" + id + "/queue/" + waitingId + "/approve", cookie,
          new JsonObject()).statusCode());
      assertEquals(waitingId, back.nextEvent("post.added").getJsonObject("data").getJsonObject("post").getString("id"));
    }
  }

  private JsonObject create(boolean premoderation) throws Exception {
    HttpResponse<String> created = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Voormoderatie").put("municipality", "Zwolle")
        .put("premoderation", premoderation));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = new JsonObject(created.body());
    server.startPhase(cookie, session.getString("id"), "verhalen");
    return session;
  }

  private JsonObject get(String path) throws Exception {
    HttpResponse<String> response = server.get(path, cookie);
    assertEquals(200, response.statusCode(), response.body());
    return new JsonObject(response.body());
  }
}
