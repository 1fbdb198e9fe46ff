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
  @DisplayName("The account as PDF holds the telling story's words")
  void accountPdf() throws Exception {
    HttpResponse<byte[]> response = archive.bytes("/archief/verantwoording.pdf?gemeente=Houten" + period, reader);
    assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    assertEquals("%PDF", new String(response.body(), 0, 4, StandardCharsets.US_ASCII));
    try (PDDocument pdf = Loader.loadPDF(response.body())) {
      String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
      assertTrue(text.contains("Een vader kreeg de sleutel van de woning pas na de hulp."), text);
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
