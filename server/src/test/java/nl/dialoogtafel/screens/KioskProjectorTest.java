package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The facilitator commands the projector (kiosk.view): one kiosk page at 1920×1080 follows each
 * command — join panel, numbers, order, freeze, dark theme, one post full-screen, closing totals —
 * and shows the same after it reconnects and after it is opened again. The console's projector
 * panel, at phone width, sends the commands and says how many posts wait behind a frozen wall.
 */
@Timeout(300)
@WithServer
class KioskProjectorTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;

  private static boolean js(Browser b, String condition) {
    return Boolean.TRUE.equals(b.script("return Boolean(" + condition + ")"));
  }

  private static void awaitJs(Browser b, String condition) {
    b.await(d -> js(b, condition) ? Boolean.TRUE : null);
  }

  private static String shown(String selector) {
    return "(() => { const e = document.querySelector('" + selector + "'); return e && e.getClientRects().length > 0; })()";
  }

  /** The ids of the posts on the wall's page, top to bottom. */
  @SuppressWarnings("unchecked")
  private static List<String> wall(Browser b) {
    return (List<String>) b.script("return [...document.querySelectorAll('#posts .post')].map(p => p.dataset.post)");
  }

  private static void noViolations(Browser b, String where) {
    List<String> violations = b.accessibilityViolations();
    assertTrue(violations.isEmpty(), where + ": axe-core violations:\n" + String.join("\n", violations));
  }

  private static void screenshot(Browser b, String name) throws Exception {
    Path dir = Path.of("target", "kiosk-screens");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), b.driver().getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @DisplayName("Each projector command changes the kiosk; a frozen wall holds until unfrozen; totals count what the room may see; a reconnected or reopened kiosk shows the same")
  void kioskFollowsTheFacilitator() throws Exception {
    SessionScript session = facilitator.script().create("Projector in de zaal", "Utrecht", null);
    session.phase("verhalen");
    try (Phone anna = session.join("Anna", "Wijkteam Oost", "wijkverpleegkundige", true);
        Phone bram = session.join("Bram", "GGD Regio Utrecht", "jeugdarts", true);
        Phone cees = session.join("Cees", " wijkteam  oost", "ambulant begeleider", true);
        Browser b = Browser.open(1920, 1080)) {
      b.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1920, "height", 1080,
          "deviceScaleFactor", 1, "mobile", false));
      String older = session.post(anna, "ouder", "story", "Drie loketten", "Een moeder belde drie loketten voordat iemand hielp.");
      String newer = session.post(bram, "nieuwer", "story", "", "De wachtlijst voor de jeugd-GGZ duurde negen maanden.");
      session.post(cees, "verborgen", "story", "", "Een verhaal dat van de wand moet.");
      session.hide("verborgen", "Herleidbaar naar een gezin");
      session.recognize(bram, "ouder", "Herkenbaar.");
      session.recognize(cees, "ouder", null);
      session.recognize(anna, "nieuwer", null);
      session.connect(anna, bram);
      session.connect(anna, cees); // within one organisation however it is typed: no new connection between organisations

      String kiosk = server.origin() + "/kiosk/" + session.id + "#key=" + session.kioskKey;
      b.go(kiosk);
      b.await(d -> wall(b).size() == 2 ? Boolean.TRUE : null);
      assertEquals(List.of(newer, older), wall(b), "newest first");
      assertTrue(js(b, shown("#join")) && js(b, shown(".who")) && js(b, shown("#posts .post-recognitions")));

      // Join panel and numbers off; most recognised first.
      session.kiosk(new JsonObject().put("join", false).put("counts", false).put("order", "recognised"));
      awaitJs(b, "document.body.classList.contains('no-join')");
      b.await(d -> List.of(older, newer).equals(wall(b)) ? Boolean.TRUE : null);
      assertFalse(js(b, shown("#join")), "join panel hidden");
      assertFalse(js(b, shown(".who")), "who-is-here counts hidden");
      assertFalse(js(b, shown("#posts .post-recognitions")), "recognitions hidden");
      assertEquals("Nieuwe verbindingen", b.script("return document.getElementById('web-heading').textContent"));

      // Frozen: a new post stays off the wall, also when the theme changes meanwhile; it comes on after.
      session.kiosk(new JsonObject().put("frozen", true));
      awaitJs(b, shown(".frozen-mark"));
      b.awaitSettled();
      String late = session.post(bram, "laat", "story", "", "Op school zaten de ouders met iedereen aan tafel.");
      session.kiosk(new JsonObject().put("frozen", true).put("theme", "dark"));
      awaitJs(b, "document.body.classList.contains('theme-dark')");
      b.awaitSettled();
      assertEquals(List.of(newer, older), wall(b), "the frozen wall did not change");
      session.kiosk(new JsonObject().put("theme", "dark"));
      b.await(d -> wall(b).contains(late) ? Boolean.TRUE : null);
      assertFalse(js(b, shown(".frozen-mark")));
      b.awaitSettled();
      noViolations(b, "dark wall");

      // Any visible post full-screen (not the spotlighted one): the stage, its text whole.
      String text = KioskWallTest.story(7, 1500);
      String full = session.post(anna, "groot", "story", "", text);
      session.api("/posts/" + older + "/spotlight", new JsonObject());
      session.kiosk(new JsonObject().put("theme", "dark").put("post", full));
      awaitJs(b, "document.body.classList.contains('spotlit') && document.querySelector('#spotlight .post-text')?.textContent.includes('"
          + text.substring(text.length() - 40) + "')");
      b.awaitSettled();
      screenshot(b, "kiosk-fullscreen-dark-1920x1080.png");
      @SuppressWarnings("unchecked")
      Map<String, Object> spot = (Map<String, Object>) b.script("const s = document.getElementById('spotlight');"
          + "const t = s.querySelector('.post-text').cloneNode(true); t.querySelectorAll('.kind, .post-title').forEach(n => n.remove());"
          + "const r = s.getBoundingClientRect();"
          + "return {text: t.textContent.trim(), overflow: s.scrollHeight - s.clientHeight, width: r.width, height: r.height}");
      assertEquals(text, spot.get("text"), "the whole post at once");
      assertTrue(((Number) spot.get("overflow")).intValue() <= 1, "nothing clipped: " + spot);
      assertTrue(((Number) spot.get("width")).doubleValue() > 1500 && ((Number) spot.get("height")).doubleValue() > 700,
          "it fills the stage: " + spot);

      // The knelpunten, then the closing totals in the light theme: only what the room may see.
      session.phase("knelpunten");
      session.post(cees, "knelpunt", "barrier", "Vervoer", "Het vervoer naar speciaal onderwijs regelt niemand.");
      session.kiosk(new JsonObject().put("totals", true));
      awaitJs(b, shown("#totals"));
      Map<String, String> totals = Map.of("stories", "4", "recognitions", "3", "connections", "1", "knelpunten", "1");
      awaitTotals(b, totals);
      assertFalse(js(b, shown(".stage")), "the totals take the stage's place");
      b.awaitSettled();
      noViolations(b, "light totals");

      // A kiosk that loses its connection meanwhile catches up with the setting on reconnecting.
      b.offline(true);
      awaitJs(b, "document.getElementById('status').dataset.status !== 'online'");
      session.close();
      session.kiosk(new JsonObject().put("totals", true).put("theme", "dark"));
      b.offline(false);
      awaitJs(b, "document.body.classList.contains('theme-dark') && document.body.classList.contains('closed-session')");
      awaitTotals(b, totals);
      b.awaitSettled();
      screenshot(b, "kiosk-totals-closed-dark-1920x1080.png");
      noViolations(b, "dark totals");

      // Opened again (a late or second kiosk): the snapshot carries the same view.
      b.go("about:blank");
      b.go(kiosk);
      awaitJs(b, shown("#totals") + " && document.body.classList.contains('theme-dark')");
      awaitTotals(b, totals);
      assertTrue(String.valueOf(b.script("return document.getElementById('totals-heading').textContent")).startsWith("Afgesloten"));
    }
  }

  @Test
  @DisplayName("At phone width the console's projector panel sends the whole view, keeps the rest of it, and says how many posts wait behind a frozen wall")
  void consoleAtPhoneWidth() throws Exception {
    SessionScript session = facilitator.script().create("Regie op de telefoon", "Utrecht", null);
    session.phase("verhalen");
    try (Phone anna = session.join("Anna", "Wijkteam Oost", "wijkverpleegkundige", true);
        Browser b = Browser.phone()) {
      String first = session.post(anna, "eerste", "story", "Drie loketten", "Een moeder belde drie loketten voordat iemand hielp.");
      b.go(server.origin() + "/regie");
      b.find(By.name("username")).sendKeys(TestServer.ADMIN);
      b.find(By.name("password")).sendKeys(TestServer.PASSWORD);
      b.find(By.cssSelector(".login-form button[type=submit]")).click();
      b.find(By.id("logout"));
      b.go(server.origin() + "/regie#/sessie/" + session.id);
      WebElement panel = b.find(By.cssSelector(".projector-panel"));
      b.await(d -> panel.findElements(By.cssSelector("select[name=post] option")).size() == 2 ? Boolean.TRUE : null);

      panel.findElement(By.xpath(".//label[input[@name='frozen']]")).click();
      JsonObject frozen = anna.live.nextEvent("kiosk.view").getJsonObject("data");
      assertEquals(Boolean.TRUE, frozen.getBoolean("frozen"), frozen.encode());
      session.post(anna, "tweede", "story", "", "De wachtlijst voor de jeugd-GGZ duurde negen maanden.");
      b.await(d -> panel.getText().contains("er wacht 1 nieuwe bijdrage") ? Boolean.TRUE : null);

      new Select(panel.findElement(By.name("order"))).selectByValue("recognised");
      JsonObject ordered = anna.live.nextEvent("kiosk.view").getJsonObject("data");
      assertEquals("recognised", ordered.getString("order"));
      assertEquals(Boolean.TRUE, ordered.getBoolean("frozen"), "the rest of the view stays: " + ordered.encode());
      new Select(panel.findElement(By.name("post"))).selectByValue(first);
      assertEquals(first, anna.live.nextEvent("kiosk.view").getJsonObject("data").getString("post"));
      b.await(d -> panel.getText().contains("De projector is bijgewerkt.") ? Boolean.TRUE : null);

      b.script("arguments[0].scrollIntoView()", panel);
      screenshot(b, "console-projector-360.png");
      assertTrue(((Number) b.script("return document.documentElement.scrollWidth")).intValue() <= 360,
          "nothing wider than the phone");
      noViolations(b, "console at 360 px");
    }
  }

  private static void awaitTotals(Browser b, Map<String, String> expected) {
    b.await(d -> {
      @SuppressWarnings("unchecked")
      Map<String, String> shown = (Map<String, String>) b.script("return Object.fromEntries([...document.querySelectorAll('#totals [data-total]')]"
          + ".map(e => [e.dataset.total, e.querySelector('.total-number').textContent]))");
      return expected.equals(shown) ? Boolean.TRUE : null;
    });
  }
}
