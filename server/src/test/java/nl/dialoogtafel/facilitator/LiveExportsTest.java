package nl.dialoogtafel.facilitator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.record.RecordCheck;
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
 * The facilitator's downloads during a session that is still open: the record so far in the
 * archive's export format, and the visible posts as a spreadsheet a Dutch Excel opens.
 */
@Timeout(180)
@WithServer
@DisplayName("Export during the session")
class LiveExportsTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static ArchiveClient archive;
  @AdminCookie
  private static String admin;
  private static SessionScript session;

  private static final String WITHDRAWN = "Boomklever: dit trek ik liever in.";
  private static final String HIDDEN = "Zwaluwstaart: een te herkenbaar verhaal.";
  private static final String ERASED = "Kraanvogel: wat de gewiste persoon schreef.";

  @BeforeAll
  static void anOpenSession() throws Exception {
    session = facilitator.script().create("Dialoog Zuid", "Utrecht", "Zuid");
    try (Phone anna = session.join("Anna Jansen", "Wijkteam Zuid", "ambulant hulpverlener", true);
        Phone bram = session.join("Bram de Vries", "=HYPERLINK(\"http://x\";\"klik\")", "@jeugdarts", false);
        Phone cees = session.join("Cees Bakker", "GGZ", "psychiater", true)) {
      session.phase("verhalen");
      session.post(anna, "school", "story", "School; en \"thuis\"", "Eerste regel.\nTweede regel; met een puntkomma.");
      session.post(bram, "formule", "story", "+SUM(1;2)", "-2+3 en =1+1 en @naam");
      session.post(anna, "weg", "story", "", WITHDRAWN);
      session.withdraw(anna, "weg");
      session.post(bram, "verborgen", "story", "", HIDDEN);
      session.hide("verborgen", "te herkenbaar");
      session.post(cees, "gewist", "story", "", ERASED);
      session.recognize(bram, "school", "Dit ken ik.");
      session.recognize(cees, "school", "Herkenbaar.");
      session.telling("school");
      session.phase("knelpunten");
      session.post(cees, "knel", "barrier", "Wachtlijst", "Zes maanden wachten op de ggz.");
      session.api("/participants/" + cees.participantId + "/erase", new JsonObject());
    }
  }

  @Test
  @DisplayName("The record so far is the archive's export, verifies offline and holds no removed words")
  void recordSoFar() throws Exception {
    HttpResponse<String> response = server.get("/api/sessions/" + session.id + "/export.json", admin);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    String day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    assertEquals("attachment; filename=\"verslag-" + day + "-" + session.id + ".json\"",
        response.headers().firstValue("Content-Disposition").orElse(""));
    JsonObject export = new JsonObject(response.body());
    assertEquals("dialoogtafel-verslag/1", export.getString("format"));
    assertEquals("open", export.getJsonObject("session").getString("state"));
    JsonArray events = export.getJsonArray("events");
    JsonObject last = events.getJsonObject(events.size() - 1);
    assertEquals(last.getLong("seq"), export.getJsonObject("head").getLong("seq"), "the head is where the record stands");
    assertEquals("participant.erased", last.getString("name"), "the erasure of a moment ago is in it");
    RecordCheck.Result verdict = ExportVerifier.verify(export);
    assertTrue(verdict.valid(), verdict.toString());
    for (String gone : List.of(WITHDRAWN, HIDDEN, ERASED, "Cees Bakker", "Bram de Vries", "geheim@example.nl",
        "12345678")) {
      assertFalse(response.body().contains(gone), "not in the export: " + gone);
    }
    assertTrue(response.body().contains("Anna Jansen"), "a name its person chose to show");
  }

  @Test
  @DisplayName("The posts as CSV: Excel's Dutch dialect, one row per visible post, no formulas, nothing removed")
  void postsAsCsv() throws Exception {
    HttpResponse<byte[]> response = archive.bytes("/api/sessions/" + session.id + "/posts.csv", admin);
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv; charset=utf-8"));
    String day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    assertEquals("attachment; filename=\"berichten-" + day + "-" + session.id + ".csv\"",
        response.headers().firstValue("Content-Disposition").orElse(""));
    byte[] bytes = response.body();
    assertEquals(0xEF, bytes[0] & 0xFF, "UTF-8 byte order mark");
    assertEquals(0xBB, bytes[1] & 0xFF);
    assertEquals(0xBF, bytes[2] & 0xFF);
    String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    for (String gone : List.of(WITHDRAWN, HIDDEN, ERASED, "Cees Bakker", "Bram de Vries", "geheim@example.nl",
        "12345678", "te herkenbaar")) {
      assertFalse(csv.contains(gone), "not in the CSV: " + gone);
    }
    List<List<String>> rows = parse(csv);
    assertEquals(List.of("Id", "Volgnummer", "Tijd", "Fase", "Soort", "Titel", "Tekst", "Organisatie", "Rol", "Naam",
        "Herkenningen", "Sprekend verhaal"), rows.get(0));
    assertEquals(3, rows.size(), "a header and the two visible posts: " + rows);
    List<String> school = rows.get(1);
    assertEquals(session.posts.get("school"), school.get(0));
    assertTrue(school.get(2).matches(day + " \\d\\d:\\d\\d:\\d\\d"), school.get(2));
    assertEquals("Verhalen uit de praktijk", school.get(3));
    assertEquals("verhaal", school.get(4));
    assertEquals("School; en \"thuis\"", school.get(5));
    assertEquals("Eerste regel.\nTweede regel; met een puntkomma.", school.get(6));
    assertEquals(List.of("Wijkteam Zuid", "ambulant hulpverlener", "Anna Jansen", "2", "ja"), school.subList(7, 12),
        "both recognitions count, also the erased person's");
    List<String> formula = rows.get(2);
    assertEquals("'+SUM(1;2)", formula.get(5));
    assertEquals("'-2+3 en =1+1 en @naam", formula.get(6));
    assertEquals("'=HYPERLINK(\"http://x\";\"klik\")", formula.get(7));
    assertEquals("'@jeugdarts", formula.get(8));
    assertEquals("", formula.get(9), "no name where its person did not choose to show it");
    assertEquals(List.of("0", ""), formula.subList(10, 12));
    // The erased person's knelpunt is gone with its words; the withdrawn and hidden stories too.
    assertTrue(csv.endsWith("\r\n") && csv.split("\r\n", -1).length >= 4, "CR LF line ends");

    String english = new String(archive.bytes("/api/sessions/" + session.id + "/posts.csv?lang=en", admin).body(),
        StandardCharsets.UTF_8);
    assertTrue(english.startsWith("\uFEFFId;Sequence;Time;Phase;Kind;Title;Text;"), english);
  }

  @Test
  @DisplayName("Only the session's facilitator and admins: a reader gets 403, another facilitator and a stranger 404")
  void access() throws Exception {
    String other = archive.login(account("andere-leider", "facilitator"), "lang-genoeg-wachtwoord");
    String reader = archive.login(account("lezer-zuid", "reader"), "lang-genoeg-wachtwoord");
    for (String file : List.of("/export.json", "/posts.csv")) {
      String path = "/api/sessions/" + session.id + file;
      assertEquals(404, server.get(path, other).statusCode(), "another facilitator's session " + file);
      assertEquals(403, server.get(path, reader).statusCode(), "a reader " + file);
      assertEquals(401, server.get(path, null).statusCode(), "nobody logged in " + file);
      assertEquals(404, server.get("/api/sessions/sbestaatniet" + file, admin).statusCode(), "unknown " + file);
      assertEquals(404, server.get("/api/sessions/S-HOOFDLETTERS" + file, admin).statusCode(), "not an id " + file);
    }
    String mine = facilitator.script().create("Eigen sessie", "Utrecht", null).id;
    // The owner (not an admin) gets their own session.
    SessionScript own = new SessionScript(server, facilitator.vertx(), other).create("Van de ander", "Utrecht", null);
    assertEquals(200, server.get("/api/sessions/" + own.id + "/export.json", other).statusCode());
    assertEquals(200, server.get("/api/sessions/" + own.id + "/posts.csv", other).statusCode());
    assertEquals(404, server.get("/api/sessions/" + mine + "/posts.csv", other).statusCode());
  }

  private static String account(String name, String role) throws Exception {
    archive.account(admin, name, role, null, "Utrecht");
    return name;
  }

  /** An RFC 4180 reader with ';' as the separator, to read back what Excel would. */
  private static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return rows;
  }
}
