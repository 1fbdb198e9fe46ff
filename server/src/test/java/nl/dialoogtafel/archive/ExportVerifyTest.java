package nl.dialoogtafel.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.record.ExportVerifier;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JSON export verifies offline; any change, removal or reordering is caught and named. */
@Timeout(180)
@WithServer
class ExportVerifyTest {

  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static JsonObject export;
  private static String raw;

  @TempDir
  Path dir;

  @BeforeAll
  static void exportARecord() throws Exception {
    SessionScript session = facilitator.script().create("Dialoog Noord", "Utrecht", "Noord");
    try (Phone a = session.join("Anna", "Wijkteam Noord", "ambulant hulpverlener", true);
        Phone b = session.join("Bram", "Veilig Thuis", "aandachtsfunctionaris", false)) {
      session.phase("verhalen");
      // A phase.clock event in the record: verify accepts it like any other sealed event.
      session.api("/clock", new JsonObject().put("action", "pause"));
      session.post(a, "s1", "story", "Op tijd", "Het gezin kreeg binnen een week hulp.");
      session.post(b, "s2", "story", "Te laat", "Wij hoorden het pas na drie maanden.");
      session.post(a, "weg", "story", "", "Dit trek ik in.");
      session.withdraw(a, "weg");
      session.post(b, "verborgen", "story", "", "Een te herkenbaar verhaal.");
      session.recognize(a, "verborgen", "Boomklever: een te herkenbaar verhaal, ja.");
      session.hide("verborgen", "te herkenbaar");
      session.recognize(b, "s1", "Zo zou het altijd moeten gaan.");
      session.close();
      session.harvest("Korte lijnen.", null);
    }
    HttpResponse<String> response = archive.get("/archief/" + session.id + ".json", admin);
    assertEquals(200, response.statusCode(), response.body());
    raw = response.body();
    export = new JsonObject(raw);
  }

  private record Outcome(int exit, String out) {}

