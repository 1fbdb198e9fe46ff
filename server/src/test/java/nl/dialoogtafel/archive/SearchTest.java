package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The archive's search on Lucene (issue 11), through the real server: Dutch queries the old
 * substring search could not answer, who finds what, words that left a record leaving the index
 * files, and knelpunten that keep coming back across sessions.
 */
@Timeout(240)
@WithServer
class SearchTest {

  private static TestServer server;
  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static String readerUtrecht;
  private static SessionScript many;
  private static SessionScript once;
  private static SessionScript together;
  private static SessionScript apart;
  private static SessionScript wachtlijstOost;
  private static SessionScript wachtlijstWest;
  private static SessionScript zeist;

  /** A closed Utrecht session with stories and knelpunten, as {label, kind, title, text}. */
  private static SessionScript closed(String title, String municipality, String community, String[]... posts)
      throws Exception {
    SessionScript s = facilitator.script().create(title, municipality, community);
    try (Phone p = s.join("Sanne", "Wijkteam", "jeugdprofessional", true)) {
      s.phase("verhalen");
      for (String[] post : posts) {
        if (post[1].equals("story")) {
          s.post(p, post[0], "story", post[2], post[3]);
        }
      }
      s.phase("knelpunten");
      for (String[] post : posts) {
        if (post[1].equals("barrier")) {
          s.post(p, post[0], "barrier", post[2], post[3]);
        }
      }
      s.close();
    }
    return s;
  }

  @BeforeAll
  static void archiveOfSessions() throws Exception {
    many = closed("Dialoog Veel", "Utrecht", "Oost",
        new String[] {"v", "story", "Kinderen", "Kinderen wachten, kinderen thuis, kinderen zonder school."});
    once = closed("Dialoog Eens", "Utrecht", "Oost",
        new String[] {"v", "story", "Een moeder", "Een moeder belde over haar kind en over de lange reis naar de "
            + "specialist, de wisselende begeleiders en het gebrek aan overzicht bij de instanties."});
    together = closed("Dialoog Samen", "Utrecht", "West",
        new String[] {"v", "story", "Zorg", "De geestelijke gezondheidszorg had geen plek. De coördinator hielp."});
    apart = closed("Dialoog Los", "Utrecht", "West",
        new String[] {"v", "story", "Zorg", "De gezondheidszorg is goed, maar geestelijke steun ontbrak. Het pgb "
            + "was op."});
    wachtlijstOost = closed("Dialoog Wachten Oost", "Utrecht", "Oost",
        new String[] {"k", "barrier", "Wachtlijst behandelplek", "Gezinnen wachten maanden op een behandelplek, de "
            + "wachtlijst blijft groeien."},
        new String[] {"a", "barrier", "Vervoer", "Het leerlingenvervoer regelt niemand."});
    wachtlijstWest = closed("Dialoog Wachten West", "Utrecht", "West",
        new String[] {"k", "barrier", "Maanden wachten", "Ook hier maanden wachten op een behandelplek door de "
            + "wachtlijst."});
    zeist = closed("Dialoog Wachten Zeist", "Zeist", "Zeist Noord",
        new String[] {"k", "barrier", "Zeister wachtlijst", "Maanden wachten op een behandelplek, de wachtlijst "
            + "in zeistgeheimwoord."});
    readerUtrecht = archive.reader(admin, "lezer-utrecht-zoek", null, "Utrecht");
  }

