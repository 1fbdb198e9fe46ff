package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.screens.phone.PhonePage;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/**
 * A whole morning in one room of 60: 57 phones over the protocol and three through the real page,
 * the console and the projected kiosk at 1920×1080. Every phase in order, the clock started,
 * paused and given five more minutes, a 1,500-character story spotlighted and shown whole, the
 * pre-moderation queue, a hide with its reason on the author's phone and its undo, knelpunten in
 * their column, the closing totals; axe on every screen (the kiosk in both themes) and the English
 * switch on all three.
 */
@Timeout(600)
@WithServer
class WholeMorningTest {

  private static final List<String> ORGANISATIONS = List.of("Jeugdteam Zuid", "GGD Regio Utrecht",
      "Basisschool De Regenboog", "Veilig Thuis", "Huisartsenpraktijk Lunetten", "Wijkteam Hoograven",
      "Leerplicht Utrecht", "Jeugd-GGZ Altrecht", "Sportvereniging Zuid", "Stichting MEE", "Politie Utrecht-Zuid",
      "Kinderopvang Het Speelhuis");

  private TestServer server;
  private Facilitator facilitator;
  private Vertx vertx;
  private final List<Browser> browsers = new ArrayList<>();
  private final List<Phone> phones = new ArrayList<>();

  @AfterEach
  void closeAll() {
    phones.forEach(Phone::close);
    browsers.forEach(Browser::close);
  }

  private Browser open(Browser browser) {
    browsers.add(browser);
    return browser;
  }

