package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.LargeRecord;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
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
 * straight into the store ({@link LargeRecord}: a live session of 400 posts would take minutes),
 * and read over HTTP like a browser.
 */
@Timeout(120)
@WithServer
class RecordPartsTest {

  /** 250 stories in the first phase and 70 in the second (LargeRecord): the second phase spans two parts. */
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
    big = LargeRecord.seed(server.server().database(), "s0groot", "Utrecht", STORIES, KNELPUNTEN);
    small = LargeRecord.seed(server.server().database(), "s0klein", "Utrecht", 20, 5);
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
    assertTrue(page.contains("<title>Lange dialoog s0groot (deel 1 van 4) · "), "each part has its own title");
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
}
