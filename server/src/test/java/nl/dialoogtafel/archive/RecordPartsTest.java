package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dialoogtafel.dialogue.Phase;
import nl.dialoogtafel.dialogue.SessionStatus;
import nl.dialoogtafel.record.EventCodec;
import nl.dialoogtafel.record.HashChain;
import nl.dialoogtafel.record.SessionInfo;
import nl.dialoogtafel.record.StoredEvent;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.storage.EventStore;
import nl.dialoogtafel.storage.SessionStore;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import nl.dialoogtafel.templates.TemplateCatalog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A very large record is read in parts; a normal one stays one page. The records are written
 * straight into the store, sealed on the hash chain as the hub would (a live session of 400 posts
 * would take minutes), and read over HTTP like a browser.
 */
@Timeout(120)
@WithServer
class RecordPartsTest {

  /** 250 stories in the first phase and 70 in the second: 320, so the second phase spans two parts. */
  private static final int FIRST_PHASE = 250;
  private static final int STORIES = 320;
  private static final int KNELPUNTEN = 105;

  private static TestServer server;
  private static ArchiveClient archive;
  @AdminCookie
  private static String admin;
  private static String big;
  private static String small;

  @BeforeAll
  static void seed() throws Exception {
    Database db = server.server().database();
    List<Phase> phases = TemplateCatalog.load(Path.of("../session-templates")).find("transformatiedialoog")
        .orElseThrow().phases();
    big = seed(db, phases, "s0groot", STORIES, KNELPUNTEN);
    small = seed(db, phases, "s0klein", 20, 5);
  }

  private static String page(String path) throws Exception {
    HttpResponse<String> response = archive.get(path, admin);
    assertEquals(200, response.statusCode(), path + ": " + response.body());
    return response.body();
  }

  /** The id of the big record's n-th knelpunt (they follow its stories). */
  private static String knelpuntId(int n) {
    return big + "p" + (STORIES + n);
  }

  private static String story(int n) {
    return String.format(">Verhaal %03d<", n);
  }

  private static String knelpunt(int n) {
    return String.format(">Knelpunt %03d<", n);
  }

  @Test
  @DisplayName("A normal record is one page with everything, as before: no parts")
  void normalRecordIsOnePage() throws Exception {
    String page = page("/archief/" + small);
    assertFalse(page.contains("class=\"parts\""), "no list of parts");
    assertTrue(page.contains(story(1)) && page.contains(story(20)) && page.contains(knelpunt(5)), "every post");
    assertTrue(page.contains("Oogst en afspraken") && page.contains("Wie zaten er aan tafel"));
    assertTrue(page.contains("href=\"#knelpunten\""), "the phase's knelpunten are on the same page");
  }

  @Test
  @DisplayName("A very large record's first part: the table, the first 300 stories, a named list of the parts with aria-current")
  void firstPart() throws Exception {
    String page = page("/archief/" + big);
    assertTrue(page.contains("<nav class=\"parts\" aria-label=\"Delen van dit verslag\""), "a named nav of the parts");
    assertTrue(page.contains("<a href=\"/archief/" + big + "?deel=1\" aria-current=\"page\">Deel 1: verhalen 1–300</a>"),
        "the first part is the current one");
    assertTrue(page.contains(">Deel 2: verhalen 301–320</a>"));
    assertTrue(page.contains(">Deel 3: knelpunten 1–100</a>"));
    assertTrue(page.contains(">Deel 4: knelpunten 101–105, verbindingen en oogst</a>"));
    assertTrue(page.contains("Deel 1 van 4."), "says where the reader is");
    assertTrue(page.contains("Wie zaten er aan tafel"), "the table is on the first part");
    assertTrue(page.contains(story(1)) && page.contains(story(300)), "stories 1 to 300");
    assertFalse(page.contains(story(301)), "not the next part's");
    assertFalse(page.contains(knelpunt(1)), "no knelpunten");
    assertFalse(page.contains("Oogst en afspraken"), "the harvest closes the last part");
    assertTrue(page.contains("Deze fase gaat verder in deel 2."), "the phase goes on in the next part");
    assertTrue(page.contains("rel=\"next\""), "a way on at the end");
    assertTrue(page.contains("<title>Benchmark s0groot (deel 1 van 4) · "), "each part has its own title");
  }