  private static String search(String words, String cookie) throws Exception {
    HttpResponse<String> response = archive.get("/archief?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8),
        cookie);
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static boolean finds(String page, SessionScript s) {
    return page.contains("href=\"/archief/" + s.id + "\"");
  }

  private static int at(String page, SessionScript s) {
    return page.indexOf("href=\"/archief/" + s.id + "\"");
  }

  @Test
  @DisplayName("Dutch stems both ways, best match first: 'kind' and 'kinderen' find each other")
  void stems() throws Exception {
    String kind = search("kind", readerUtrecht);
    assertTrue(finds(kind, many) && finds(kind, once), "'kind' finds kinderen and kind");
    assertTrue(at(kind, many) < at(kind, once), "three times 'kinderen' in a short story ranks above one 'kind'");
    assertTrue(finds(search("kinderen", readerUtrecht), once), "'kinderen' finds a story with only 'kind'");
    assertTrue(kind.contains("<mark>Kinderen</mark>"), "the passage marks the word as written");
  }

  @Test
  @DisplayName("A phrase in quotes finds the words together only; without quotes both")
  void phrase() throws Exception {
    String quoted = search("\"geestelijke gezondheidszorg\"", readerUtrecht);
    assertTrue(finds(quoted, together), quoted);
    assertFalse(finds(quoted, apart), "the words apart are not the phrase");
    String loose = search("geestelijke gezondheidszorg", readerUtrecht);
    assertTrue(finds(loose, together) && finds(loose, apart));
  }

  @Test
  @DisplayName("Synonyms of the field: ggz finds geestelijke gezondheidszorg, persoonsgebonden budget finds pgb")
  void synonyms() throws Exception {
    String ggz = search("ggz", readerUtrecht);
    assertTrue(finds(ggz, together), ggz);
    assertTrue(finds(search("persoonsgebonden budget", readerUtrecht), apart));
    assertFalse(finds(search("persoonsgebonden budget", readerUtrecht), together));
  }

  @Test
  @DisplayName("Accents are folded: coordinator finds coördinator, and a compound's part finds the compound")
  void accentsAndCompounds() throws Exception {
    String found = search("coordinator", readerUtrecht);
    assertTrue(finds(found, together), found);
    assertTrue(found.contains("<mark>coördinator</mark>"), "marked as written");
    assertTrue(finds(search("vervoer", readerUtrecht), wachtlijstOost), "vervoer finds leerlingenvervoer");
  }

  @Test
  @DisplayName("Highlighted passages are escaped: a story's markup is shown as text")
  void passagesAreEscaped() throws Exception {
    SessionScript s = closed("Dialoog Opmaak", "Utrecht", "Oost",
        new String[] {"v", "story", "Opmaak", "Tekst met <script>alert(1)</script> en escapewoord erin."});
    String page = search("escapewoord", readerUtrecht);
    assertTrue(finds(page, s));
    assertFalse(page.contains("<script>alert(1)</script>"), "no markup from a story");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; en <mark>escapewoord</mark>"), page);
  }

  @Test
  @DisplayName("A reader never finds another municipality's words, by word, synonym, phrase or list")
  void readerOnlyOwnMunicipality() throws Exception {
    for (String q : new String[] {"zeistgeheimwoord", "wachtlijst", "\"maanden wachten\"", "", "Zeister"}) {
      String page = search(q, readerUtrecht);
      assertFalse(finds(page, zeist), q);
      assertFalse(page.contains("in zeistgeheimwoord") || page.contains("<mark>zeistgeheimwoord"), q);
    }
    assertTrue(finds(search("zeistgeheimwoord", admin), zeist), "the admin finds it: the word is indexed");
    assertFalse(finds(search("wachtlijst&gemeente=zeist", readerUtrecht), zeist), "nor by asking for Zeist");
  }

  @Test
  @DisplayName("Similar knelpunten of two Utrecht sessions are shown together, never Zeist's to Utrecht's reader")
  void similarKnelpunten() throws Exception {
    String record = archive.get("/archief/" + wachtlijstOost.id, readerUtrecht).body();
    assertTrue(record.contains("Vergelijkbare knelpunten in andere sessies"), record);
    assertTrue(record.contains("href=\"/archief/" + wachtlijstWest.id + "?bijdrage=" + wachtlijstWest.posts.get("k") + "#k-" + wachtlijstWest.posts.get("k") + "\""),
        "West's knelpunt under Oost's");
    assertTrue(record.contains("Gedeelde woorden:") && record.contains("behandelplek"), "says which words are shared");
    assertFalse(record.contains("/archief/" + zeist.id), "never Zeist's for Utrecht's reader");
    assertFalse(record.contains("Zeister wachtlijst"));
    String forAdmin = archive.get("/archief/" + wachtlijstOost.id, admin).body();
    assertTrue(forAdmin.contains("/archief/" + zeist.id + "?bijdrage="), "an admin, who reads Zeist too, sees it");

    String themes = archive.get("/archief/knelpunten", readerUtrecht).body();
    assertTrue(themes.contains("Terugkerende thema"), themes);
    int theme = themes.indexOf("class=\"theme\"");
    assertTrue(theme > 0, "a theme is formed");
    String first = themes.substring(theme, themes.indexOf("</article>", theme));
    assertTrue(first.contains(wachtlijstOost.posts.get("k")) && first.contains(wachtlijstWest.posts.get("k")),
        "both Utrecht knelpunten in one theme: " + first);
    assertTrue(first.contains("Samengenomen omdat ze allemaal deze woorden gebruiken"), first);
    assertFalse(themes.contains(zeist.id), "no Zeist knelpunt in Utrecht's themes");

    // The half-year account names the theme too, with its count and shared words.
    java.time.LocalDate today = java.time.LocalDate.now(nl.dialoogtafel.archive.Dates.ZONE);
    String account = archive.get("/archief/verantwoording?gemeente=Utrecht&van=" + today.minusMonths(6)
        + "&tot=" + today.plusDays(1), readerUtrecht).body();
    int table = account.indexOf("class=\"themes\"");
    assertTrue(table > 0, "a table of recurring themes in the account: " + account);
    assertTrue(account.substring(table, account.indexOf("</table>", table)).contains("behandelplek"), account);
  }

  @Test
  @DisplayName("Withdrawn and erased words leave the index files (a control word shows the files can be read)")
  void removedWordsLeaveTheIndexFiles() throws Exception {
    SessionScript s = facilitator.script().create("Dialoog Wissen", "Utrecht", "Oost");
    try (Phone stays = s.join("Bram", "GGD", "jeugdarts", true);
        Phone erased = s.join("Iris", "School", "mentor", true)) {
      s.phase("verhalen");
      s.post(stays, "blijft", "story", "Blijft", "Jopzukqelm blijft staan.");
      s.post(stays, "weg", "story", "Weg", "Qwixbrandt trek ik in.");
      s.post(erased, "haar", "story", "Haar", "Vumqortzel van Iris.");
      s.close();
      assertTrue(finds(search("Qwixbrandt", admin), s));
      String before = SearchFiles.read(server.dataDir().resolve("index"));
      for (String word : new String[] {"Jopzukqelm", "Qwixbrandt", "Vumqortzel"}) {
        assertTrue(before.contains(word), "before, the index files hold " + word);
      }
      s.withdraw(stays, "weg");
      assertEquals(200, server.post("/api/sessions/" + s.id + "/participants/" + erased.participantId + "/erase",
          admin, new JsonObject()).statusCode());
    }
    assertFalse(finds(search("Qwixbrandt", admin), s), "withdrawn words are not found");
    assertFalse(finds(search("Vumqortzel", admin), s), "erased words are not found");
    assertTrue(finds(search("Jopzukqelm", admin), s));
    String after = SearchFiles.read(server.dataDir().resolve("index"));
    assertTrue(after.contains("Jopzukqelm"), "the control word is still readable in the files");
    assertFalse(after.contains("Qwixbrandt"), "the withdrawn word left the index files");
    assertFalse(after.contains("Vumqortzel"), "the erased word left the index files");
  }
}
