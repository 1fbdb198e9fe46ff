package nl.dialoogtafel.archive;

import static com.mongodb.client.model.Filters.eq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The record's PDF is made once, beside the record (record_pdfs), when the record is prepared, and
 * sent from there; made again when the head moves; and an erasure leaves no old PDF anywhere in the
 * data folder.
 */
@Timeout(240)
// A server each: the erasure test reads every file of the data folder.
@WithServer(perTest = true)
class StoredPdfTest {

  private TestServer server;
  private Facilitator facilitator;
  @AdminCookie
  private String admin;
  private ArchiveClient archive;

  private Document head(String session) {
    return server.server().database().collection(StoredPdfs.COLLECTION).find(eq("_id", session + "/nl")).first();
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private byte[] download(String session) throws Exception {
    HttpResponse<byte[]> response = archive.bytes("/archief/" + session + ".pdf", admin);
    assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
    return response.body();
  }

  private SessionScript closedSession(String word) throws Exception {
    SessionScript s = facilitator.script().create("Dialoog PDF", "Utrecht", "Werkgemeenschap Oost");
    try (Phone anna = s.join("Annelotte", "Wijkteam Oost", "ambulant hulpverlener", true);
        Phone bram = s.join("Bram", "GGD", "jeugdarts", true)) {
      s.phase("verhalen");
      s.post(anna, "hers", "story", "Haar verhaal", "Een verhaal met " + word + " over de wachtlijst.");
      s.post(bram, "his", "story", "Zijn verhaal", "Op school zaten de ouders eindelijk aan tafel.");
      s.close();
    }
    return s;
  }

  @Test
  @DisplayName("A closed record's PDF is made before anyone asks, sent as stored, and made again when the head moves")
  void madeOnceAndAgainWhenTheHeadMoves() throws Exception {
    SessionScript s = closedSession("Merelwoord");
    await().atMost(Duration.ofSeconds(90)).until(() -> head(s.id) != null);
    String firstKey = head(s.id).getString("key");
    String page = archive.get("/archief/" + s.id, admin).body();
    assertTrue(page.contains("id=\"pdf-link\""), page);
    assertFalse(page.contains("class=\"pdf-status\""), "a stored PDF needs no progress on the page");
    JsonObject status = new JsonObject(archive.get("/archief/" + s.id + "/pdf-status", admin).body());
    assertEquals("ready", status.getString("state"), status.encode());

    byte[] pdf = download(s.id);
    assertTrue(text(pdf).contains("Merelwoord"));
    assertArrayEquals(pdf, download(s.id), "the same stored bytes, not a new rendering");
    assertEquals(firstKey, head(s.id).getString("key"));

    // A harvest after closing moves the head: the PDF is made again, with it.
    s.harvest("Oogst met Vinkenslag erin.", "Elke maand samen.");
    // One read per poll: while the PDF is stored again its head is briefly gone (it goes first, comes last).
    await().atMost(Duration.ofSeconds(90)).until(() -> {
      Document now = head(s.id);
      return now != null && !firstKey.equals(now.getString("key"));
    });
    byte[] again = download(s.id);
    assertTrue(text(again).contains("Vinkenslag"), "the new PDF holds the harvest");
    assertNotEquals(Arrays.hashCode(pdf), Arrays.hashCode(again));
  }

  @Test
  @DisplayName("An answer changes the PDF's key: the download then holds the answer")
  void anAnswerIsInTheNextPdf() throws Exception {
    SessionScript s = facilitator.script().create("Dialoog PDF antwoord", "Utrecht", "Werkgemeenschap Oost");
    try (Phone anna = s.join("Anna", "Wijkteam Oost", "ambulant hulpverlener", true)) {
      s.phase("knelpunten");
      s.post(anna, "k", "barrier", "Vervoer", "Het vervoer naar speciaal onderwijs regelt niemand.");
      s.close();
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> head(s.id) != null);
    String reader = archive.reader(admin, "wethouder-pdf", "Wethouder Jeugd", "Utrecht");
    assertEquals(303, archive.answer(reader, s.id, s.posts.get("k"), "in_behandeling",
        "We zoeken een Kraanvogelregeling.").statusCode());
    assertTrue(text(download(s.id)).contains("Kraanvogelregeling"));
    // Access rules as for the page: another municipality's reader finds neither PDF nor status.
    String zeist = archive.reader(admin, "zeist-pdf", "Raadslid", "Zeist");
    assertEquals(404, archive.bytes("/archief/" + s.id + ".pdf", zeist).statusCode());
    assertEquals(404, archive.get("/archief/" + s.id + "/pdf-status", zeist).statusCode());
  }

  @Test
  @DisplayName("An erasure deletes the stored PDF at once: its bytes are nowhere in the data folder, and the new one lacks her words")
  void erasureLeavesNoOldPdf() throws Exception {
    SessionScript s = closedSession("Zwaluwverhaal");
    await().atMost(Duration.ofSeconds(90)).until(() -> head(s.id) != null);
    byte[] old = download(s.id);
    assertTrue(text(old).contains("Zwaluwverhaal") && text(old).contains("Annelotte"));
    // Pieces of the old PDF as they sit in the store file (its text is compressed, so the words
    // themselves cannot be grepped there; its bytes can).
    List<String> pieces = new ArrayList<>();
    String oldBytes = latin(old);
    for (int at = 0; at + 32 <= old.length; at += 256) {
      pieces.add(oldBytes.substring(at, at + 32));
    }
    String before = dataFolder();
    List<String> stored = pieces.stream().filter(before::contains).toList();

    String her = participant(s, "Annelotte");
    HttpResponse<String> erased = server.post("/api/sessions/" + s.id + "/participants/" + her + "/erase", admin,
        new JsonObject());
    assertEquals(200, erased.statusCode(), erased.body());

    // The API answers once the erasure event is stored; her words leave the store just after it (a
    // PDF asked for in between may still show them, as the page may), so wait for that.
    byte[][] made = new byte[1][];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      made[0] = download(s.id);
      String t = text(made[0]);
      return !t.contains("Zwaluwverhaal") && !t.contains("Annelotte");
    });
    byte[] now = made[0];
    String text = text(now);
    assertTrue(text.contains("eindelijk aan tafel"), "the rest of the record stays: " + text);
    // Only the old PDF's own bytes count (font tables and the like are the same in the new one).
    String newBytes = latin(now);
    List<String> oldOnly = stored.stream().filter(p -> !newBytes.contains(p)).toList();
    assertTrue(oldOnly.size() >= 10, "before the erasure the data folder held the old PDF: " + oldOnly.size()
        + " of its own pieces found");
    String after = dataFolder();
    long left = oldOnly.stream().filter(after::contains).count();
    assertEquals(0, left, "pieces of the old PDF still in the data folder");
  }

  @Test
  @DisplayName("A PDF nobody looks at waits while readers search the archive, and is made in the first quiet moment")
  void madeWhenTheArchiveIsQuiet() throws Exception {
    SessionScript s = facilitator.script().create("Dialoog PDF stil", "Utrecht", "Werkgemeenschap Oost");
    try (Phone anna = s.join("Anna", "Wijkteam Oost", "ambulant hulpverlener", true)) {
      s.phase("verhalen");
      s.post(anna, "v", "story", "Haar verhaal", "Een verhaal over de wachtlijst en de school.");
      search();
      s.close();
    }
    // Readers keep searching (each poll is a search) while the preparer folds the closed record and
    // offers its PDF, and for longer than the quiet time after that: no PDF is made meanwhile.
    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).atMost(Duration.ofSeconds(60))
        .until(() -> search() && folded(s.id));
    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10)).until(() -> search() && head(s.id) == null);
    // The readers stop: the PDF is made without anyone asking for it.
    await().atMost(Duration.ofSeconds(60)).until(() -> head(s.id) != null);
  }

  private boolean search() throws Exception {
    HttpResponse<String> page = archive.get("/archief?q=wachtlijst", admin);
    assertEquals(200, page.statusCode(), page.body());
    return true;
  }

  private boolean folded(String session) {
    return server.server().database().collection(RecordFolds.COLLECTION).find(eq("_id", session)).first() != null;
  }

  private static String latin(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private String dataFolder() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(server.dataDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(latin(Files.readAllBytes(file)));
      }
    }
    return all.toString();
  }

  private String participant(SessionScript s, String name) throws Exception {
    var people = new JsonObject(server.get("/api/sessions/" + s.id + "/participants", admin).body())
        .getJsonArray("participants");
    return people.stream().map(JsonObject.class::cast).filter(p -> name.equals(p.getString("name")))
        .findFirst().orElseThrow().getString("id");
  }
}
