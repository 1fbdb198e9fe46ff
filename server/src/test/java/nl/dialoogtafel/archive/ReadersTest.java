package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LiveClient;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readers of municipalities: what they may see and answer, how their answers come back to the
 * record and to the next session's kiosk, and how they find a session by a word of a story.
 */
@Timeout(180)
@WithServer
class ReadersTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static SessionScript utrecht;
  private static SessionScript zeist;
  private static String readerUtrecht;
  private static String readerZeist;

  @BeforeAll
  static void twoMunicipalities() throws Exception {
    utrecht = facilitator.script().create("Dialoog Oost", "Utrecht", "Werkgemeenschap Oost");
    try (Phone a = utrecht.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", true);
        Phone b = utrecht.join("Joost", "GGD", "jeugdarts", true)) {
      utrecht.phase("verhalen");
      utrecht.post(a, "wachtlijst", "story", "Negen maanden", "De Wachtlijstproblematiek raakte dit gezin hard.");
      utrecht.post(b, "weg", "story", "", "Een verhaal met verdwenenwoord dat ik intrek.");
      utrecht.withdraw(b, "weg");
      utrecht.post(a, "verborgen", "story", "", "Een verhaal met verstoptwoord.");
      utrecht.hide("verborgen", "te herkenbaar");
      utrecht.phase("knelpunten");
      utrecht.post(a, "contracten", "barrier", "Contracten per wijk", "Niemand mag over de wijkgrens.");
      utrecht.post(b, "laat", "barrier", "Laat ingetrokken", "Dit knelpunt met spijtwoord trek ik na afloop in.");
      utrecht.close();
      utrecht.withdraw(b, "laat");
    }
    zeist = facilitator.script().create("Dialoog Zeist", "Zeist", "Werkgemeenschap Zeist");
    try (Phone c = zeist.join("Carla", "Sociaal team Zeist", "consulent", true)) {
      zeist.phase("knelpunten");
      zeist.post(c, "vervoer", "barrier", "Leerlingenvervoer", "Het zeistvervoerwoord regelt niemand.");
      zeist.close();
    }
    readerUtrecht = archive.reader(admin, "wethouder-utrecht", "Wethouder Jeugd Utrecht", "Utrecht");
    readerZeist = archive.reader(admin, "wethouder-zeist", null, "zeist");
  }

  private static long followUpCount() {
    return server.server().database().collection(FollowUpStore.COLLECTION).countDocuments();
  }

  // ---- access -------------------------------------------------------------------------------------

  @Test
  @DisplayName("A reader of Utrecht gets 404 for Zeist's record, export, PDF and follow-ups, and never sees them listed")
  void readerSeesOnlyTheirMunicipality() throws Exception {
    assertEquals(200, archive.get("/archief/" + utrecht.id, readerUtrecht).statusCode());
    for (String suffix : new String[] {"", ".json", ".pdf"}) {
      HttpResponse<String> response = archive.get("/archief/" + zeist.id + suffix, readerUtrecht);
      assertEquals(404, response.statusCode(), suffix);
      assertFalse(response.body().contains("zeistvervoerwoord"), suffix);
    }
    long before = followUpCount();
    HttpResponse<String> answered = archive.answer(readerUtrecht, zeist.id, zeist.posts.get("vervoer"), "erkend",
        "Niet mijn gemeente");
    assertEquals(404, answered.statusCode());
    assertEquals(before, followUpCount(), "nothing stored");
    assertFalse(archive.get("/archief", readerUtrecht).body().contains("Dialoog Zeist"));
    assertFalse(archive.get("/archief/knelpunten", readerUtrecht).body().contains("Leerlingenvervoer"));
    assertFalse(archive.get("/archief?q=zeistvervoerwoord", readerUtrecht).body().contains("Dialoog Zeist"));
    assertTrue(archive.get("/archief?q=zeistvervoerwoord", readerZeist).body().contains("Dialoog Zeist"),
        "the same search works for Zeist's own reader (case of the municipality does not matter)");
  }

  @Test
  @DisplayName("Without a login the archive sends to /login; a reader gets 403 on the facilitator API")
  void loginRequired() throws Exception {
    HttpResponse<String> anonymous = archive.get("/archief/" + utrecht.id + ".json", null);
    assertEquals(303, anonymous.statusCode());
    assertEquals("/login?next=%2Farchief%2F" + utrecht.id + ".json", anonymous.headers().firstValue("Location").orElse(""));
    assertEquals(403, server.get("/api/sessions", readerUtrecht).statusCode());
    assertEquals(403, server.post("/api/accounts", readerUtrecht, new JsonObject().put("username", "nieuw")
        .put("password", "lang-genoeg-wachtwoord").put("role", "admin")).statusCode());
  }

  @Test
  @DisplayName("A follow-up posted without our Origin is refused with 403 and stores nothing")
  void followUpNeedsOrigin() throws Exception {
    long before = followUpCount();
    HttpResponse<String> foreign = archive.form("/archief/" + utrecht.id + "/knelpunten/" + utrecht.posts.get("contracten"),
        readerUtrecht, Map.of("status", "erkend", "answer", "x"), "http://evil.example");
    assertEquals(403, foreign.statusCode());
    assertEquals(before, followUpCount());
  }

  // ---- follow-up -----------------------------------------------------------------------------------

  @Test
  @DisplayName("A reader's follow-up appears on the record, on /archief/knelpunten and on the next session's kiosk")
  void followUpComesBack() throws Exception {
    String knelpunt = utrecht.posts.get("contracten");
    assertEquals(400, archive.answer(readerUtrecht, utrecht.id, knelpunt, "misschien", "?").statusCode());
    assertEquals(404, archive.answer(readerUtrecht, utrecht.id, utrecht.posts.get("laat"), "erkend", "x").statusCode(),
        "a withdrawn knelpunt cannot be answered");
    assertEquals(303, archive.answer(readerUtrecht, utrecht.id, knelpunt, "in_behandeling",
        "We praten met de zorgaanbieders.").statusCode());
    assertEquals(303, archive.answer(readerUtrecht, utrecht.id, knelpunt, "opgelost",
        "Vanaf 1 juni één contract voor de hele stad.").statusCode());

    String page = archive.get("/archief/" + utrecht.id, readerUtrecht).body();
    assertTrue(page.contains("Opgelost"), "current status");
    assertTrue(page.contains("Vanaf 1 juni één contract voor de hele stad."));
    assertTrue(page.contains("Wethouder Jeugd Utrecht"), "signed by role");
    assertTrue(page.contains("We praten met de zorgaanbieders."), "the earlier answer is kept in the history");
    assertTrue(archive.get("/archief/knelpunten?status=opgelost", readerUtrecht).body().contains("Contracten per wijk"));
    assertFalse(archive.get("/archief/knelpunten?status=geen", readerUtrecht).body().contains("Contracten per wijk"));

    SessionScript next = facilitator.script().create("Dialoog Oost, vervolg", "Utrecht",
        "Werkgemeenschap Oost");
    try (LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
      JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch").put("session", next.id)
          .put("key", next.kioskKey)));
      assertEquals("watching", watching.getString("type"), watching.encode());
      JsonArray feed = watching.getJsonArray("followups");
      assertEquals(1, feed.size(), feed.encode());
      JsonObject item = feed.getJsonObject(0);
      assertEquals("Contracten per wijk", item.getJsonObject("knelpunt").getString("title"));
      assertEquals("Niemand mag over de wijkgrens.", item.getJsonObject("knelpunt").getString("text"));
      assertEquals("Dialoog Oost", item.getJsonObject("session").getString("title"));
      assertEquals("opgelost", item.getString("status"));
      assertEquals("Vanaf 1 juni één contract voor de hele stad.", item.getString("answer"));
      assertEquals("Wethouder Jeugd Utrecht", item.getString("role"));
      assertFalse(watching.encode().contains("spijtwoord"), "a withdrawn knelpunt never reaches the kiosk");
    }
    try (LiveClient kiosk = LiveClient.connect(vertx, server.port())) {
      JsonObject watching = kiosk.reply(kiosk.request(new JsonObject().put("type", "watch").put("session", zeist.id)
          .put("key", zeist.kioskKey)));
      assertEquals(0, watching.getJsonArray("followups").size(), "another community's answers stay away");
    }
  }

  // ---- search --------------------------------------------------------------------------------------

  @Test
  @DisplayName("Search finds a session by a word of a story on the embedded database, ignoring case and accents")
  void searchFindsAStory() throws Exception {
    String found = archive.get("/archief?q=wachtlijst", readerUtrecht).body();
    assertTrue(found.contains("Dialoog Oost"), found);
    assertTrue(found.contains("Wachtlijstproblematiek"), "the snippet shows the story");
    assertTrue(archive.get("/archief?q=WACHTLIJSTPROBLEMATIEK%20g%C3%A9zin", readerUtrecht).body()
        .contains("Dialoog Oost"));
    assertTrue(archive.get("/archief?q=wachtlijst&gemeente=utrecht&thema=transformatiedialoog", readerUtrecht)
        .body().contains("Dialoog Oost"));
    assertFalse(archive.get("/archief?q=wachtlijst&thema=crisis-samen-handelen", readerUtrecht).body()
        .contains("Dialoog Oost"));
    assertFalse(archive.get("/archief?q=wachtlijst&van=2001-01-01&tot=2001-12-31", readerUtrecht).body()
        .contains("Dialoog Oost"));
  }

  @Test
  @DisplayName("Withdrawn and hidden words are never found, also when the withdrawal came after closing")
  void removedWordsAreNotFound() throws Exception {
    for (String word : new String[] {"verdwenenwoord", "verstoptwoord", "spijtwoord"}) {
      String page = archive.get("/archief?q=" + word, admin).body();
      assertFalse(page.contains("Dialoog Oost"), word);
    }
    String files = SearchFiles.read(server.dataDir().resolve("index"));
    // (SearchTest#removedWordsLeaveTheIndexFiles shows with a control word that such a look can see words.)
    for (String word : new String[] {"verdwenenwoord", "verstoptwoord", "spijtwoord"}) {
      assertFalse(files.contains(word), "the index files hold no removed word: " + word);
    }
  }
}
