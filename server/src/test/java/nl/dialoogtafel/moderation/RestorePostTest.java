package nl.dialoogtafel.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Undoing a hide ("terugzetten"): a {@code post.restored} in the chain brings the post back to
 * every phone, to a screen that joins later (replay and snapshot), to the archive's record and
 * export and to its search. Only a hidden post comes back.
 */
@Timeout(120)
@WithServer
class RestorePostTest {

  private static final String WORD = "Kieviethoeve";
  private static final String NOTE = "Herkenbaar, ook bij ons Grutto";

  private TestServer server;
  private Facilitator facilitator;
  @AdminCookie
  private String cookie;

  @Test
  @DisplayName("A hidden post comes back with its words and notes on every phone, a later screen, the archive and its search")
  void restoreBringsThePostBack() throws Exception {
    SessionScript session = facilitator.script().create("Terugzetten", "Zwolle", null);
    session.phase("verhalen");
    try (Phone author = session.join("Ilse", "Wijkteam", "hulpverlener", false);
        Phone other = session.join("Omar", "GGD", "jeugdarts", false)) {
      String postId = session.post(author, "s", "story", "", "Een verhaal over de " + WORD + " en de wachtlijst.");
      session.recognize(other, "s", NOTE);
      JsonObject hidden = session.hide("s", "Herleidbaar");
      other.live.next(m -> "post.hidden".equals(m.getString("name")));

      JsonObject restored = session.api("/posts/" + postId + "/restore", new JsonObject());
      assertEquals("post.restored", restored.getString("name"));
      assertEquals(hidden.getLong("seq") + 1, restored.getLong("seq"));
      JsonObject seen = other.live.next(m -> "post.restored".equals(m.getString("name"))).getJsonObject("data");
      assertEquals(postId, seen.getString("post"));
      assertTrue(seen.getString("text").contains(WORD), seen.encode());
      assertEquals(NOTE, seen.getJsonArray("notes").getJsonObject(0).getString("note"));
      assertEquals(other.participantId, seen.getJsonArray("notes").getJsonObject(0).getString("by"));

      // A screen that joins now: by replay, and by snapshot, the post is whole again.
      try (LiveClient late = LiveClient.connect(facilitator.vertx(), server.port());
          LiveClient snap = LiveClient.connect(facilitator.vertx(), server.port())) {
        JsonObject replay = late.reply(late.request(watch(session, false)));
        JsonArray events = replay.getJsonArray("events");
        JsonObject added = find(events, "post.added").getJsonObject("data").getJsonObject("post");
        assertTrue(added.getString("text").contains(WORD), "post.added is replayed with its words");
        assertNull(added.getString("removed"));
        JsonObject snapshot = snap.reply(snap.request(watch(session, true))).getJsonObject("snapshot");
        JsonObject post = snapshot.getJsonArray("posts").stream().map(JsonObject.class::cast)
            .filter(p -> postId.equals(p.getString("id"))).findFirst().orElseThrow();
        assertTrue(post.getString("text").contains(WORD), post.encode());
        assertNull(post.getValue("removed"), post.encode());
        assertEquals(NOTE, post.getJsonArray("recognitions").getJsonObject(0).getString("note"));
      }

      // Restoring again, or a post that never was hidden: 409 with a Dutch sentence.
      HttpResponse<String> again = server.post("/api/sessions/" + session.id + "/posts/" + postId + "/restore",
          cookie, new JsonObject());
      assertEquals(409, again.statusCode(), again.body());
      assertEquals("conflict", new JsonObject(again.body()).getString("error"));
      assertTrue(new JsonObject(again.body()).getString("message").contains("niet verborgen"), again.body());
    }
    session.close();

    HttpResponse<String> export = server.get("/archief/" + session.id + ".json", cookie);
    assertEquals(200, export.statusCode());
    assertTrue(export.body().contains(WORD), "the export holds the restored words");
    assertTrue(export.body().contains(NOTE), "the export holds the note on it");
    assertTrue(ExportVerifier.verify(new JsonObject(export.body())).valid(), "the export verifies");
    HttpResponse<String> page = server.get("/archief/" + session.id, cookie);
    assertTrue(page.body().contains(WORD), "the record page tells the restored story");
    HttpResponse<String> search = server.get("/archief?q=" + WORD, cookie);
    assertTrue(search.body().contains("/archief/" + session.id + "\""), "search finds the restored words");
  }

  @Test
  @DisplayName("A withdrawn post cannot be restored: 409 and a Dutch sentence; a hidden one stays off the wall until restored")
  void onlyAHiddenPostComesBack() throws Exception {
    SessionScript session = facilitator.script().create("Niet terug", "Zwolle", null);
    session.phase("verhalen");
    try (Phone author = session.join("Ilse", "Wijkteam", "hulpverlener", false)) {
      String postId = session.post(author, "s", "story", "", "Een verhaal dat de schrijver terugneemt.");
      session.hide("s", "Herleidbaar");
      session.withdraw(author, "s");
      HttpResponse<String> refused = server.post("/api/sessions/" + session.id + "/posts/" + postId + "/restore",
          cookie, new JsonObject());
      assertEquals(409, refused.statusCode(), refused.body());
      assertTrue(new JsonObject(refused.body()).getString("message").contains("ingetrokken"), refused.body());
      HttpResponse<String> unknown = server.post("/api/sessions/" + session.id + "/posts/nope/restore",
          cookie, new JsonObject());
      assertEquals(404, unknown.statusCode(), unknown.body());
      assertFalse(author.live.receives(m -> "post.restored".equals(m.getString("name")), 200));
    }
  }

  private static JsonObject watch(SessionScript session, boolean snapshot) {
    return new JsonObject().put("type", "watch").put("session", session.id).put("key", session.kioskKey)
        .put("snapshot", snapshot);
  }

  private static JsonObject find(JsonArray events, String name) {
    return events.stream().map(JsonObject.class::cast).filter(e -> name.equals(e.getString("name"))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + events.encode()));
  }
}
