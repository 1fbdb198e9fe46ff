package nl.dialoogtafel.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A2, the words others wrote about a story: when its author withdraws it or is erased, a
 * recognition note on it and a contact note that quotes it go too — from the room, the store
 * file, the export, the archive page and its search — and the record still verifies.
 */
@Timeout(180)
// A server each: every test reads the whole database file.
@WithServer(perTest = true)
class QuotedWordsTest {

  private static final String STORY = "Zwaluwverhaal: de wachtlijst bij de kinderarts duurde een half jaar";
  /** Bram's recognition note quotes her story; "Kwartelkoning" is his own word in it. */
  private static final String NOTE = "Kwartelkoning: ook bij ons duurde de wachtlijst bij de kinderarts een half jaar";
  /** Carla's contact request to Bram quotes the story too ("Reigerbos" is hers). */
  private static final String CONTACT_NOTE = "Reigerbos: jouw reactie op de wachtlijst bij de kinderarts, bellen?";
  /** Words about other things, which stay. */
  private static final String OTHER_NOTE = "Sperwerdag, zo gaat het bij ons ook";
  private static final String OTHER_CONTACT = "Koffie bij Merelhof volgende week?";
  private static final List<String> QUOTING = List.of("Zwaluwverhaal", "Kwartelkoning", "Reigerbos");

  private TestServer server;
  private Facilitator facilitator;
  private Vertx vertx;
  @AdminCookie
  private String cookie;

  @Test
  @DisplayName("Withdrawn: the notes quoting the story leave the room, the store file, the export and the archive; it verifies")
  void withdrawal() throws Exception {
    SessionScript session = facilitator.script().create("Dialoog Zuid", "Utrecht", null);
    try (Phone her = session.join("Annelotte", "Wijkteam Oost", "coach", true);
        Phone bram = session.join("Bram", "GGD Regio", "jeugdarts", true);
        Phone carla = session.join("Carla", "Basisschool De Linde", "intern begeleider", true);
        Phone dirk = session.join("Dirk", "Veilig Thuis", "aandachtsfunctionaris", true)) {
      tell(session, her, bram, carla, dirk);

      session.withdraw(her, "hers");

      Awaitility.await("the quoting words leave the store file").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200)).until(() -> QUOTING.stream().noneMatch(storeFileContains()));
      assertRoomShowsNoQuotes(session);
    }
    assertArchiveShowsNoQuotes(session, "ingetrokken");
  }

  @Test
  @DisplayName("Author erased: the notes quoting her story leave the room, the store file, the export and the archive; it verifies")
  void erasure() throws Exception {
    SessionScript session = facilitator.script().create("Dialoog Zuid", "Utrecht", null);
    try (Phone her = session.join("Annelotte", "Wijkteam Oost", "coach", true);
        Phone bram = session.join("Bram", "GGD Regio", "jeugdarts", true);
        Phone carla = session.join("Carla", "Basisschool De Linde", "intern begeleider", true);
        Phone dirk = session.join("Dirk", "Veilig Thuis", "aandachtsfunctionaris", true)) {
      tell(session, her, bram, carla, dirk);

      HttpResponse<String> erased = server.post("/api/sessions/" + session.id + "/participants/" + her.participantId
          + "/erase", cookie, new JsonObject());
      assertEquals(200, erased.statusCode(), erased.body());

      // The erasure is answered once stored and the file rewritten.
      QUOTING.forEach(word -> assertFalse(storeFileContains().test(word), "the store file still holds " + word));
      assertRoomShowsNoQuotes(session);
    }
    assertArchiveShowsNoQuotes(session, "gewist");
  }

  /** Her story; Bram recognises it quoting it; Carla asks Bram for contact quoting it; other words beside. */
  private void tell(SessionScript session, Phone her, Phone bram, Phone carla, Phone dirk) throws Exception {
    session.phase("verhalen");
    session.post(her, "hers", "story", "De wachtlijst", STORY);
    session.post(bram, "his", "story", "School", "Een verhaal van Bram over de school.");
    session.recognize(bram, "hers", NOTE);
    session.recognize(carla, "his", OTHER_NOTE);
    JsonObject asked = carla.send("contact.request", new JsonObject().put("to", bram.participantId)
        .put("note", CONTACT_NOTE));
    assertEquals("ack", asked.getString("type"), asked.encode());
    JsonObject other = dirk.send("contact.request", new JsonObject().put("to", carla.participantId)
        .put("note", OTHER_CONTACT));
    assertEquals("ack", other.getString("type"), other.encode());
    bram.live.nextPrivate("contact.requested");
    for (String word : List.of("Zwaluwverhaal", "Kwartelkoning", "Reigerbos", "Sperwerdag", "Merelhof")) {
      assertTrue(storeFileContains().test(word), "before, the store file holds " + word);
    }
  }

  /** A screen that watches now, replaying every event or asking for the snapshot, sees no quoting words. */
  private void assertRoomShowsNoQuotes(SessionScript session) throws Exception {
    for (boolean snapshot : List.of(false, true)) {
      try (LiveClient late = LiveClient.connect(vertx, server.port())) {
        JsonObject watching = late.reply(late.request(new JsonObject().put("type", "watch").put("session", session.id)
            .put("key", session.kioskKey).put("snapshot", snapshot)));
        assertEquals("watching", watching.getString("type"), watching.encode());
        String frames = String.join("\n", late.frames());
        QUOTING.forEach(word -> assertFalse(frames.contains(word),
            "a screen watching now (snapshot " + snapshot + ") still sees " + word));
        assertTrue(frames.contains("Sperwerdag"), "a note on another story stays");
      }
    }
  }

  private void assertArchiveShowsNoQuotes(SessionScript session, String why) throws Exception {
    session.close();
    HttpResponse<String> page = server.get("/archief/" + session.id, cookie);
    assertEquals(200, page.statusCode());
    QUOTING.forEach(word -> assertFalse(page.body().contains(word), "the record page still holds " + word));
    assertTrue(page.body().contains("notitie weggehaald: het verhaal is " + why), "the page says why the note is gone");
    assertTrue(page.body().contains("Sperwerdag"), "a note on another story stays");

    HttpResponse<String> export = server.get("/archief/" + session.id + ".json", cookie);
    assertEquals(200, export.statusCode());
    QUOTING.forEach(word -> assertFalse(export.body().contains(word), "the export still holds " + word));
    assertTrue(export.body().contains("Sperwerdag"), "a note on another story stays");
    var verdict = ExportVerifier.verify(new JsonObject(export.body()));
    assertTrue(verdict.valid() && verdict.complete(), "the export still verifies: " + verdict);

    for (String word : QUOTING) {
      HttpResponse<String> search = server.get("/archief?q=" + word, cookie);
      assertEquals(200, search.statusCode());
      assertFalse(search.body().contains("/archief/" + session.id + "\""), "search still finds " + word);
    }
    QUOTING.forEach(word -> assertFalse(storeFileContains().test(word), "after closing, the store file holds " + word));
    assertTrue(storeFileContains().test("Merelhof"), "a contact note about something else stays");
  }

  private java.util.function.Predicate<String> storeFileContains() {
    return word -> {
      try {
        return storeFile().contains(word);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private String storeFile() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(server.dataDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }
}