  @Test
  @DisplayName("?deel=2 carries the phase heading over and numbers its stories on; the knelpunten link leads to their part")
  void secondPart() throws Exception {
    String page = page("/archief/" + big + "?deel=2");
    assertTrue(page.contains("aria-current=\"page\">Deel 2: verhalen 301–320</a>"));
    assertTrue(page.contains(story(301)) && page.contains(story(320)) && !page.contains(story(300)));
    assertTrue(page.contains("<span class=\"step\">Fase 2</span> ") && page.contains("(vervolg)"),
        "the phase's heading is carried over");
    assertFalse(page.contains("Wie zaten er aan tafel"), "the table only on the first part");
    assertTrue(page.contains("href=\"/archief/" + big + "?deel=3#knelpunten\""), "see Knelpunten leads to their part");
  }

  @Test
  @DisplayName("A link to a knelpunt (?bijdrage=) lands on the part that holds it, with its anchor")
  void deepLinks() throws Exception {
    String last = page("/archief/" + big + "?bijdrage=" + knelpuntId(103));
    assertTrue(last.contains("aria-current=\"page\">Deel 4: knelpunten 101–105, verbindingen en oogst</a>"));
    assertTrue(last.contains("id=\"k-" + knelpuntId(103) + "\""), "the anchor is on the page");
    assertTrue(last.contains(knelpunt(103)) && last.contains("Oogst en afspraken") && last.contains("Nieuwe verbindingen"));
    String first = page("/archief/" + big + "?bijdrage=" + knelpuntId(1));
    assertTrue(first.contains("aria-current=\"page\">Deel 3: knelpunten 1–100</a>") && first.contains(knelpunt(1)));
    assertTrue(page("/archief/" + big + "?bijdrage=onbekend").contains("aria-current=\"page\">Deel 1:"),
        "an unknown post shows the first part");
  }

  @Test
  @DisplayName("A part that does not exist is a 404 with a Dutch sentence")
  void partThatDoesNotExist() throws Exception {
    for (String deel : List.of("5", "0", "abc", "99999", "")) {
      HttpResponse<String> response = archive.get("/archief/" + big + "?deel=" + deel, admin);
      assertEquals(404, response.statusCode(), deel);
      assertTrue(response.body().contains("Dit deel van het verslag bestaat niet."), response.body());
    }
  }

  @Test
  @DisplayName("Every part viewed is written to the read log")
  void eachViewIsLogged() throws Exception {
    long before = views();
    page("/archief/" + big + "?deel=2");
    page("/archief/" + big + "?deel=4");
    assertEquals(before + 2, views());
  }

