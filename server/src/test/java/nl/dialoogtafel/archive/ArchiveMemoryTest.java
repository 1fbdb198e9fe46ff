package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.model.Updates;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The archive keeps folded records and search entries in memory (RecordCache, ArchiveIndex). On
 * the real server and the embedded store: whatever the store says after a change, the next view
 * and the next search say too. What the design promises: every event moves the session's head and
 * is seen at once; a rewrite in place is seen at once when it is told through
 * {@link ArchiveCaches#forget} (the event store does so for its erasures); a change made straight
 * in the database behind the server's back is seen once the head moves, after forget, after
 * {@link RecordCache#MAX_AGE} or after a restart.
 */
@Timeout(180)
@WithServer
class ArchiveMemoryTest {

  private static final String VALID = "Ja, het verslag klopt.";
  private static final String INVALID = "Nee, het verslag is niet in orde.";

  private static TestServer server;
  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;

  /** A closed session of the admin with one story (label "verhaal") holding {@code word}. */
  private static SessionScript closed(String title, String municipality, String word) throws Exception {
    SessionScript s = facilitator.script().create(title, municipality, "Werkgemeenschap Oost");
    try (Phone fatima = s.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", true)) {
      s.phase("verhalen");
      s.post(fatima, "verhaal", "story", "Een verhaal", "Het verhaal over " + word + " en de wachtlijst.");
      s.close();
    }
    return s;
  }

  private static String page(SessionScript s) throws Exception {
    HttpResponse<String> response = archive.get("/archief/" + s.id, admin);
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static String search(String words, String cookie) throws Exception {
    HttpResponse<String> response = archive.get("/archief?q=" + words, cookie);
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static Database db() {
    return server.server().database();
  }

  /** The seq of the stored event that added the story. */
  private static long storySeq(SessionScript s) {
    Document event = db().collection(Database.EVENTS)
        .find(and(eq("session", s.id), eq("name", "post.added"))).first();
    return ((Number) event.get("seq")).longValue();
  }

  /** Changes the story's words straight in the database, as someone with access to the files could. */
  private static void tamper(SessionScript s) {
    db().collection(Database.EVENTS).updateOne(and(eq("session", s.id), eq("seq", storySeq(s))),
        Updates.set("data.post.text", "Een vervalst verhaal met vervalstwoord."));
  }

  @Test
  @DisplayName("A harvest added after a first view of the record is on the next view, and the record still verifies")
  void harvestAfterAView() throws Exception {
    SessionScript s = closed("Dialoog Oogst Later", "Utrecht", "oogstwoord");
    String before = page(s);
    assertTrue(before.contains("De gespreksleider heeft (nog) geen oogst toegevoegd."), "no harvest yet");
    assertTrue(before.contains(VALID));
    s.harvest("We bellen elkaar voortaan eerst.", "Elke maand een casustafel.");
    String after = page(s);
    assertTrue(after.contains("We bellen elkaar voortaan eerst."), "the harvest is on the next view");
    assertFalse(after.contains("geen oogst toegevoegd"));
    assertTrue(after.contains(VALID), "the grown record verifies");
  }

  @Test
  @DisplayName("An event altered in the database is reported as not verifying once the head moves (a telling mark); search follows")
  void alteredThenHeadMoves() throws Exception {
    SessionScript s = closed("Dialoog Vervalst Kop", "Utrecht", "kopwoord");
    assertTrue(page(s).contains(VALID));
    assertTrue(search("kopwoord", admin).contains("Dialoog Vervalst Kop"));
    tamper(s);
    s.telling("verhaal");
    String after = page(s);
    assertTrue(after.contains(INVALID), "the altered record does not verify");
    assertTrue(after.contains("De inhoud van gebeurtenis " + storySeq(s) + " (post.added) is veranderd"),
        "the page names the altered event");
    assertTrue(search("vervalstwoord", admin).contains("Dialoog Vervalst Kop"),
        "the search entry was built again from what is stored now");
  }

  @Test
  @DisplayName("An event altered in the database is reported as not verifying on the first view after forget")
  void alteredThenForgotten() throws Exception {
    SessionScript s = closed("Dialoog Vervalst Vergeten", "Utrecht", "vergeetwoord");
    assertTrue(page(s).contains(VALID));
    tamper(s);
    server.server().archiveCaches().forget(s.id).toCompletionStage().toCompletableFuture().get();
    String after = page(s);
    assertTrue(after.contains(INVALID), "the altered record does not verify");
    assertTrue(after.contains("Een vervalst verhaal met vervalstwoord."), "the page shows what is stored now");
  }

  @Test
  @DisplayName("An erasure through the event store is on the next view and out of search at once, without a new head")
  void erasureIsSeenAtOnce() throws Exception {
    SessionScript s = closed("Dialoog Gewist", "Utrecht", "wisbaarwoord");
    assertTrue(page(s).contains("wisbaarwoord"));
    assertTrue(search("wisbaarwoord", admin).contains("Dialoog Gewist"));
    long seq = storySeq(s);
    Document story = db().collection(Database.EVENTS).find(and(eq("session", s.id), eq("seq", seq))).first();
    String author = story.get("data", Document.class).get("post", Document.class).get("author", Document.class)
        .getString("id");
    JsonObject remaining = new JsonObject().put("post", new JsonObject().put("id", s.posts.get("verhaal"))
        .put("kind", "story").put("phase", "verhalen").put("author", new JsonObject().put("id", author)));
    // The event store the way the server wires it: it tells the archive of every erasure.
    new EventStore(db(), server.server().archiveCaches()).erase(s.id, seq, remaining,
        new JsonObject().put("at", "2025-01-01T00:00:00Z").put("reason", "verzoek")).toCompletionStage()
        .toCompletableFuture().get();
    String after = page(s);
    assertFalse(after.contains("wisbaarwoord"), "the erased words are gone from the record page");
    assertTrue(after.contains("Van gebeurtenis " + seq + " (post.added) is de inhoud weggelaten"),
        "the record says what the store now holds: content left out without a withdrawal");
    assertFalse(search("wisbaarwoord", admin).contains("Dialoog Gewist"), "nor found by search");
  }

  @Test
  @DisplayName("Search finds a session closed after start-up, only for those who may read it, and drops words withdrawn later")
  void searchFollowsTheStore() throws Exception {
    archive.account(admin, "andere-leider", "facilitator", null);
    String otherFacilitator = archive.login("andere-leider", "lang-genoeg-wachtwoord");
    String readerUtrecht = archive.reader(admin, "lezer-utrecht", null, "Utrecht");
    String readerZeist = archive.reader(admin, "lezer-zeist", null, "Zeist");
    assertFalse(search("laatgeslotenwoord", admin).contains("Dialoog Laat Gesloten"), "not there before");

    SessionScript s = facilitator.script().create("Dialoog Laat Gesloten", "Utrecht", "Oost");
    try (Phone joost = s.join("Joost", "GGD", "jeugdarts", true)) {
      s.phase("verhalen");
      s.post(joost, "laat", "story", "Laat", "Een verhaal met laatgeslotenwoord erin.");
      s.post(joost, "blijft", "story", "Blijft", "Een verhaal met blijvendwoord erin.");
      s.close();
      assertTrue(search("laatgeslotenwoord", admin).contains("Dialoog Laat Gesloten"), "the admin finds it");
      assertTrue(search("laatgeslotenwoord", readerUtrecht).contains("Dialoog Laat Gesloten"), "Utrecht's reader too");
      assertFalse(search("laatgeslotenwoord", readerZeist).contains("Dialoog Laat Gesloten"), "not Zeist's reader");
      assertFalse(search("laatgeslotenwoord", otherFacilitator).contains("Dialoog Laat Gesloten"),
          "not a facilitator who did not run it");

      s.withdraw(joost, "laat");
      // The API answers after the head is stored: from here on the head is past the withdrawal.
      s.harvest("Oogst.", "Afspraken.");
      assertFalse(search("laatgeslotenwoord", admin).contains("Dialoog Laat Gesloten"), "withdrawn words are gone");
      assertTrue(search("blijvendwoord", admin).contains("Dialoog Laat Gesloten"), "the other story is still found");
    }
  }

  @Test
  @DisplayName("A restart reads the search index back from the data folder (forget drops the entry), and a record altered meanwhile does not verify")
  void afterARestart() throws Exception {
    SessionScript s = closed("Dialoog Herstart", "Utrecht", "herstartwoord");
    assertTrue(page(s).contains(VALID));
    assertTrue(search("herstartwoord", admin).contains("Dialoog Herstart"));
    // Altered behind the server's back (no head moved, nothing told): only an index read back from
    // the folder still knows the old word after the restart; one built again would know the new.
    tamper(s);

    server.restart();
    admin = server.login();
    assertTrue(search("herstartwoord", admin).contains("Dialoog Herstart"), "the kept index was read back");
    assertFalse(search("vervalstwoord", admin).contains("Dialoog Herstart"), "not built again from the store");
    String after = page(s);
    assertTrue(after.contains(INVALID), "nothing verified before the restart is trusted after it");

    server.server().archiveCaches().forget(s.id).toCompletionStage().toCompletableFuture().get();
    assertFalse(search("herstartwoord", admin).contains("Dialoog Herstart"), "forget drops the entry");
    assertTrue(search("vervalstwoord", admin).contains("Dialoog Herstart"), "it is built again from the record");
  }
}
