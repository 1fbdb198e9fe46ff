package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.WithServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An XSS corpus in every text field a record shows (session, people, stories, notes, moderation,
 * harvest, follow-up) renders inert in the page and the PDF: escaped, never markup.
 */
@Timeout(180)
@WithServer
class XssTest {

  private static final List<String> CORPUS = List.of(
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(1)>",
      "javascript:alert(1)",
      "{{7*7}}",
      "${7*7}",
      "<svg onload=alert(1)>",
      "'';!--\"<XSS>=&{()}",
      "<#assign x=1>${x}");
  /** Every tag of a page: anything user-made would show up here as a tag of its own. */
  private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");

  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static SessionScript session;
  private static String page;
  private static byte[] pdf;

  private static String x(int i) {
    return CORPUS.get(i % CORPUS.size());
  }

  @BeforeAll
  static void sessionFullOfPayloads() throws Exception {
    session = facilitator.script().create("T " + x(0), "Gem " + x(1), "Wg " + x(5));
    try (Phone a = session.join("Naam " + x(0), "Org " + x(1), "Rol " + x(5), true);
        Phone b = session.join("Naam " + x(6), "Org " + x(3), "Rol " + x(4), true)) {
      session.phase("verhalen");
      for (int i = 0; i < CORPUS.size(); i++) {
        session.post(i % 2 == 0 ? a : b, "v" + i, "story", "Titel " + x(i), "Tekst " + x(i) + "\nregel twee " + x(i + 1));
      }
      session.recognize(b, "v0", "Noot " + x(1));
      session.recognize(a, "v1", "Noot " + x(0));
      session.post(a, "weg", "story", "", "Verborgen tekst");
      session.hide("weg", "Reden " + x(1) + " " + x(0));
      session.connect(a, b);
      session.phase("knelpunten");
      session.post(b, "k", "barrier", "Knelpunt " + x(5), "Knelpunttekst " + x(0));
      session.close();
      session.harvest("Oogst " + x(0) + "\n" + x(1), "Afspraak " + x(5) + " " + x(3));
    }
    String reader = archive.reader(admin, "wethouder-xss", "Wethouder " + x(0), "Gem " + x(1));
    HttpResponse<String> answered = archive.answer(reader, session.id, session.posts.get("k"), "in_behandeling",
        "Antwoord " + x(0) + " " + x(1) + " " + x(5) + " " + x(3));
    assertEquals(303, answered.statusCode(), answered.body());
    HttpResponse<String> response = archive.get("/archief/" + session.id, reader);
    assertEquals(200, response.statusCode(), response.body());
    page = response.body();
    HttpResponse<byte[]> download = archive.bytes("/archief/" + session.id + ".pdf", reader);
    assertEquals(200, download.statusCode(), new String(download.body(), StandardCharsets.UTF_8));
    pdf = download.body();
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  @Test
  @DisplayName("No payload reaches the page as markup: no script or svg tag, no event handler attribute, no javascript: link")
  void noMarkupFromUsers() {
    // The one script the page may carry is our own, from /assets/ (the PDF's progress, when it is not made yet).
    String ours = "<script src=\"/assets/archive/pdf-status.js\" defer=\"\"></script>";
    String page = XssTest.page.replace(ours, "");
    Matcher tags = TAG.matcher(page);
    List<String> bad = new ArrayList<>();
    while (tags.find()) {
      // Attribute values are always double-quoted here and a user's quote is escaped, so what is
      // inside quotes is text; an attribute made from user text would sit outside them.
      String tag = tags.group().toLowerCase().replaceAll("\"[^\"]*\"", "\"\"");
      if (tag.startsWith("<script") || tag.startsWith("<img") || tag.startsWith("<xss")
          || Pattern.compile("\\son[a-z]+\\s*=").matcher(tag).find() || tag.contains("javascript:")
          || (tag.startsWith("<svg") && !tag.contains(" role="))) {
        bad.add(tag);
      }
    }
    assertEquals(List.of(), bad, "tags made from user text");
    assertFalse(page.contains("<script"), "no script at all");
  }

  @Test
  @DisplayName("Every payload is shown, escaped, in each kind of field")
  void payloadsShownEscaped() {
    for (String expected : List.of("T " + x(0), "Gem " + x(1), "Wg " + x(5), "Naam " + x(0), "Org " + x(1),
        "Rol " + x(5), "Titel " + x(2), "Tekst " + x(3), "Noot " + x(1), "Noot " + x(0), "Reden " + x(1),
        "Knelpunt " + x(5), "Knelpunttekst " + x(0), "Oogst " + x(0), "Afspraak " + x(5), "Wethouder " + x(0),
        "Antwoord " + x(0), "Tekst " + x(4), "Titel " + x(7))) {
      assertTrue(page.contains(escaped(expected)), "escaped on the page: " + expected);
      assertFalse(page.contains(expected) && expected.matches(".*[<>\"].*"), "never raw: " + expected);
    }
    assertTrue(page.contains("${7*7}") && page.contains("{{7*7}}"), "template syntax in data stays literal");
    assertFalse(page.contains("Verborgen tekst"));
  }

  @Test
  @DisplayName("The PDF starts with %PDF, embeds its fonts, and its text shows the payloads as literal characters")
  void pdfRendersPayloadsAsText() throws Exception {
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      for (String expected : List.of("Tekst " + x(0), "Titel " + x(1), "Noot " + x(1), "Oogst " + x(0),
          "Knelpunttekst " + x(0), "Antwoord " + x(0), "T " + x(0), "Naam " + x(0))) {
        assertTrue(text.contains(expected), "PDF text shows " + expected + " in:\n" + text);
      }
      assertFalse(text.contains("Verborgen tekst"));
      for (PDPage p : document.getPages()) {
        for (var name : p.getResources().getFontNames()) {
          PDFont font = p.getResources().getFont(name);
          assertTrue(font.isEmbedded(), "font embedded: " + font.getName());
        }
      }
    }
  }
}