  @Test
  @DisplayName("The PDF and the JSON export hold the whole record, every part")
  void pdfAndJsonAreWhole() throws Exception {
    HttpResponse<byte[]> pdf = archive.bytes("/archief/" + big + ".pdf", admin);
    for (int i = 0; i < 5 && pdf.statusCode() == 503; i++) {
      TimeUnit.SECONDS.sleep(Long.parseLong(pdf.headers().firstValue("Retry-After").orElse("1")));
      pdf = archive.bytes("/archief/" + big + ".pdf", admin);
    }
    assertEquals(200, pdf.statusCode());
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      for (String wanted : List.of("Verhaal 001", "Verhaal 300", "Verhaal 301", "Verhaal 320", "Knelpunt 001",
          "Knelpunt 105", "Oogst en afspraken", "Wie zaten er aan tafel")) {
        assertTrue(text.contains(wanted), "the PDF holds " + wanted);
      }
      assertFalse(text.contains("Deel 1 van"), "and no parts");
    }
    String json = archive.get("/archief/" + big + ".json", admin).body();
    assertTrue(json.contains("Verhaal 001") && json.contains("Verhaal 320") && json.contains("Knelpunt 105"));
  }

  private static long views() throws Exception {
    return server.server().database().call(() -> server.server().database().collection(ReadLog.COLLECTION)
        .countDocuments(new Document("session", big))).toCompletionStage().toCompletableFuture().get();
  }

  /** A closed session: two phases, five people, its stories and knelpunten, a harvest. */
  private static String seed(Database db, List<Phase> phases, String id, int stories, int knelpunten)
      throws Exception {
    String at = Instant.now().toString();
    new SessionStore(db).insert(new SessionInfo(id, id.toUpperCase().substring(0, 6), "key", "Benchmark " + id,
        "Utrecht", "Oost", "transformatiedialoog", phases, TestServer.ADMIN, at, SessionStatus.OPEN))
        .toCompletionStage().toCompletableFuture().get();
    List<Document> people = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
    String hash = HashChain.GENESIS;
    long seq = 0;
    events.add(HashChain.seal(id, ++seq, at, "phase.started",
        new JsonObject().put("phase", EventCodec.phase(phases.get(1))), id + "/" + seq, hash));
    for (int i = 0; i < 5; i++) {
      String person = id + "u" + i;
      people.add(new Document("_id", person).append("session", id).append("name", "Persoon " + i)
          .append("organisation", "Organisatie " + i).append("role", "rol").append("showName", true)
          .append("tokenHash", id + "t" + i));
      events.add(HashChain.seal(id, ++seq, at, "participant.joined", new JsonObject().put("participant",
          new JsonObject().put("id", person).put("organisation", "Organisatie " + i).put("role", "rol")),
          id + "/" + seq, events.get(events.size() - 1).hash()));
    }
    // Stories in phase 1 (and, past FIRST_PHASE, in phase 2), then the knelpunten in a phase of their own.
    int phase = 1;
    for (int n = 1; n <= stories + knelpunten; n++) {
      boolean story = n <= stories;
      if (n == FIRST_PHASE + 1 && story || n == stories + 1) {
        events.add(HashChain.seal(id, ++seq, at, "phase.started",
            new JsonObject().put("phase", EventCodec.phase(phases.get(++phase))), id + "/" + seq,
            events.get(events.size() - 1).hash()));
      }
      String post = id + "p" + n;
      String title = String.format(story ? "Verhaal %03d" : "Knelpunt %03d", story ? n : n - stories);
      events.add(HashChain.seal(id, ++seq, at, "post.added", new JsonObject().put("post", new JsonObject()
          .put("id", post).put("kind", story ? "story" : "barrier").put("title", title)
          .put("text", "Wat er gebeurde bij de wachtlijst, en wie erbij waren.").put("phase", phases.get(phase).id())
          .put("author", new JsonObject().put("id", id + "u" + n % 5))), id + "/" + seq,
          events.get(events.size() - 1).hash()));
    }
    events.add(HashChain.seal(id, ++seq, at, "harvest.added", new JsonObject().put("harvest", "Samen verder")
        .put("agreements", "Elke maand een casustafel"), id + "/" + seq, events.get(events.size() - 1).hash()));
    events.add(HashChain.seal(id, ++seq, at, "session.closed", new JsonObject(), id + "/" + seq,
        events.get(events.size() - 1).hash()));
    hash = events.get(events.size() - 1).hash();
    db.collection(Database.PARTICIPANTS).insertMany(people);
    new EventStore(db).append(events).toCompletionStage().toCompletableFuture().get();
    new SessionStore(db).setStatus(id, SessionStatus.CLOSED, seq, hash).toCompletionStage().toCompletableFuture()
        .get();
    return id;
  }
}