  @Test
  @DisplayName("A morning of 60: every phase, clock, spotlight whole, queue, hide and undo, knelpunten, totals, axe in both themes, English")
  void aWholeMorning() throws Exception {
    SessionScript s = facilitator.script().create("Transformatiedialoog Zuid", "Utrecht", "Werkgemeenschap Zuid");
    String sessionPath = "/api/sessions/" + s.id;

    Browser console = open(Browser.screen());
    console.go(server.origin() + "/regie");
    console.find(By.name("username")).sendKeys(TestServer.ADMIN);
    console.find(By.name("password")).sendKeys(TestServer.PASSWORD);
    console.find(By.cssSelector(".login-form button[type=submit]")).click();
    console.find(By.cssSelector("nav"));
    console.go(server.origin() + "/regie#/sessie/" + s.id);
    console.awaitText("Transformatiedialoog Zuid");

    Browser kiosk = open(Browser.screen());
    kiosk.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
    kiosk.go(server.origin() + "/kiosk/" + s.id + "#key=" + s.kioskKey);
    kiosk.await(d -> d.findElement(By.id("join-code")).getText().trim().equals(s.code) ? Boolean.TRUE : null);

    // The welcome's clock waits for the facilitator, then runs.
    awaitClock(kiosk, "timer", "waiting");
    s.api("/clock", new JsonObject().put("action", "resume"));
    awaitClock(kiosk, "timer", "running");

    for (int i = 0; i < 57; i++) {
      phones.add(s.join("Deelnemer " + i, ORGANISATIONS.get(i % ORGANISATIONS.size()), "professional", i % 3 == 0));
    }
    PhonePage fatima = new PhonePage(open(Browser.phone()), server.origin());
    PhonePage joost = new PhonePage(open(Browser.phone()), server.origin());
    PhonePage ali = new PhonePage(open(Browser.phone()), server.origin());
    fatima.openJoinLink(s.code).showingName().join("Fatima", "Jeugdteam Zuid", "jeugdverpleegkundige");
    joost.openJoinLink(s.code).join("Joost", "GGD Regio Utrecht", "jeugdarts");
    ali.openJoinLink(s.code).join("Ali", "Basisschool De Regenboog", "intern begeleider");
    kiosk.awaitText("Aanwezig: 60"); // all 60 phones online

    // Stories: one of 1,500 characters, the rest shorter; three through the real phone page.
    s.phase("verhalen");
    String longStory = longStory();
    s.post(phones.get(0), "lang", "story", "Veertien weken wachten", longStory);
    for (int i = 1; i < 57; i++) {
      s.post(phones.get(i), "p" + i, "story", "", "Verhaal " + i + ": de school, het wijkteam en de huisarts zochten "
          + "elk apart naar een oplossing voor hetzelfde gezin, en pas na weken zaten ze samen aan tafel.");
    }
    fatima.post("Drie loketten", "Een moeder belde drie loketten voordat iemand haar echt hielp.");
    joost.post("", "Een jongere wachtte veertien weken op een gesprek met de jeugdarts.");
    ali.post("", "Op school zagen we het als eerste, maar niemand vroeg ons iets.");
    fatima.browser().awaitText("veertien weken op een gesprek");

    // The room recognises the long story; it is spotlighted and shown whole.
    s.phase("herkenning");
    for (int i = 1; i <= 20; i++) {
      s.recognize(phones.get(i), "lang", i == 1 ? "Dit herken ik van de wachtlijst bij ons." : null);
    }
    s.api("/posts/" + s.posts.get("lang") + "/spotlight", new JsonObject());
    kiosk.await(d -> Boolean.TRUE.equals(kiosk.script("return document.body.classList.contains('spotlit')")) ? Boolean.TRUE : null);
    kiosk.awaitText("Dit herken ik van de wachtlijst bij ons.");
    // Waits for the condition rather than for the page's rest: with 60 posts the wall keeps moving.
    String spotlightRead = "const s = document.getElementById('spotlight');"
        + "const t = s.querySelector('.post-text').cloneNode(true); t.querySelectorAll('.kind, .post-title').forEach(n => n.remove());"
        + "return {text: t.textContent.trim(), overflow: s.scrollHeight - s.clientHeight}";
    List<Object> lastSpot = new ArrayList<>(List.of(Map.of()));
    try {
      kiosk.await(d -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> spot = (Map<String, Object>) kiosk.script(spotlightRead);
        lastSpot.set(0, spot);
        return longStory.equals(spot.get("text")) && ((Number) spot.get("overflow")).intValue() <= 1 ? Boolean.TRUE : null;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("the spotlighted story whole on the kiosk, nothing clipped: " + lastSpot.get(0), e);
    }
    assertEquals(List.of(), kiosk.accessibilityViolations(), "kiosk, light, spotlight");
    keep(kiosk, "kiosk-verhalen-spotlight.png");

    // The clock: paused on the kiosk and on a phone, then five more minutes.
    awaitClock(kiosk, "timer", "running");
    int before = secondsLeft(kiosk);
    s.api("/clock", new JsonObject().put("action", "pause"));
    awaitClock(kiosk, "timer", "paused");
    fatima.browser().await(d -> d.findElement(By.id("phase-clock")).getText().contains("stil") ? Boolean.TRUE : null);
    s.api("/clock", new JsonObject().put("action", "extend").put("minutes", 5));
    kiosk.await(d -> secondsLeft(kiosk) >= before + 240 ? Boolean.TRUE : null); // five more minutes
    fatima.browser().await(d -> d.findElement(By.id("phase-clock")).getText().contains("stil") ? Boolean.TRUE : null);

    // Pre-moderation: Ali's next story waits; the kiosk cannot show it until it is let through.
    s.api("/moderation", new JsonObject().put("queue", true));
    ali.post("", "Wachtend verhaal: de leerplichtambtenaar belde ons pas toen het te laat was.");
    ali.browser().awaitText("Wacht op de gespreksleider");
    JsonObject queue = new JsonObject(facilitator.get(sessionPath + "/queue").body());
    assertEquals(1, queue.getJsonArray("waiting").size(), queue.encode());
    String waitingId = queue.getJsonArray("waiting").getJsonObject(0).getString("id");
    HttpResponse<String> notYet = server.put(sessionPath + "/kiosk", facilitator.cookie(), new JsonObject().put("post", waitingId));
    assertEquals(404, notYet.statusCode(), "a waiting post cannot go on the projector");
    assertFalse(kiosk.dom().contains("Wachtend verhaal"), "the kiosk never sees a waiting post");
    s.api("/queue/" + waitingId + "/approve", new JsonObject());
    s.kiosk(new JsonObject().put("post", waitingId));
    kiosk.awaitText("Wachtend verhaal");
    s.kiosk(new JsonObject());
    s.api("/moderation", new JsonObject().put("queue", false));

    // Hide with a reason that the author's phone shows, then undo.
    String fatimaPost = postIdOf(phones.get(0), "Drie loketten");
    s.api("/posts/" + fatimaPost + "/hide", new JsonObject().put("reason", "Een naam van een kind stond erin."));
    fatima.browser().awaitText("Een naam van een kind stond erin.");
    fatima.browser().awaitText("Verborgen door de gespreksleider");
    HttpResponse<String> hidden = server.put(sessionPath + "/kiosk", facilitator.cookie(), new JsonObject().put("post", fatimaPost));
    assertEquals(404, hidden.statusCode(), "a hidden post is off the wall");
    s.api("/posts/" + fatimaPost + "/restore", new JsonObject());
    fatima.browser().await(d -> d.findElement(By.tagName("body")).getText().contains("Verborgen door de gespreksleider")
        ? null : Boolean.TRUE);
    s.kiosk(new JsonObject().put("post", fatimaPost));
    kiosk.awaitText("Een moeder belde drie loketten");
    s.kiosk(new JsonObject());

    // Who can I call, knelpunten in their own column, the harvest.
    s.phase("wie-kan-ik-bellen");
    for (int i = 0; i < 6; i++) {
      s.connect(phones.get(i), phones.get(i + 1));
    }
    s.phase("knelpunten");
    for (int i = 0; i < 8; i++) {
      s.post(phones.get(30 + i), "k" + i, "barrier", "Knelpunt " + i, "Knelpunt " + i
          + ": een indicatie voor jeugdhulp duurt langer dan de wachttijd die ouders nog kunnen dragen.");
    }
    kiosk.await(d -> d.findElement(By.id("barriers")).isDisplayed()
        && d.findElement(By.id("barriers")).getText().contains("Knelpunt") ? Boolean.TRUE : null);
    keep(kiosk, "kiosk-knelpunten.png");
    s.phase("oogst");
    s.close();

    // The closing view with the totals, in the dark high-contrast theme too.
    s.kiosk(new JsonObject().put("totals", true));
    kiosk.await(d -> d.findElement(By.id("totals")).isDisplayed() ? Boolean.TRUE : null);
    assertEquals(Map.of("stories", "61", "recognitions", "20", "connections", "6", "knelpunten", "8"), totals(kiosk));
    assertEquals(List.of(), kiosk.accessibilityViolations(), "kiosk, light, totals");
    keep(kiosk, "kiosk-totalen.png");
    s.kiosk(new JsonObject().put("totals", true).put("theme", "dark"));
    kiosk.await(d -> Boolean.TRUE.equals(kiosk.script("return document.body.classList.contains('theme-dark')"
        + " || document.documentElement.classList.contains('theme-dark') || document.body.dataset.theme === 'dark'"))
        ? Boolean.TRUE : null);
    assertEquals(List.of(), kiosk.accessibilityViolations(), "kiosk, dark, totals");
    keep(kiosk, "kiosk-totalen-donker.png");
    s.kiosk(new JsonObject().put("theme", "dark"));
    kiosk.await(d -> d.findElement(By.id("totals")).isDisplayed() ? null : Boolean.TRUE);
    assertEquals(List.of(), kiosk.accessibilityViolations(), "kiosk, dark, wall");

    assertEquals(List.of(), console.accessibilityViolations(), "console");
    assertEquals(List.of(), fatima.browser().accessibilityViolations(), "phone");

    // English on all three screens, each by its own button.
    for (Browser b : List.of(console, kiosk, fatima.browser())) {
      b.find(By.cssSelector("button.language-switch")).click();
      b.await(d -> "en".equals(b.script("return document.documentElement.lang")) ? Boolean.TRUE : null);
      b.await(d -> "Nederlands".equals(d.findElement(By.cssSelector("button.language-switch")).getText()) ? Boolean.TRUE : null);
    }
    kiosk.awaitText("Closed");
  }

  /** With {@code -Ddialoogtafel.screenshots=DIR} keeps a screenshot (the README's pictures of the kiosk). */
  private static void keep(Browser b, String name) throws Exception {
    String dir = System.getProperty("dialoogtafel.screenshots");
    if (dir != null) {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
      java.nio.file.Files.write(java.nio.file.Path.of(dir, name),
          b.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }

  private static void awaitClock(Browser b, String id, String mode) {
    b.await(d -> mode.equals(d.findElement(By.id(id)).getAttribute("data-clock")) ? Boolean.TRUE : null);
  }

  /** The kiosk's timer in seconds ("39:58" → 2398), read once it has settled on a number. */
  private static int secondsLeft(Browser kiosk) {
    String text = kiosk.await(d -> {
      String shown = d.findElement(By.id("timer")).getText();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+):(\\d\\d)").matcher(shown);
      return m.find() ? m.group() : null;
    });
    String[] parts = text.split(":");
    return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> totals(Browser kiosk) {
    return (Map<String, String>) kiosk.script("const r = {}; document.querySelectorAll('#totals [data-total]')"
        + ".forEach(li => r[li.dataset.total] = li.querySelector('.total-number').textContent.trim()); return r;");
  }

  /** A post's id as a phone in the room received it, found by its title. */
  private static String postIdOf(Phone witness, String title) {
    return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
        witness.live.frames().stream().map(JsonObject::new)
            .filter(m -> "event".equals(m.getString("type")) && "post.added".equals(m.getString("name")))
            .map(m -> m.getJsonObject("data").getJsonObject("post"))
            .filter(post -> title.equals(post.getString("title"))).map(post -> post.getString("id"))
            .findFirst().orElse(null), java.util.Objects::nonNull);
  }

  private static String longStory() {
    String sentence = "Een jongere wachtte veertien weken op een gesprek, terwijl school, wijkteam en huisarts elk "
        + "apart belden en niemand wist wie de regie had. ";
    StringBuilder text = new StringBuilder();
    while (text.length() < 1500) {
      text.append(sentence);
    }
    return text.substring(0, 1499).trim() + ".";
  }
}