  private Outcome verify(JsonObject changed) throws Exception {
    Path file = dir.resolve("verslag.json");
    Files.writeString(file, changed.encodePrettily());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = ExportVerifier.run(new String[] {"verify", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    return new Outcome(exit, out.toString(StandardCharsets.UTF_8));
  }

  private static JsonArray events(JsonObject json) {
    return json.getJsonArray("events");
  }

  private static int indexOfText(JsonObject json, String text) {
    for (int i = 0; i < events(json).size(); i++) {
      JsonObject post = events(json).getJsonObject(i).getJsonObject("data").getJsonObject("post");
      if (post != null && text.equals(post.getString("text"))) {
        return i;
      }
    }
    throw new AssertionError("no event with " + text);
  }

  @Test
  @DisplayName("The export holds the events with their hashes and the head, and no contact data or hidden words")
  void exportShape() {
    assertEquals("dialoogtafel-verslag/1", export.getString("format"));
    JsonArray events = events(export);
    assertEquals(export.getJsonObject("head").getLong("seq"), events.getJsonObject(events.size() - 1).getLong("seq"));
    assertEquals("harvest.added", events.getJsonObject(events.size() - 1).getString("name"));
    assertFalse(raw.contains("12345678") || raw.contains("geheim@example.nl") || raw.contains("\"phone\"")
        || raw.contains("\"email\""), "no contact data");
    assertFalse(raw.contains("Dit trek ik in.") || raw.contains("Een te herkenbaar verhaal."), "no removed words");
    assertFalse(raw.contains("Boomklever"), "no note on a hidden post: it may quote it");
    assertFalse(raw.contains("Bram"), "no name of someone who did not agree");
    assertTrue(raw.contains("Anna"));
  }

  @Test
  @DisplayName("The untouched export verifies: exit 0 and a Dutch verdict")
  void untouchedVerifies() throws Exception {
    Outcome outcome = verify(export.copy());
    assertEquals(ExportVerifier.VALID, outcome.exit(), outcome.out());
    assertTrue(outcome.out().startsWith("GELDIG"), outcome.out());
    // Each left-out text by its reason: a hidden post was not "removed on request".
    assertTrue(outcome.out().contains("ingetrokken door wie het schreef")
        && outcome.out().contains("verborgen door de gespreksleider"), outcome.out());
    assertFalse(outcome.out().contains("op verzoek"), outcome.out());
  }

  @Test
  @DisplayName("Changing one character of a story fails, naming that event")
  void oneCharacterChanged() throws Exception {
    JsonObject changed = export.copy();
    int i = indexOfText(changed, "Wij hoorden het pas na drie maanden.");
    long seq = events(changed).getJsonObject(i).getLong("seq");
    events(changed).getJsonObject(i).getJsonObject("data").getJsonObject("post")
        .put("text", "Wij hoorden het pas na drie maanden!");
    Outcome outcome = verify(changed);
    assertEquals(ExportVerifier.INVALID, outcome.exit(), outcome.out());
    assertTrue(outcome.out().contains("gebeurtenis " + seq + " (post.added) is veranderd"), outcome.out());
  }

  @Test
  @DisplayName("Removing an event from the middle fails, naming the missing event")
  void eventRemoved() throws Exception {
    JsonObject changed = export.copy();
    int i = indexOfText(changed, "Het gezin kreeg binnen een week hulp.");
    long seq = events(changed).getJsonObject(i).getLong("seq");
    events(changed).remove(i);
    Outcome outcome = verify(changed);
    assertEquals(ExportVerifier.INVALID, outcome.exit(), outcome.out());
    assertTrue(outcome.out().contains("Gebeurtenis " + seq + " ontbreekt"), outcome.out());
  }

  @Test
  @DisplayName("Removing the last event fails: the head names it")
  void lastEventRemoved() throws Exception {
    JsonObject changed = export.copy();
    long last = events(changed).getJsonObject(events(changed).size() - 1).getLong("seq");
    events(changed).remove(events(changed).size() - 1);
    Outcome outcome = verify(changed);
    assertEquals(ExportVerifier.INVALID, outcome.exit(), outcome.out());
    assertTrue(outcome.out().contains("vóór gebeurtenis " + last), outcome.out());
  }

  @Test
  @DisplayName("Swapping two events fails, naming the first one out of place")
  void eventsSwapped() throws Exception {
    JsonObject changed = export.copy();
    JsonArray events = events(changed);
    JsonObject third = events.getJsonObject(2);
    events.set(2, events.getJsonObject(3));
    events.set(3, third);
    Outcome outcome = verify(changed);
    assertEquals(ExportVerifier.INVALID, outcome.exit(), outcome.out());
    assertTrue(outcome.out().contains("Gebeurtenis 3 staat niet op haar plaats"), outcome.out());
  }

  @Test
  @DisplayName("Blanking a story that was never withdrawn or hidden fails, naming it")
  void redactionWithoutRemoval() throws Exception {
    JsonObject changed = export.copy();
    int i = indexOfText(changed, "Het gezin kreeg binnen een week hulp.");
    JsonObject event = events(changed).getJsonObject(i);
    event.getJsonObject("data").getJsonObject("post").remove("text");
    event.put("erased", new JsonObject().put("at", "2025-01-01T00:00:00Z").put("reason", "withdrawn"));
    Outcome outcome = verify(changed);
    assertEquals(ExportVerifier.INVALID, outcome.exit(), outcome.out());
    assertTrue(outcome.out().contains("gebeurtenis " + event.getLong("seq") + " (post.added) is de inhoud weggelaten"),
        outcome.out());
  }

  @Test
  @DisplayName("Blanking a recognition note on a story still on the wall fails, naming it")
  void noteRedactionWithoutRemoval() throws Exception {
    JsonObject changed = export.copy();
    JsonObject event = null;
    for (int i = 0; i < events(changed).size(); i++) {
      JsonObject e = events(changed).getJsonObject(i);
      if ("Zo zou het altijd moeten gaan.".equals(e.getJsonObject("data").getString("note"))) {
        event = e;
      }
    }
    assertTrue(event != null, "the note on a visible story is in the export");
    event.getJsonObject("data").remove("note");
    event.put("erased", new JsonObject().put("at", "2025-01-01T00:00:00Z").put("reason", "withdrawn"));
    Outcome outcome = verify(changed);
    assertEquals(ExportVerifier.INVALID, outcome.exit(), outcome.out());
    assertTrue(outcome.out().contains("gebeurtenis " + event.getLong("seq") + " (recognition.added) is de inhoud weggelaten"),
        outcome.out());
  }

  @Test
  @DisplayName("java ... Main verify exits 0 on the export, 1 on a changed one, 2 on a file that is not an export")
  void commandLine() throws Exception {
    Path good = dir.resolve("goed.json");
    Files.writeString(good, raw);
    JsonObject changed = export.copy();
    events(changed).getJsonObject(0).put("at", "2020-01-01T00:00:00Z");
    Path bad = dir.resolve("fout.json");
    Files.writeString(bad, changed.encode());
    Path junk = dir.resolve("rommel.json");
    Files.writeString(junk, "geen json");
    assertEquals(0, cli(good));
    assertEquals(1, cli(bad));
    assertEquals(2, cli(junk));
  }

  private static int cli(Path file) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "nl.dialoogtafel.app.Main",
        "verify", file.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "verify finished");
    assertFalse(output.isBlank(), "verify says something");
    return process.exitValue();
  }
}
