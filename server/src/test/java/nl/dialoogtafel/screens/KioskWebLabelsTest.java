package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * The web of connections names every organisation, readable: with eleven organisations with long
 * names on a 1280×720 and a 1920×1080 projector, every label is shown, within the picture, and no
 * two labels cover each other (they were cut at 18 characters, and a label that would have covered
 * another was hidden). A name its row has no room for is shortened with "…" and keeps its whole
 * form as its title.
 */
@Timeout(240)
@WithServer
@DisplayName("The kiosk's web of connections: organisation labels")
class KioskWebLabelsTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private static JsonObject session;
  private static final List<Phone> PHONES = new ArrayList<>();

  private static final String[] ORGANISATIONS = {
      "Wijkteam Utrecht Overvecht-Noord", "GGD Regio Utrecht, jeugdgezondheidszorg",
      "Gecertificeerde Instelling Jeugdbescherming", "Basisschool De Regenboog Kanaleneiland",
      "Jeugd-GGZ Altrecht Kinderen en Jeugd", "Veilig Thuis Utrecht Stichtse Vecht",
      "Gemeente Utrecht, afdeling Maatschappelijke Ontwikkeling", "Huisartsenpraktijk Lunetten-Hoograven",
      "Samenwerkingsverband Passend Onderwijs Utrecht PO", "Raad voor de Kinderbescherming Midden-Nederland",
      "Leger des Heils Jeugdzorg & Reclassering"};
  private static final int[][] PAIRS = {{0, 1}, {0, 2}, {3, 4}, {0, 5}, {2, 5}, {6, 0}, {7, 1}, {7, 4}, {3, 6},
      {5, 1}, {8, 3}, {9, 2}, {10, 0}, {8, 9}, {10, 7}};

  @BeforeAll
  static void aRoomOfElevenOrganisations() throws Exception {
    session = facilitator.storySession();
    String code = session.getString("code");
    Phone[] phones = new Phone[ORGANISATIONS.length];
    for (int i = 0; i < phones.length; i++) {
      phones[i] = Phone.join(vertx, server.port(), code, "Deelnemer " + i, ORGANISATIONS[i]);
      PHONES.add(phones[i]);
    }
    phones[0].post("s0", "story", "Een verhaal, zodat de wand niet leeg is.");
    for (int[] pair : PAIRS) {
      Phone from = phones[pair[0]];
      Phone to = phones[pair[1]];
      from.send("contact.request", new JsonObject().put("to", to.participantId));
      String request = to.live.nextPrivate("contact.requested").getJsonObject("data").getString("request");
      to.send("contact.accept", new JsonObject().put("request", request));
    }
  }

  @AfterAll
  static void phonesLeave() {
    PHONES.forEach(Phone::close);
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 720", "1920, 1080"})
  @DisplayName("Every organisation is named inside the picture, no label over another")
  void everyLabelWholeInsideAndApart(int width, int height) throws Exception {
    try (Browser kiosk = Browser.open(width, height)) {
      kiosk.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
          "deviceScaleFactor", 1, "mobile", false));
      kiosk.go(session.getString("kioskUrl"));
      kiosk.await(d -> d.findElements(By.cssSelector("#web-svg line")).size() == PAIRS.length ? Boolean.TRUE : null);
      kiosk.awaitSettled();
      Path shots = Path.of("target", "kiosk-screens");
      Files.createDirectories(shots);
      Files.write(shots.resolve("web-labels-" + width + "x" + height + ".png"),
          kiosk.driver().getScreenshotAs(OutputType.BYTES));

      @SuppressWarnings("unchecked")
      List<Map<String, Object>> labels = (List<Map<String, Object>>) kiosk.script(LABELS);
      assertEquals(ORGANISATIONS.length, labels.size(), "one label per organisation");
      List<String> shown = new ArrayList<>();
      for (Map<String, Object> label : labels) {
        String words = (String) label.get("words");
        shown.add(words);
        assertEquals(Boolean.TRUE, label.get("visible"), "visible: " + words);
        assertEquals(Boolean.TRUE, label.get("inside"), "inside the picture: " + label);
        assertTrue(((Number) label.get("fontSize")).doubleValue() >= height / 720.0 * 16,
            "readable from the back: " + label);
      }
      // Each name whole, or (when its row has no room for it) its start with "…" and the whole name as its title.
      for (String organisation : ORGANISATIONS) {
        boolean named = labels.stream().anyMatch(label -> organisation.equals(label.get("words"))
            || (organisation.equals(label.get("title")) && ((String) label.get("words")).endsWith("…")
                && ((String) label.get("words")).length() >= 10
                && organisation.startsWith(((String) label.get("words")).replace("…", ""))));
        assertTrue(named, organisation + " in " + shown);
      }
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          assertTrue(apart(labels.get(i), labels.get(j)),
              "labels overlap: " + labels.get(i) + " and " + labels.get(j));
        }
      }
    }
  }

  /** Each label: its words (lines joined by a space), whether it shows, its box and whether that is inside the picture. */
  private static final String LABELS = "const svg = document.getElementById('web-svg').getBoundingClientRect();"
      + "return [...document.querySelectorAll('#web-svg .nodes text')].map(text => {"
      + "  const box = text.getBoundingClientRect();"
      + "  const lines = text.querySelectorAll('tspan');"
      + "  const words = lines.length ? [...lines].map(l => l.textContent).join(' ') : text.textContent;"
      + "  const style = getComputedStyle(text);"
      + "  const title = text.querySelector('title');"
      + "  return {words, title: title ? title.textContent : null, visible: style.visibility === 'visible' && style.display !== 'none' && box.width > 0,"
      + "    fontSize: parseFloat(style.fontSize),"
      + "    left: box.left, right: box.right, top: box.top, bottom: box.bottom,"
      + "    inside: box.left >= svg.left - 0.5 && box.right <= svg.right + 0.5"
      + "      && box.top >= svg.top - 0.5 && box.bottom <= svg.bottom + 0.5};"
      + "});";

  private static boolean apart(Map<String, Object> a, Map<String, Object> b) {
    return num(a, "right") <= num(b, "left") || num(b, "right") <= num(a, "left")
        || num(a, "bottom") <= num(b, "top") || num(b, "bottom") <= num(a, "top");
  }

  private static double num(Map<String, Object> box, String key) {
    return ((Number) box.get(key)).doubleValue();
  }
}
