package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.WithServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The half-year account of a municipality, and the log of who read what. */
@Timeout(180)
@WithServer
class ReportAndLogTest {

  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static SessionScript session;
  /** A second session with the same title: its bar must still have a label of its own. */
  private static SessionScript again;
  private static String reader;
  private static String period;

  @BeforeAll
  static void aHalfYear() throws Exception {
    session = facilitator.script().create("Dialoog Houten", "Houten", "Houten Zuid");
    try (Phone a = session.join("Anna", "Wijkteam Zuid", "ambulant hulpverlener", true);
        Phone b = session.join("Bram", "Kinderopvang Zon", "pedagogisch medewerker", true)) {
      session.phase("verhalen");
      session.post(a, "sprekend", "story", "De sleutel", "Een vader kreeg de sleutel van de woning pas na de hulp.");
      session.post(b, "gewoon", "story", "", "Een gewoon verhaal over de opvang.");
      session.recognize(b, "sprekend", "Dit zie ik ook.");
      session.connect(a, b);
      session.phase("knelpunten");
      session.post(b, "k", "barrier", "Indicaties", "Elke indicatie duurt zes weken.");
      session.close();
      session.telling("sprekend");
      session.harvest("Wijkteam en opvang kennen elkaar nu.", "Elke maand een gezamenlijk spreekuur.");
    }
    again = facilitator.script().create("Dialoog Houten", "Houten", "Houten Noord");
    try (Phone c = again.join("Cor", "Huisartsenpraktijk", "praktijkondersteuner", false)) {
      again.phase("knelpunten");
      again.post(c, "vervoer", "barrier", "Vervoer", "Het leerlingenvervoer stopt bij de gemeentegrens.");
      again.close();
    }
    reader = archive.reader(admin, "wethouder-houten", "Wethouder Houten", "Houten");
    assertEquals(303, archive.answer(reader, session.id, session.posts.get("k"), "erkend", "Klopt.").statusCode());
    LocalDate today = LocalDate.now(Dates.ZONE);
    period = "&van=" + today.minusMonths(6) + "&tot=" + today.plusDays(1);
  }

  @Test
  @DisplayName("The account shows the facts, charts and the telling stories of the municipality's sessions")
  void accountPage() throws Exception {
    HttpResponse<String> response = archive.get("/archief/verantwoording?gemeente=Houten" + period, reader);
    assertEquals(200, response.statusCode(), response.body());
    String page = response.body();
    assertTrue(page.contains("Transformatiedialogen in Houten"));
    assertTrue(page.contains("Dialoog Houten"));
    assertTrue(page.contains("Een vader kreeg de sleutel van de woning pas na de hulp."), "the telling story");
    assertFalse(page.contains("Een gewoon verhaal over de opvang."), "only telling stories are told in full");
    assertTrue(page.contains("<svg"), "charts");
    assertTrue(page.matches("(?s).*Nieuwe verbindingen tussen organisaties</th><td class=\"num\">1<.*"), "one new connection");
    assertTrue(page.matches("(?s).*Knelpunten met een reactie van de gemeente</th><td class=\"num\">1<.*"));
  }

  @Test
  @DisplayName("The account shows each session's harvest and agreements, and its knelpunten with status and answer")
  void harvestAgreementsAndAnswers() throws Exception {
    String page = archive.get("/archief/verantwoording?gemeente=Houten" + period, reader).body();
    assertTrue(page.contains("Wijkteam en opvang kennen elkaar nu."), "the harvest");
    assertTrue(page.contains("Elke maand een gezamenlijk spreekuur."), "the agreements");
    String answered = between(page, "Elke indicatie duurt zes weken.", "</li>");
    assertTrue(answered.contains("Erkend") && answered.contains("Klopt.") && answered.contains("Wethouder Houten"),
        "status, answer and signature beside the knelpunt: " + answered);
    String open = between(page, "Het leerlingenvervoer stopt bij de gemeentegrens.", "</li>");
    assertTrue(open.contains("Nog zonder reactie"), open);
    assertTrue(page.contains("De gespreksleider heeft geen oogst vastgelegd."), "a session without a harvest says so");
    assertFalse(page.contains("Terugkerende thema"), "no recurring themes yet: the section is left out");
  }

