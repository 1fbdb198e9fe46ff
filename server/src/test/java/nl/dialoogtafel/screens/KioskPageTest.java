package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.ShownQrCode;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The kiosk on a projector-sized headless Chromium against the real server: what the room sees,
 * what it must never see (contact details), and that it keeps going unattended.
 */
@Timeout(240)
@WithServer
class KioskPageTest {

  private static final String PHONE_A = "+31 6 48213957";
  private static final String EMAIL_A = "anna.zq7k@wijkteam-oost.nl";
  private static final String PHONE_B = "06-7319 2846";
  private static final String EMAIL_B = "bram.x4v@ggd-regio.nl";
  private static final List<String> SECRETS = List.of(PHONE_A, EMAIL_A, PHONE_B, EMAIL_B, "anna.zq7k", "bram.x4v",
      "48213957", "7319 2846", "73192846");

  /**
   * Runs before the page's own scripts (DevTools, so the page's CSP does not apply to it): keeps
   * every script error and CSP violation where the test can read them.
   */
  private static final String ERROR_TRAP = "window.__kioskErrors = [];"
      + "addEventListener('error', e => window.__kioskErrors.push('error: ' + e.message));"
      + "addEventListener('unhandledrejection', e => window.__kioskErrors.push('rejection: ' + e.reason));"
      + "document.addEventListener('securitypolicyviolation', e => window.__kioskErrors.push("
      + "'csp: ' + e.violatedDirective + ' ' + e.blockedURI));"
      // Counts the intervals that are running, to see that none pile up over a long morning.
      + "window.__intervals = new Set(); const nativeSet = setInterval, nativeClear = clearInterval;"
      + "window.setInterval = function (...args) { const id = nativeSet.apply(this, args);"
      + "  window.__intervals.add(id); return id; };"
      + "window.clearInterval = function (id) { window.__intervals.delete(id); return nativeClear.call(this, id); };";