  @Test
  @DisplayName("Every bar of the per-session chart has a label, also for two sessions with one title, and a table beside it")
  void everyBarLabelled() throws Exception {
    String page = archive.get("/archief/verantwoording?gemeente=Houten" + period, reader).body();
    String chart = between(page, "<figure class=\"chart\"", "</figure>");
    java.util.regex.Matcher bar = java.util.regex.Pattern
        .compile("<g class=\"bar\">\\s*<text[^>]*>([^<]*)</text>\\s*<rect[^>]*/>\\s*<text[^>]*>(\\d+)</text>")
        .matcher(chart);
    int bars = 0;
    while (bar.find()) {
      bars++;
      assertTrue(bar.group(1).startsWith("Dialoog Houten ("), "bar " + bars + " is labelled: '" + bar.group(1) + "'");
    }
    assertEquals(2, bars, "one labelled bar per session:\n" + chart);
    assertTrue(chart.contains("aria-describedby=\"sessies-bijschrift\""), "the chart names the table beside it");
    assertTrue(chart.contains("<figcaption"), "a visible caption");
  }

  @Test
  @DisplayName("The account shows the change against the period before; a period after the sessions counts them as before")
  void changeAgainstThePeriodBefore() throws Exception {
    String page = archive.get("/archief/verantwoording?gemeente=Houten" + period, reader).body();
    assertTrue(page.matches("(?s).*<th scope=\"row\">Sessies</th><td class=\"num\">2</td><td class=\"num\">0</td>\\s*"
        + "<td class=\"num\">\\+2</td>.*"), "two sessions now, none before:\n" + between(page, "class=\"change\"", "</table>"));
    LocalDate tomorrow = LocalDate.now(Dates.ZONE).plusDays(2);
    String later = archive.get("/archief/verantwoording?gemeente=Houten&van=" + tomorrow + "&tot="
        + tomorrow.plusMonths(6), reader).body();
    String change = between(later, "class=\"change\"", "</table>");
    assertTrue(change.matches("(?s).*<th scope=\"row\">Sessies</th><td class=\"num\">0</td><td class=\"num\">2</td>\\s*"
        + "<td class=\"num\">−2</td>.*"), change);
    assertTrue(change.matches("(?s).*Knelpunten met een reactie van de gemeente</th><td class=\"num\">0</td>"
        + "<td class=\"num\">1</td>.*"), change);
  }

  private static String between(String text, String from, String to) {
    int start = text.indexOf(from);
    assertTrue(start >= 0, "'" + from + "' is missing");
    int end = text.indexOf(to, start + from.length());
    return text.substring(start, end < 0 ? text.length() : end);
  }

  @Test
  @DisplayName("The account as PDF holds the telling story's words")
  void accountPdf() throws Exception {
    HttpResponse<byte[]> response = archive.bytes("/archief/verantwoording.pdf?gemeente=Houten" + period, reader);
    assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    assertEquals("%PDF", new String(response.body(), 0, 4, StandardCharsets.US_ASCII));
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("Een vader kreeg de sleutel van de woning pas na de hulp."), text);
      for (String expected : new String[] {"Wijkteam en opvang kennen elkaar nu.", "Elke maand een gezamenlijk spreekuur.",
          "Elke indicatie duurt zes weken.", "Erkend", "Klopt.", "Nog zonder reactie",
          "Verandering ten opzichte van de periode ervoor", "Periode ervoor"}) {
        assertTrue(text.contains(expected), expected + " in the PDF: " + text);
      }
    }
  }

  @Test
  @DisplayName("Another municipality's reader gets 403 for this account; a bad period gets 400")
  void accountScope() throws Exception {
    String other = archive.reader(admin, "wethouder-elders", null, "Bunnik");
    assertEquals(403, archive.get("/archief/verantwoording?gemeente=Houten" + period, other).statusCode());
    assertEquals(403, archive.bytes("/archief/verantwoording.pdf?gemeente=Houten" + period, other).statusCode());
    assertEquals(400, archive.get("/archief/verantwoording?gemeente=Houten&van=2025-06-01&tot=2025-01-01", reader)
        .statusCode());
    assertEquals(400, archive.get("/archief/verantwoording?gemeente=Houten&van=gisteren", reader).statusCode());
  }

  @Test
  @DisplayName("Every view and export is logged with account and record; only an admin sees the log")
  void whoReadWhat() throws Exception {
    assertEquals(200, archive.get("/archief/" + session.id, reader).statusCode());
    assertEquals(200, archive.get("/archief/" + session.id + ".json", reader).statusCode());
    assertEquals(200, archive.bytes("/archief/" + session.id + ".pdf", reader).statusCode());
    assertEquals(403, archive.get("/archief/log", reader).statusCode());
    String log = archive.get("/archief/log", admin).body();
    for (String kind : new String[] {"bekeken", "gedownload als JSON", "gedownload als PDF"}) {
      assertTrue(log.matches("(?s).*<td>wethouder-houten</td><td>" + kind + "</td>\\s*<td><a href=\"/archief/"
          + session.id + "\">.*"), kind + " in\n" + log);
    }
  }
}