  /** Phones that stay in the room until the class is done (presence keeps counting them). */
  private static final List<Phone> OPEN_PHONES = new CopyOnWriteArrayList<>();

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  @AdminCookie
  private static String cookie;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    browser = projector(1280, 720);
  }

  @AfterAll
  static void stop() throws Exception {
    OPEN_PHONES.forEach(Phone::close);
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void noScriptErrors() {
    assertEquals(List.of(), browser.script("return window.__kioskErrors || []"), "script errors or CSP violations");
  }

  @Test
  @DisplayName("The kiosk shows the join code, the address and a QR code that decodes to the join URL, and the phase with its timer")
  void joinCodeAndQr() throws Exception {
    JsonObject session = storySession();
    String code = session.getString("code");
    browser.go(session.getString("kioskUrl"));

    assertEquals(code, browser.await(d -> nonEmpty(d.findElement(By.id("join-code")).getText())));
    assertEquals(session.getString("joinUrl"), browser.find(By.id("join-url")).getText().replace("\n", ""));
    WebElement qr = browser.find(By.id("qr"));
    assertTrue(qr.getAttribute("src").endsWith("/qr/" + code + ".svg"), qr.getAttribute("src"));
    assertTrue(qr.getAttribute("alt").startsWith("QR-code om mee te doen: "), qr.getAttribute("alt"));
    HttpResponse<String> svg = server.get("/qr/" + code + ".svg", null);
    assertEquals(200, svg.statusCode());
    assertTrue(svg.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    assertEquals(session.getString("joinUrl"), ShownQrCode.decode(browser, "qr"));
    assertTrue(qr.isDisplayed() && qr.getSize().getWidth() >= 150, "the QR code is large enough to scan: " + qr.getSize());

    browser.awaitText("Verhalen uit de praktijk");
    browser.awaitText("Vertel over een jongere of gezin");
    WebElement timer = browser.find(By.id("timer"));
    assertEquals("timer", timer.getAttribute("role"));
    assertTrue(Pattern.compile("\\b(39|40):\\d\\d\\b").matcher(timer.getText()).find(),
        "40 minutes counting down: " + timer.getText());
    assertEquals("nl", browser.script("return document.documentElement.lang"));
  }

  @Test
  @DisplayName("Stories, recognitions, the web of connections and who is here appear live, and never a phone number or e-mail address")
  void liveWall() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    try (Phone anna = Phone.join(vertx, server.port(), Phone.joinMessage(session.getString("code"), "Anna",
        "Wijkteam Oost").put("phone", PHONE_A).put("email", EMAIL_A));
        Phone bram = Phone.join(vertx, server.port(), Phone.joinMessage(session.getString("code"), "Bram",
            "GGD Regio").put("phone", PHONE_B).put("email", EMAIL_B))) {
      assertEquals("ack", anna.post("s-anna", "story", "De wachtlijst voor de jeugd-GGZ liep op tot negen maanden.")
          .getString("type"));
      String annaPost = postId(bram, anna.participantId);
      assertEquals("ack", bram.post("s-bram", "story", "Met de school samen een plan gemaakt, binnen een week.")
          .getString("type"));
      String bramPost = postId(anna, bram.participantId);
      assertEquals("ack", bram.send("recognize", new JsonObject().put("post", annaPost)).getString("type"));

      browser.awaitText("De wachtlijst voor de jeugd-GGZ liep op tot negen maanden.");
      browser.awaitText("Met de school samen een plan gemaakt, binnen een week.");
      browser.awaitText("Anna, jeugdverpleegkundige bij Wijkteam Oost");
      WebElement annaCard = browser.await(d -> d.findElements(By.cssSelector("#posts .post")).stream()
          .filter(card -> card.getText().contains("negen maanden") && card.getText().contains("1 herkenning"))
          .findFirst().orElse(null));
      assertTrue(annaCard.getText().contains("Verhaal"), "the kind is shown: " + annaCard.getText());
      assertEquals("polite", browser.find(By.id("announce")).getAttribute("aria-live"));
      browser.await(d -> String.valueOf(browser.script("return document.getElementById('announce').textContent"))
          .toLowerCase(java.util.Locale.ROOT).contains("nieuw") ? Boolean.TRUE : null);

      // Contact exchange: private to the two, an edge between the organisations on the kiosk.
      anna.send("contact.request", new JsonObject().put("to", bram.participantId));
      String request = bram.live.nextPrivate("contact.requested").getJsonObject("data").getString("request");
      assertEquals("ack", bram.send("contact.accept", new JsonObject().put("request", request)).getString("type"));
      anna.live.nextPrivate("contact.exchanged");
      browser.await(d -> d.findElements(By.cssSelector("#web-svg line")).size() == 1 ? Boolean.TRUE : null);
      assertEquals(2L, browser.script("return document.querySelectorAll('#web-svg circle').length"));
      assertEquals("img", browser.find(By.id("web-svg")).getAttribute("role"));
      assertEquals("1 verbinding tussen 2 organisaties", browser.find(By.id("web-svg")).getAttribute("aria-label"));
      assertEquals("Wijkteam Oost en GGD Regio: 1 verbinding",
          browser.script("return document.querySelector('#web-list li').textContent"));
      browser.awaitText("Nieuwe verbindingen: 1");

      // Who is here: by organisation, counts only.
      browser.awaitText("Aanwezig: 2");
      String who = browser.find(By.cssSelector(".who")).getText();
      assertTrue(who.contains("Wijkteam Oost 1") && who.contains("GGD Regio 1"), who);

      // The spotlight puts a post large on top; withdrawn and hidden posts leave the wall.
      assertEquals(200, server.post("/api/sessions/" + session.getString("id") + "/posts/" + bramPost
          + "/spotlight", cookie, null).statusCode());
      browser.await(d -> d.findElement(By.id("spotlight")).getText().contains("binnen een week") ? Boolean.TRUE : null);
      assertEquals("ack", anna.send("withdraw", new JsonObject().put("post", annaPost)).getString("type"));
      browser.await(d -> d.findElement(By.tagName("body")).getText().contains("negen maanden") ? null : Boolean.TRUE);
      assertEquals(200, server.post("/api/sessions/" + session.getString("id") + "/posts/" + bramPost + "/hide",
          cookie, new JsonObject().put("reason", "Test")).statusCode());
      browser.await(d -> d.findElement(By.tagName("body")).getText().contains("binnen een week") ? null : Boolean.TRUE);
      assertFalse(browser.find(By.id("wall-empty")).getText().isEmpty(), "an empty wall invites the first story");

      String dom = browser.dom();
      for (String secret : SECRETS) {
        assertFalse(dom.contains(secret), "the kiosk DOM contains " + secret);
      }
    }
  }

  @Test
  @DisplayName("A full kiosk has no accessibility violations, large type, and nothing to scroll at 1280×720 and 1920×1080")
  void accessibleAndFits() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    fillRoom(session);
    browser.await(d -> d.findElements(By.cssSelector("#web-svg line")).size() == 10 ? Boolean.TRUE : null);
    // At 720p the type is large: a page may hold one of these stories (the others come on later pages).
    browser.await(d -> d.findElements(By.cssSelector("#posts .post")).size() >= 1 ? Boolean.TRUE : null);
    assertEquals("10 verbindingen tussen 8 organisaties", browser.find(By.id("web-svg")).getAttribute("aria-label"));
    browser.awaitSettled(); // the arrival highlight and the force layout are done (pictures, colours)

    List<String> violations = browser.accessibilityViolations();
    assertTrue(violations.isEmpty(), "axe-core violations:\n" + String.join("\n", violations));
    assertFits(browser, 1280, 720);
    double body = ((Number) browser.script(
        "return parseFloat(getComputedStyle(document.querySelector('#posts .post-text')).fontSize)")).doubleValue();
    double title = ((Number) browser.script(
        "return parseFloat(getComputedStyle(document.getElementById('phase-title')).fontSize)")).doubleValue();
    assertTrue(body >= 28, "body text " + body + "px");
    assertTrue(title > body, "title " + title + "px");

    screenshot(browser, "kiosk-1280x720.png");
    try (Browser large = projector(1920, 1080)) {
      large.go(session.getString("kioskUrl"));
      large.await(d -> d.findElements(By.cssSelector("#web-svg line")).size() == 10 ? Boolean.TRUE : null);
      // A kiosk that arrives after everyone hears of no presence change: it counts who joined.
      large.await(d -> d.findElement(By.id("who-heading")).getText().endsWith(": 8") ? Boolean.TRUE : null);
      assertFits(large, 1920, 1080);
      large.awaitSettled();
      screenshot(large, "kiosk-1920x1080.png");
      assertEquals(List.of(), large.script("return window.__kioskErrors"));
    }
  }

  @Test
  @DisplayName("A long morning: after 150 stories the kiosk holds no more elements and timers than after 10")
  void boundedOverTime() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    Phone[] phones = new Phone[5];
    for (int i = 0; i < phones.length; i++) {
      phones[i] = Phone.join(vertx, server.port(), session.getString("code"), "Deelnemer " + i, "Organisatie " + i);
      OPEN_PHONES.add(phones[i]);
    }
    for (int i = 0; i < 10; i++) {
      phones[i % 5].post("early-" + i, "story", "Vroeg verhaal nummer " + i + " over samenwerken in de wijk.");
    }
    browser.awaitText("Vroeg verhaal nummer 9");
    // The presenter's P keeps the first page (the newest) on the wall while the morning goes on.
    browser.script("dispatchEvent(new KeyboardEvent('keydown', {key: 'p'}))");
    browser.awaitSettled();
    long before = ((Number) browser.script("return document.getElementsByTagName('*').length")).longValue();

    for (int i = 0; i < 140; i++) {
      Thread.sleep(30); // each phone stays under the server's 10 messages a second
      Phone author = phones[i % 5];
      author.post("late-" + i, "story", "Later verhaal nummer " + i + " over een gezin dat snel hulp kreeg.");
      if (i % 7 == 0) {
        phones[(i + 1) % 5].send("recognize", new JsonObject().put("post", postId(phones[(i + 1) % 5],
            author.participantId, "Later verhaal nummer " + i + " ")));
      }
    }
    browser.awaitText("Later verhaal nummer 139 ");
    browser.awaitSettled();
    long after = ((Number) browser.script("return document.getElementsByTagName('*').length")).longValue();
    assertTrue(after <= before + 2, "elements after 10 stories: " + before + ", after 150: " + after);
    assertTrue(((Number) browser.script("return document.querySelectorAll('#posts li').length")).intValue() <= 8);
    assertTrue(((Number) browser.script("return window.__intervals.size")).intValue() <= 2,
        "running intervals: " + browser.script("return window.__intervals.size"));
  }

  @Test
  @DisplayName("A new phase brings its title, prompt and timer; a knelpunt is marked as such")
  void phaseChangeAndKnelpunt() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    browser.awaitText("Verhalen uit de praktijk");
    server.startPhase(cookie, session.getString("id"), "knelpunten");
    browser.awaitText("Knelpunten voor de wethouder");
    browser.awaitText("Welke regels, contracten of afspraken");
    browser.await(d -> Pattern.compile("\\b(29|30):\\d\\d\\b").matcher(d.findElement(By.id("timer")).getText()).find()
        ? Boolean.TRUE : null);
    try (Phone phone = Phone.join(vertx, server.port(), session.getString("code"), "Fenna", "Veilig Thuis")) {
      assertEquals("ack", phone.post("b-1", "barrier", "Twee loketten die elkaars indicaties niet erkennen.")
          .getString("type"));
      WebElement card = browser.await(d -> d.findElements(By.cssSelector(".wall .post.barrier")).stream()
          .filter(c -> c.getText().contains("elkaars indicaties")).findFirst().orElse(null));
      assertTrue(card.getText().startsWith("Fenna, jeugdverpleegkundige bij Veilig Thuis"), card.getText());
      assertEquals("Knelpunt", card.findElement(By.cssSelector(".kind.barrier")).getText());
      browser.await(d -> String.valueOf(browser.script("return document.getElementById('announce').textContent"))
          .startsWith("Nieuw knelpunt van Fenna") ? Boolean.TRUE : null);
    }
  }

  @Test
  @DisplayName("The timer counts down the phase's minutes and says 'Tijd om' when they are up")
  void timerRunsOut() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    Object shown = browser.driver().executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "Promise.all([import('/assets/kiosk/phase.js'), import('/assets/shared/i18n.js')]).then(([m, i18n]) => {"
            + "  const node = tag => document.createElement(tag);"
            + "  const parts = {title: node('h1'), prompt: node('p'), timer: node('p'), state: node('p')};"
            + "  const panel = new m.PhasePanel(parts, i18n.t);"
            // The clock as record.js folds it: two minutes from a phase start 30.5 s, then 121 s, ago.
            + "  const clock = ago => ({phase: 'x', mode: 'running', leftMs: 120000, at: new Date(Date.now() - ago).toISOString()});"
            + "  const record = {session: {title: 'Proef'}, phase: {id: 'x', title: 'Proef', minutes: 2}, state: 'open'};"
            + "  panel.render({...record, clock: clock(30500)}); const running = parts.timer.textContent;"
            + "  panel.render({...record, clock: clock(121000)});"
            + "  const over = parts.timer.textContent + '|' + parts.timer.classList.contains('over');"
            + "  const stopped = panel.interval === null;"
            + "  panel.render({...record, clock: clock(0), state: 'closed'});"
            + "  done([running, over, String(stopped), String(parts.timer.hidden)]);"
            + "});");
    assertEquals(List.of("Resterende tijd: 01:30", "Resterende tijd: Tijd om|true", "true", "true"), shown);
  }

  @Test
  @DisplayName("A paused session and a closed one are shown as such")
  void sessionStates() throws Exception {
    JsonObject session = storySession();
    String id = session.getString("id");
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    assertEquals(200, server.post("/api/sessions/" + id + "/lock", cookie, null).statusCode());
    browser.awaitText("De sessie staat even stil");
    assertEquals(200, server.post("/api/sessions/" + id + "/reopen", cookie, null).statusCode());
    browser.await(d -> d.findElement(By.tagName("body")).getText().contains("staat even stil") ? null : Boolean.TRUE);
    assertEquals(200, server.post("/api/sessions/" + id + "/close", cookie, null).statusCode());
    browser.awaitText("Afgesloten — dank jullie wel");
    browser.await(d -> d.findElement(By.id("join")).isDisplayed() ? null : Boolean.TRUE);
    assertFalse(browser.find(By.id("state")).getText().isEmpty());
  }

  @Test
  @DisplayName("Without a followups field nothing is shown; with one, the earlier knelpunten and their status in Dutch fill the empty wall")
  void followups() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    assertFalse(browser.driver().findElement(By.id("followups")).isDisplayed());

    JsonArray followups = new JsonArray()
        .add(followup("Wachtlijst jeugd-GGZ", "erkend", "We zoeken met de aanbieders naar ruimte.", "2025-03-02"))
        .add(followup("Geen plek voor crisisopvang", "opgelost", "Er zijn vier crisisbedden bij.", "2025-03-04"))
        .add(followup("Regels voor vervoer", "in behandeling", "", "2025-03-03"));
    try (Browser archive = projector(1280, 720)) {
      // The archive's extension is not on the server yet: add it to the watching message as it arrives.
      archive.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
          "const FOLLOWUPS = " + followups.encode() + ";"
              + "const Native = window.WebSocket;"
              + "window.WebSocket = class extends Native { addEventListener(type, listener, options) {"
              + "  if (type !== 'message') return super.addEventListener(type, listener, options);"
              + "  return super.addEventListener(type, event => { let data = event.data;"
              + "    try { const m = JSON.parse(data); if (m.type === 'watching') { m.followups = FOLLOWUPS;"
              + "      data = JSON.stringify(m); } } catch (e) {}"
              + "    listener.call(this, new MessageEvent('message', { data })); }, options); } };"));
      archive.go(session.getString("kioskUrl"));
      archive.awaitText("Wat er met jullie knelpunten gebeurde");
      String panel = archive.find(By.id("followups")).getText();
      for (String expected : List.of("Geen plek voor crisisopvang", "Opgelost", "Erkend", "In behandeling",
          "Er zijn vier crisisbedden bij.", "Dialoog West")) {
        assertTrue(panel.contains(expected), expected + " in:\n" + panel);
      }
      List<String> violations = archive.accessibilityViolations();
      assertTrue(violations.isEmpty(), "axe-core violations:\n" + String.join("\n", violations));
      assertFits(archive, 1280, 720);
      screenshot(archive, "kiosk-followups.png");

      try (Phone phone = Phone.join(vertx, server.port(), session.getString("code"), "Cor", "Jeugdbescherming")) {
        phone.post("s-cor", "story", "Het eerste verhaal van vandaag.");
        archive.awaitText("Het eerste verhaal van vandaag.");
        archive.await(d -> d.findElement(By.id("followups")).isDisplayed() ? null : Boolean.TRUE);
      }
      assertEquals(List.of(), archive.script("return window.__kioskErrors"));
    }
  }

  @Test
  @DisplayName("The kiosk speaks English when asked, with the same layout")
  void english() throws Exception {
    JsonObject session = storySession();
    String url = session.getString("kioskUrl").replace("#key=", "?lang=en#key=");
    browser.go(url);
    browser.awaitText("New connections");
    browser.awaitText("No stories yet");
    assertEquals("en", browser.script("return document.documentElement.lang"));
    assertEquals("Nederlands", browser.find(By.cssSelector("button.language-switch")).getText());
    assertTrue(browser.find(By.id("qr")).getAttribute("alt").startsWith("QR code to join: "));
  }

  @Test
  @DisplayName("The language button works on a kiosk address with #key= (a fragment-only change once did nothing)")
  void switchLanguageWithFragment() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.awaitText("Nieuwe verbindingen");
    browser.find(By.cssSelector("button.language-switch")).click();
    browser.awaitText("New connections");
    assertEquals("en", browser.script("return document.documentElement.lang"));
    assertTrue(browser.script("return location.hash").toString().startsWith("#key="), "the kiosk keeps its key");
    browser.find(By.cssSelector("button.language-switch")).click();
    browser.awaitText("Nieuwe verbindingen");
    assertEquals("nl", browser.script("return document.documentElement.lang"));
  }

  @Test
  @DisplayName("A kiosk link without its key or with a wrong key says so instead of showing an empty screen")
  void wrongKey() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl").replace("#key=", "#key=x"));
    browser.awaitText("Deze kiosk kan de sessie niet tonen");
    browser.go(server.origin() + "/kiosk/" + session.getString("id"));
    browser.awaitText("Deze kiosklink is niet compleet");
  }

  @Test
  @DisplayName("When the server answers with a reset, the kiosk rebuilds from the whole record and shows nothing twice")
  void resetRebuilds() throws Exception {
    JsonObject session = storySession();
    try (Browser kiosk = projector(1280, 720);
        Phone anna = Phone.join(vertx, server.port(), session.getString("code"), "Anna", "Wijkteam Oost");
        Phone bram = Phone.join(vertx, server.port(), session.getString("code"), "Bram", "GGD Regio")) {
      // Lets the test drop the kiosk's socket and make its next watch ask for more than the
      // server has, which the server answers with reset:true and the whole record.
      kiosk.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
          "const Native = window.WebSocket;"
              + "window.WebSocket = class extends Native {"
              + "  constructor(...args) { super(...args); window.__socket = this; }"
              + "  send(data) { if (window.__forceReset) { const m = JSON.parse(data);"
              + "    if (m.type === 'watch') { m.after = 100000; data = JSON.stringify(m); window.__forceReset = false; } }"
              + "    return super.send(data); } };"));
      kiosk.go(session.getString("kioskUrl"));
      kiosk.find(By.id("join-code"));
      anna.post("r-1", "story", "Het verhaal dat er maar een keer mag staan.");
      anna.send("contact.request", new JsonObject().put("to", bram.participantId));
      String request = bram.live.nextPrivate("contact.requested").getJsonObject("data").getString("request");
      bram.send("contact.accept", new JsonObject().put("request", request));
      kiosk.await(d -> d.findElements(By.cssSelector("#web-svg line")).size() == 1 ? Boolean.TRUE : null);
      kiosk.awaitText("Het verhaal dat er maar een keer mag staan.");

      kiosk.script("window.__forceReset = true; window.__socket.close();");
      kiosk.await(d -> Boolean.FALSE.equals(kiosk.script("return window.__forceReset"))
          && "online".equals(d.findElement(By.id("status")).getAttribute("data-status")) ? Boolean.TRUE : null);
      bram.post("r-2", "story", "Na de reset verteld.");
      kiosk.awaitText("Na de reset verteld.");
      assertEquals(1L, kiosk.script("return [...document.querySelectorAll('#posts .post')]"
          + ".filter(p => p.textContent.includes('maar een keer')).length"));
      assertEquals(2L, kiosk.script("return document.querySelectorAll('#posts .post').length"));
      assertEquals(1L, kiosk.script("return document.querySelectorAll('#web-svg line').length"));
      assertEquals("1 verbinding tussen 2 organisaties", kiosk.find(By.id("web-svg")).getAttribute("aria-label"));
      assertEquals(List.of(), kiosk.script("return window.__kioskErrors"));
    }
  }

  @Test
  @DisplayName("The kiosk survives a server restart and shows a post made after it, without a reload")
  void survivesRestart() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    try (Phone before = Phone.join(vertx, server.port(), session.getString("code"), "Dirk", "Veilig Thuis")) {
      before.post("s-before", "story", "Voor de herstart verteld.");
      browser.awaitText("Voor de herstart verteld.");
    }
    browser.script("window.__sameKiosk = 'yes'");

    server.restart();
    cookie = server.login();
    try (Phone after = Phone.join(vertx, server.port(), session.getString("code"), "Eva", "Wijkteam West")) {
      after.post("s-after", "story", "Na de herstart verteld.");
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
          d.findElement(By.tagName("body")).getText().contains("Na de herstart verteld."));
    }
    assertEquals("yes", browser.script("return window.__sameKiosk"), "the page was not reloaded");
    assertTrue(browser.find(By.tagName("body")).getText().contains("Voor de herstart verteld."));
    assertEquals("online", browser.find(By.id("status")).getAttribute("data-status"));
  }

  @Test
  @DisplayName("While an update is being drawn the kiosk says it is not settled, and says it is once the new card and the web have come to rest")
  void settledMarker() throws Exception {
    JsonObject session = storySession();
    browser.go(session.getString("kioskUrl"));
    browser.find(By.id("join-code"));
    browser.awaitSettled();
    browser.script("window.__settled = []; new MutationObserver(() => window.__settled.push("
        + "document.body.dataset.settled)).observe(document.body, {attributeFilter: ['data-settled']});");
    try (Phone anna = Phone.join(vertx, server.port(), session.getString("code"), "Anna", "Wijkteam Oost");
        Phone bram = Phone.join(vertx, server.port(), session.getString("code"), "Bram", "GGD Regio")) {
      anna.post("m-1", "story", "Een verhaal dat even oplicht.");
      connect(anna, bram);
      browser.awaitText("Een verhaal dat even oplicht.");
      browser.await(d -> d.findElements(By.cssSelector("#web-svg line")).size() == 1 ? Boolean.TRUE : null);
      browser.awaitSettled();
      assertEquals(0L, browser.script("return document.querySelectorAll('#posts .post.fresh').length"),
          "no card is still lit up when the kiosk says it is settled");
      @SuppressWarnings("unchecked")
      List<String> seen = (List<String>) browser.script("return window.__settled");
      assertTrue(seen.contains("false"), "the update made the kiosk unsettled first: " + seen);
      assertEquals("true", seen.get(seen.size() - 1), "and settled last: " + seen);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static JsonObject storySession() throws Exception {
    return facilitator.storySession();
  }

  /**
   * A browser whose page area is exactly width × height CSS pixels, as on a projector (the
   * headless window size includes the browser's own bars), that keeps the page's script errors.
   */
  private static Browser projector(int width, int height) throws Exception {
    Browser b = Browser.open(width, height);
    b.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", false));
    trapErrors(b);
    return b;
  }

  /** Keeps a picture of the kiosk in target/kiosk-screens/ for people to look at. */
  private static void screenshot(Browser b, String name) throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of("target", "kiosk-screens");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve(name), b.driver().getScreenshotAs(OutputType.BYTES));
  }

  private static void trapErrors(Browser b) {
    b.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", ERROR_TRAP));
  }

  /** Eight people from eight organisations, stories, recognitions and ten connections (KioskWallTest has the spotlight). */
  private static void fillRoom(JsonObject session) throws Exception {
    String code = session.getString("code");
    String[][] people = {{"Anna", "Wijkteam Oost"}, {"Bram", "GGD Regio Utrecht"}, {"Cor", "Jeugdbescherming"},
        {"Dina", "Basisschool De Regenboog"}, {"Eef", "Jeugd-GGZ Lentis"}, {"Fenna", "Veilig Thuis"},
        {"Gijs", "Gemeente Utrecht, afdeling Jeugd"}, {"Hanna", "Huisartsenpraktijk Lunetten"}};
    Phone[] phones = new Phone[people.length];
    for (int i = 0; i < people.length; i++) {
      phones[i] = Phone.join(vertx, server.port(), code, people[i][0], people[i][1]);
      OPEN_PHONES.add(phones[i]);
      phones[i].post("s" + i, "story", "Verhaal " + i + ": wat er gebeurde toen de school, het wijkteam en de "
          + "huisarts voor het eerst samen aan tafel zaten en er binnen een week een plan lag dat werkte.");
    }
    String first = postId(phones[0], phones[0].participantId);
    phones[1].send("recognize", new JsonObject().put("post", first));
    phones[2].send("recognize", new JsonObject().put("post", first));
    int[][] pairs = {{0, 1}, {0, 2}, {3, 4}, {0, 5}, {2, 5}, {6, 0}, {7, 1}, {7, 4}, {3, 6}, {5, 1}};
    for (int[] pair : pairs) {
      connect(phones[pair[0]], phones[pair[1]]);
    }
  }

  private static void connect(Phone from, Phone to) throws Exception {
    from.send("contact.request", new JsonObject().put("to", to.participantId));
    String request = to.live.nextPrivate("contact.requested").getJsonObject("data").getString("request");
    to.send("contact.accept", new JsonObject().put("request", request));
  }

  /** The id of the post the given author added, as another phone saw it arrive. */
  private static String postId(Phone seenBy, String authorId) throws InterruptedException {
    return postId(seenBy, authorId, "");
  }

  private static String postId(Phone seenBy, String authorId, String textStart) throws InterruptedException {
    return seenBy.live.next(m -> {
      if (!"event".equals(m.getString("type")) || !"post.added".equals(m.getString("name"))) {
        return false;
      }
      JsonObject post = m.getJsonObject("data").getJsonObject("post");
      return authorId.equals(post.getJsonObject("author").getString("id")) && post.getString("text").startsWith(textStart);
    }).getJsonObject("data").getJsonObject("post").getString("id");
  }

  private static JsonObject followup(String title, String status, String answer, String date) {
    return new JsonObject().put("knelpunt", new JsonObject().put("title", title).put("text", title + " (tekst)"))
        .put("session", new JsonObject().put("title", "Dialoog West").put("date", date)).put("status", status)
        .put("answer", answer).put("at", date + "T10:00:00Z").put("role", "wethouder");
  }

  /** No scrollbars, and every visible element lies within the viewport. */
  private static void assertFits(Browser b, int width, int height) {
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) b.script("return {w: innerWidth, h: innerHeight,"
        + " sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight}");
    assertEquals(width, ((Number) size.get("w")).intValue(), "viewport " + size);
    assertEquals(height, ((Number) size.get("h")).intValue(), "viewport " + size);
    assertTrue(((Number) size.get("sh")).intValue() <= height, "scrollHeight " + size);
    assertTrue(((Number) size.get("sw")).intValue() <= width, "scrollWidth " + size);
    Object outside = b.script("return [...document.body.querySelectorAll('*')].filter(e => {"
        + " if (e.closest('.visually-hidden, svg')) return false;"
        + " const r = e.getBoundingClientRect(); if (!r.width || !r.height) return false;"
        + " return r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5 || r.top < -0.5 || r.left < -0.5;"
        + "}).map(e => e.tagName + '#' + e.id + '.' + e.className)");
    assertEquals(List.of(), outside, "elements outside the " + width + "×" + height + " screen");
  }


  private static String nonEmpty(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
