package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The facilitator console at /regie in a real headless Chromium against the real server: logging
 * in, creating a session, running it phase by phase while a Java phone takes part, moderating.
 */
@Timeout(180)
@WithServer
@DisplayName("The facilitator console")
class ConsolePageTest {

  private static final String CODE_PATTERN = "[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}";

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;
  private static Browser browser;
  @AdminCookie
  private static String cookie;

  /** The session the phone takes part in, run from the console; each test has its own. */
  private static JsonObject live;
  private static Phone phone;
  private static boolean storiesStarted;
  private static String storyId;

  @AfterEach
  void phoneLeaves() {
    if (phone != null) {
      phone.close();
    }
    live = null;
    phone = null;
    storiesStarted = false;
    storyId = null;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String url(String path) {
    return server.origin() + path;
  }

  /** Logs the given browser in through the form, unless it already is. */
  private static void logIn(Browser on) {
    on.go(url("/regie"));
    WebElement shown = on.await(d -> {
      List<WebElement> logout = d.findElements(By.id("logout"));
      if (!logout.isEmpty() && logout.get(0).isDisplayed()) {
        return logout.get(0);
      }
      List<WebElement> name = d.findElements(By.name("username"));
      return !name.isEmpty() && name.get(0).isDisplayed() ? name.get(0) : null;
    });
    if ("logout".equals(shown.getAttribute("id"))) {
      return;
    }
    shown.sendKeys(TestServer.ADMIN);
    on.find(By.name("password")).sendKeys(TestServer.PASSWORD);
    on.find(By.cssSelector(".login-form button[type=submit]")).click();
    on.find(By.id("logout"));
  }

  /** Opens a session in the console and waits until it is shown and watched live. */
  private static void openSession(Browser on, JsonObject session) {
    on.go(url("/regie#/sessie/" + session.getString("id")));
    on.find(By.cssSelector(".session-view .join-code"));
    on.await(d -> "online".equals(d.findElement(By.cssSelector(".posts-panel .status")).getAttribute("data-status"))
        ? Boolean.TRUE : null);
  }

  /** The session the phone joined; in the stories phase if asked (through the API when the console test did not). */
  private static JsonObject liveSession(boolean inStories) throws Exception {
    if (live == null) {
      live = server.createSession(cookie);
      phone = Phone.join(vertx, server.port(), live.getString("code"), "Fatima", "Jeugdteam Oost");
    }
    if (inStories && !storiesStarted) {
      server.startPhase(cookie, live.getString("id"), "verhalen");
      phone.live.next(m -> isEvent(m, "phase.started")
          && "verhalen".equals(m.getJsonObject("data").getJsonObject("phase").getString("id")));
      storiesStarted = true;
    }
    return live;
  }

  private static boolean isEvent(JsonObject message, String name) {
    return "event".equals(message.getString("type")) && name.equals(message.getString("name"));
  }

  private static WebElement post(String postId) {
    return browser.find(By.cssSelector("li.post[data-post='" + postId + "']"));
  }

  private static WebElement button(String text) {
    return browser.find(By.xpath("//main//button[normalize-space()='" + text + "']"));
  }

  private static String statusText(WebElement scope) {
    return scope.findElements(By.cssSelector("[role=status]")).stream().map(WebElement::getText)
        .reduce("", (a, b) -> a + " " + b);
  }

  /**
   * Headless Chromium will not make a window narrower than 500 px, so the phone's 360 px viewport
   * is emulated (as the device toolbar does).
   */
  private static void narrowTo360(Browser on) {
    on.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    on.go(url("/regie"));
    assertEquals(360L, ((Number) on.script("return window.innerWidth")).longValue(), "viewport width");
  }

  private static WebElement alertWithText(Browser on) {
    return on.await(d -> d.findElements(By.cssSelector("main [role=alert]")).stream()
        .filter(e -> !e.getText().isBlank()).findFirst().orElse(null));
  }

  private static void assertAccessible(Browser on, String where) {
    List<String> violations = on.accessibilityViolations();
    assertTrue(violations.isEmpty(), where + " has axe-core violations:\n" + String.join("\n", violations));
  }

  // ---- logging in --------------------------------------------------------------------------------

  @Test
  @DisplayName("The login view has no axe-core violations (WCAG 2.0/2.1 A and AA)")
  void loginViewIsAccessible() {
    browser.driver().manage().deleteAllCookies();
    browser.go(url("/regie"));
    browser.find(By.name("username"));
    assertEquals("nl", browser.script("return document.documentElement.lang"));
    assertAccessible(browser, "the login view");
  }

  @Test
  @DisplayName("A wrong password shows the server's Dutch sentence; the right one shows the session list")
  void logInThroughTheForm() {
    browser.driver().manage().deleteAllCookies();
    browser.go(url("/regie"));
    browser.find(By.name("username")).sendKeys(TestServer.ADMIN);
    browser.find(By.name("password")).sendKeys("geen-goed-wachtwoord");
    browser.find(By.cssSelector(".login-form button[type=submit]")).click();

    WebElement alert = browser.await(d -> d.findElements(By.cssSelector(".login-form [role=alert]")).stream()
        .filter(e -> !e.getText().isBlank()).findFirst().orElse(null));
    assertEquals("Gebruikersnaam of wachtwoord klopt niet.", alert.getText());
    assertEquals("true", browser.find(By.name("password")).getAttribute("aria-invalid"));
    assertAccessible(browser, "the login view with an error");

    browser.find(By.name("password")).sendKeys(TestServer.PASSWORD);
    browser.find(By.cssSelector(".login-form button[type=submit]")).click();
    WebElement heading = browser.await(d -> d.findElements(By.cssSelector("main h1")).stream()
        .filter(h -> "Mijn sessies".equals(h.getText())).findFirst().orElse(null));
    browser.awaitText("Ingelogd als " + TestServer.ADMIN);
    assertEquals(heading, browser.driver().switchTo().activeElement(), "the new view's heading has the focus");
  }

  // ---- creating a session ------------------------------------------------------------------------

  @Test
  @DisplayName("A session created from the transformatiedialoog template through the form shows its code and join link, and exists")
  void createSessionThroughTheForm() throws Exception {
    logIn(browser);
    browser.find(By.xpath("//nav//a[normalize-space()='Nieuwe sessie']")).click();
    WebElement template = browser.find(By.cssSelector("input[type=radio][value=transformatiedialoog]"));
    if (!template.isSelected()) {
      template.click();
    }
    String title = "Dialoog Zuid " + UUID.randomUUID().toString().substring(0, 6);
    browser.find(By.name("title")).sendKeys(title);
    browser.find(By.name("municipality")).sendKeys("Amersfoort");
    browser.find(By.name("community")).sendKeys("Werkgemeenschap Zuid");
    button("Sessie aanmaken").click();

    WebElement heading = browser.find(By.cssSelector(".session-view h1"));
    assertEquals(title, heading.getText());
    String code = browser.find(By.cssSelector(".join-code")).getText().trim();
    assertTrue(code.matches(CODE_PATTERN), "join code " + code);
    assertEquals(url("/j/" + code), browser.find(By.cssSelector(".join-panel .link-text")).getText().trim());
    browser.awaitText("De sessie is aangemaakt. Deelnemers doen mee met code " + code + ".");
    assertEquals("_blank", browser.find(By.xpath("//a[normalize-space()='Open kiosk']")).getAttribute("target"));

    String hash = String.valueOf(browser.script("return location.hash"));
    String id = hash.substring("#/sessie/".length());
    HttpResponse<String> one = server.get("/api/sessions/" + id, cookie);
    assertEquals(200, one.statusCode(), one.body());
    JsonObject session = new JsonObject(one.body());
    assertEquals(title, session.getString("title"));
    assertEquals(code, session.getString("code"));
    assertEquals("transformatiedialoog", session.getString("template"));
    assertEquals("Werkgemeenschap Zuid", session.getString("community"));
    JsonArray mine = new JsonArray(server.get("/api/sessions", cookie).body());
    assertTrue(mine.stream().map(JsonObject.class::cast).anyMatch(s -> code.equals(s.getString("code"))),
        "the new session is in the facilitator's list");

    browser.find(By.xpath("//nav//a[normalize-space()='Mijn sessies']")).click();
    browser.find(By.xpath("//main//a[normalize-space()='" + title + "']"));
    browser.awaitText("Code " + code);
  }

  // ---- running a session with a phone in it -------------------------------------------------------

  @Test
  @DisplayName("Starting the phase 'verhalen' in the console reaches a joined phone as phase.started")
  void startPhaseFromTheConsole() throws Exception {
    logIn(browser);
    JsonObject session = liveSession(false);
    openSession(browser, session);

    WebElement welcome = browser.find(By.cssSelector("li.phase[data-phase=welkom]"));
    assertEquals("step", welcome.getAttribute("aria-current"), "the first phase is the current one");
    browser.find(By.cssSelector("li.phase[data-phase=verhalen] button")).click();

    JsonObject started = phone.live.next(m -> isEvent(m, "phase.started"));
    assertEquals("verhalen", started.getJsonObject("data").getJsonObject("phase").getString("id"));
    storiesStarted = true;
    WebElement stories = browser.find(By.cssSelector("li.phase[data-phase=verhalen]"));
    browser.await(d -> "step".equals(stories.getAttribute("aria-current")) ? Boolean.TRUE : null);
    assertNull(welcome.getAttribute("aria-current"));
    browser.awaitText("De fase \"Verhalen uit de praktijk\" is gestart.");
  }

  @Test
  @DisplayName("A story the phone posts appears in the console's live list as text, and can be spotlighted")
  void storyAppearsLive() throws Exception {
    logIn(browser);
    JsonObject session = liveSession(true);
    openSession(browser, session);

    String text = "Een moeder belde drie loketten <img src=x onerror=\"window.__xss=1\"> voordat iemand hielp.";
    JsonObject ack = phone.post(UUID.randomUUID().toString(), "story", text);
    assertEquals("ack", ack.getString("type"), ack.encode());
    JsonObject added = phone.live.next(m -> isEvent(m, "post.added"));
    storyId = added.getJsonObject("data").getJsonObject("post").getString("id");

    WebElement item = post(storyId);
    browser.await(d -> item.getText().contains(text) ? Boolean.TRUE : null);
    assertTrue(item.getText().contains("Fatima, jeugdverpleegkundige bij Jeugdteam Oost"), item.getText());
    assertTrue(item.findElements(By.tagName("img")).isEmpty(), "post text is text, never markup");
    assertNull(browser.script("return window.__xss"));
    browser.await(d -> "1".equals(d.findElement(By.cssSelector("[data-count=stories] dd")).getText())
        ? Boolean.TRUE : null);
    browser.await(d -> "1".equals(d.findElement(By.cssSelector("[data-count=participants] dd")).getText())
        ? Boolean.TRUE : null);

    item.findElement(By.cssSelector("button[data-action=spotlight]")).click();
    JsonObject spotlighted = phone.live.next(m -> isEvent(m, "post.spotlighted"));
    assertEquals(storyId, spotlighted.getJsonObject("data").getString("post"));
    browser.await(d -> item.getText().contains("Uitgelicht op het scherm") ? Boolean.TRUE : null);
  }

  @Test
  @DisplayName("Hiding a post needs a reason, and the phone receives post.hidden with that reason")
  void hidePostWithReason() throws Exception {
    logIn(browser);
    JsonObject session = liveSession(true);
    if (storyId == null) {
      phone.post(UUID.randomUUID().toString(), "story", "Een verhaal om te verbergen.");
      storyId = phone.live.next(m -> isEvent(m, "post.added")).getJsonObject("data").getJsonObject("post")
          .getString("id");
    }
    openSession(browser, session);

    WebElement item = post(storyId);
    WebElement toggle = item.findElement(By.cssSelector("button[data-action=hide]"));
    toggle.click();
    assertEquals("true", toggle.getAttribute("aria-expanded"));
    WebElement reason = item.findElement(By.cssSelector("textarea.reason"));
    assertEquals(reason, browser.driver().switchTo().activeElement(), "the reason field has the focus");
    item.findElement(By.cssSelector(".hide-form button[type=submit]")).click();
    browser.await(d -> item.getText().contains("Geef een reden op.") ? Boolean.TRUE : null);
    assertFalse(phone.live.receives(m -> isEvent(m, "post.hidden"), 300), "nothing hidden without a reason");

    String why = "Bevat herkenbare details over een gezin";
    reason.sendKeys(why);
    item.findElement(By.cssSelector(".hide-form button[type=submit]")).click();

    JsonObject hidden = phone.live.next(m -> isEvent(m, "post.hidden"));
    assertEquals(storyId, hidden.getJsonObject("data").getString("post"));
    assertEquals(why, hidden.getJsonObject("data").getString("reason"));
    browser.await(d -> d.findElements(By.cssSelector("li.post[data-post='" + storyId + "']")).isEmpty()
        ? Boolean.TRUE : null);
    WebElement postsPanel = browser.find(By.cssSelector(".posts-panel"));
    browser.await(d -> statusText(postsPanel).contains("is verborgen") ? Boolean.TRUE : null);
    browser.await(d -> "0".equals(d.findElement(By.cssSelector("[data-count=stories] dd")).getText())
        ? Boolean.TRUE : null);
  }

  @Test
  @DisplayName("Lock, reopen and close (after confirming) reach the phone as session.locked, session.reopened, session.closed")
  void lockReopenClose() throws Exception {
    logIn(browser);
    JsonObject session = liveSession(true);
    openSession(browser, session);
    WebElement statePanel = browser.find(By.cssSelector(".state-panel"));

    button("Stilzetten").click();
    phone.live.next(m -> isEvent(m, "session.locked"));
    browser.await(d -> statePanel.getText().contains("Staat stil") ? Boolean.TRUE : null);
    browser.await(d -> statusText(statePanel).contains("De sessie staat stil.") ? Boolean.TRUE : null);

    button("Weer openen").click();
    phone.live.next(m -> isEvent(m, "session.reopened"));
    browser.await(d -> statusText(statePanel).contains("De sessie is weer open.") ? Boolean.TRUE : null);

    button("Sessie afsluiten").click();
    button("Annuleren").click();
    assertFalse(phone.live.receives(m -> isEvent(m, "session.closed"), 500), "cancel closes nothing");

    button("Sessie afsluiten").click();
    browser.awaitText("Afsluiten is definitief");
    button("Ja, sluit de sessie af").click();
    phone.live.next(m -> isEvent(m, "session.closed"));
    browser.await(d -> statusText(statePanel).contains("De sessie is afgesloten.") ? Boolean.TRUE : null);
    // After closing, one step to the record in the archive.
    WebElement toRecord = browser.find(By.cssSelector("a.record-link"));
    assertTrue(toRecord.isDisplayed());
    assertEquals("Bekijk het verslag in het archief", toRecord.getText());
    assertTrue(toRecord.getAttribute("href").endsWith("/archief/" + session.getString("id")), toRecord.getAttribute("href"));
    browser.await(d -> d.findElements(By.xpath("//main//button[normalize-space()='Start deze fase']")).stream()
        .noneMatch(WebElement::isDisplayed) ? Boolean.TRUE : null);
    assertEquals("closed", new JsonObject(server.get("/api/sessions/" + session.getString("id"), cookie).body())
        .getString("state"));
  }

  @Test
  @DisplayName("'Volgende fase' starts the phase after the current one; starting one out of order asks first, and cancel starts nothing")
  void nextPhaseAndOutOfOrder() throws Exception {
    JsonObject session = facilitator.storySession();
    io.vertx.core.json.JsonArray phases = new JsonObject(server.get("/api/sessions/" + session.getString("id"), cookie)
        .body()).getJsonArray("phases");
    int at = 0;
    while (!"verhalen".equals(phases.getJsonObject(at).getString("id"))) {
      at++;
    }
    JsonObject following = phases.getJsonObject(at + 1);
    JsonObject first = phases.getJsonObject(0);
    try (Phone phone = Phone.join(vertx, server.port(), session.getString("code"), "Noor", "Wijkteam Zuid")) {
      logIn(browser);
      openSession(browser, session);
      WebElement next = browser.await(d -> d.findElements(By.cssSelector("button.next-phase")).stream()
          .filter(WebElement::isDisplayed).findFirst().orElse(null));
      assertEquals("Volgende fase: " + following.getString("title"), next.getText());
      next.click();
      JsonObject started = phone.live.next(m -> isEvent(m, "phase.started"));
      assertEquals(following.getString("id"), started.getJsonObject("data").getJsonObject("phase").getString("id"));

      // The first phase again is out of order: the console asks, and cancel starts nothing.
      WebElement item = browser.find(By.cssSelector("li.phase[data-phase='" + first.getString("id") + "']"));
      item.findElement(By.xpath(".//button[normalize-space()='Start deze fase']")).click();
      WebElement confirm = item.findElement(By.cssSelector(".phase-confirm"));
      browser.await(d -> confirm.isDisplayed() ? Boolean.TRUE : null);
      assertTrue(confirm.getText().contains("is niet de volgende fase"), confirm.getText());
      confirm.findElement(By.xpath(".//button[normalize-space()='Annuleren']")).click();
      assertFalse(phone.live.receives(m -> isEvent(m, "phase.started"), 500), "cancel starts nothing");
      item.findElement(By.xpath(".//button[normalize-space()='Start deze fase']")).click();
      confirm.findElement(By.xpath(".//button[normalize-space()='Toch starten']")).click();
      started = phone.live.next(m -> isEvent(m, "phase.started"));
      assertEquals(first.getString("id"), started.getJsonObject("data").getJsonObject("phase").getString("id"));
      assertAccessible(browser, "the phases panel");
    }
  }

  // ---- accessibility and small screens -----------------------------------------------------------

  /** A session with a phone and a story in it, so the view shows everything it can. */
  private static JsonObject busySession(String name) throws Exception {
    JsonObject session = facilitator.storySession();
    try (Phone someone = Phone.join(vertx, server.port(), session.getString("code"), name, "Wijkteam Noord")) {
      JsonObject ack = someone.post(UUID.randomUUID().toString(), "story",
          "Een jongere viel tussen twee regelingen in, tot de school en het wijkteam samen belden.");
      assertEquals("ack", ack.getString("type"), ack.encode());
    }
    return session;
  }

  @Test
  @DisplayName("The session view has no axe-core violations (WCAG 2.0/2.1 A and AA), with a post and its hide form open")
  void sessionViewIsAccessible() throws Exception {
    logIn(browser);
    JsonObject session = busySession("Ahmed");
    openSession(browser, session);
    WebElement item = browser.find(By.cssSelector("li.post"));
    assertNotNull(item);
    item.findElement(By.cssSelector("button[data-action=hide]")).click();
    browser.find(By.cssSelector("textarea.reason"));
    browser.find(By.cssSelector("li.person button[aria-controls]")).click();
    browser.find(By.cssSelector(".erase-form .warning"));
    assertAccessible(browser, "the session view");
  }

  @Test
  @DisplayName("Erasing a person on request: confirmed in the console, the phone is let go and the room is told")
  void erasePerson() throws Exception {
    logIn(browser);
    JsonObject session = facilitator.storySession();
    try (Phone noor = Phone.join(vertx, server.port(), session.getString("code"), "Noor", "Wijkteam Zuid");
        Phone other = Phone.join(vertx, server.port(), session.getString("code"), "Sem", "GGD")) {
      assertEquals("ack", noor.post(UUID.randomUUID().toString(), "story", "Noor vertelt over de wachtlijst.")
          .getString("type"));
      openSession(browser, session);
      WebElement person = browser.find(By.cssSelector("li.person[data-person='" + noor.participantId + "']"));
      browser.await(d -> person.getText().contains("Noor") ? Boolean.TRUE : null);
      WebElement erase = person.findElement(By.cssSelector("button[aria-controls]"));
      erase.click();
      assertEquals("true", erase.getAttribute("aria-expanded"));
      assertFalse(other.live.receives(m -> isEvent(m, "participant.erased"), 300), "nothing erased before confirming");
      person.findElement(By.cssSelector(".erase-form button[type=submit]")).click();

      JsonObject erased = other.live.next(m -> isEvent(m, "participant.erased"));
      assertEquals(noor.participantId, erased.getJsonObject("data").getJsonObject("participant").getString("id"));
      noor.live.next(m -> noor.live.isClosed());
      assertEquals((short) 4410, noor.live.closeStatus());
      browser.await(d -> person.getText().contains("Gewist op verzoek") ? Boolean.TRUE : null);
      assertFalse(person.getText().contains("Noor"));
      WebElement peoplePanel = browser.find(By.cssSelector(".people-panel"));
      browser.await(d -> statusText(peoplePanel).contains("zijn gewist") ? Boolean.TRUE : null);
      browser.await(d -> d.findElements(By.cssSelector("li.post")).isEmpty() ? Boolean.TRUE : null);
    }
  }

  @Test
  @DisplayName("On a 360 px phone the session view is one column without horizontal scrolling, with 44 px targets")
  void sessionViewFitsAPhone() throws Exception {
    JsonObject session = busySession("Sanne");
    try (Browser small = Browser.phone()) {
      narrowTo360(small);
      logIn(small);
      openSession(small, session);
      small.find(By.cssSelector("li.post"));
      Object overflow = small.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0L, ((Number) overflow).longValue(), "horizontal overflow in px");
      @SuppressWarnings("unchecked")
      List<String> small44 = (List<String>) small.script(
          "return [...document.querySelectorAll('button, a.button, input, textarea, summary, nav a')]"
              + ".filter(e => e.offsetParent !== null && !e.classList.contains('skip-link'))"
              + ".filter(e => e.getBoundingClientRect().height < 44 && e.type !== 'radio')"
              + ".map(e => e.outerHTML.slice(0, 120))");
      assertTrue(small44.isEmpty(), "targets lower than 44 px: " + small44);
      assertEquals(1L, ((Number) small.script("const r = document.createRange();"
          + "r.selectNodeContents(document.querySelector('button.language-switch'));"
          + "return r.getClientRects().length")).longValue(), "the language button's word on one line (not Englis/h)");
      assertAccessible(small, "the session view at 360 px");
    }
  }

  @Test
  @DisplayName("Logging out returns to the login view and the API no longer knows the browser")
  void logOut() {
    logIn(browser);
    browser.find(By.id("logout")).click();
    browser.awaitText("Je bent uitgelogd.");
    browser.find(By.name("username"));
    Object status = browser.script("return fetch('/api/me').then(r => r.status)");
    assertEquals(401L, ((Number) status).longValue());
  }

  @Test
  @DisplayName("Repeated wrong passwords get the server's throttling sentence with the wait from Retry-After")
  void throttledLogin() {
    browser.driver().manage().deleteAllCookies();
    browser.go(url("/regie"));
    browser.find(By.name("username")).sendKeys("onbekende-gespreksleider");
    String last = "";
    for (int attempt = 1; attempt <= 6 && !last.startsWith("Te veel"); attempt++) {
      WebElement password = browser.find(By.name("password"));
      password.clear();
      password.sendKeys("poging-" + attempt);
      browser.find(By.cssSelector(".login-form button[type=submit]")).click();
      int tried = attempt;
      last = browser.await(d -> {
        String text = alertWithText(browser).getText();
        // each answer replaces the sentence; wait for this attempt's (empty password field = answered)
        boolean answered = d.findElement(By.name("password")).getAttribute("value").isEmpty() && !text.isBlank();
        return answered || text.startsWith("Te veel") ? text : null;
      });
      assertTrue(last.equals("Gebruikersnaam of wachtwoord klopt niet.") || last.startsWith("Te veel"),
          "attempt " + tried + ": " + last);
    }
    assertTrue(last.matches("Te veel mislukte pogingen\\. Probeer het over \\d+ seconden opnieuw\\."), last);
  }

  @Test
  @DisplayName("Dutch is the default; the language button switches the console and the server's sentences to English and back")
  void switchLanguage() {
    browser.driver().manage().deleteAllCookies();
    browser.go(url("/regie"));
    browser.find(By.name("username"));
    assertEquals("Inloggen", browser.find(By.cssSelector("main h1")).getText());
    browser.find(By.cssSelector("button.language-switch")).click();
    browser.await(d -> "en".equals(browser.script("return document.documentElement.lang"))
        && d.findElements(By.name("username")).size() == 1 ? Boolean.TRUE : null);
    assertEquals("Log in", browser.find(By.cssSelector("main h1")).getText());
    browser.find(By.name("username")).sendKeys(TestServer.ADMIN);
    browser.find(By.name("password")).sendKeys("wrong-password");
    browser.find(By.cssSelector(".login-form button[type=submit]")).click();
    assertEquals("Username or password is not correct.", alertWithText(browser).getText());

    browser.find(By.cssSelector("button.language-switch")).click();
    browser.await(d -> "nl".equals(browser.script("return document.documentElement.lang"))
        && d.findElements(By.name("username")).size() == 1 ? Boolean.TRUE : null);
    assertEquals("Inloggen", browser.find(By.cssSelector("main h1")).getText());
  }

  @Test
  @DisplayName("The closing step: a story marked as telling and the harvest and agreements go into the record")
  void harvestAndTelling() throws Exception {
    JsonObject session = facilitator.storySession();
    try (Phone teller = Phone.join(vertx, server.port(), session.getString("code"), "Anna", "Wijkteam Noord")) {
      assertEquals("ack", teller.post("telling-1", "story", "Een verhaal dat laat zien waar het knelt.").getString("type"));
      JsonObject added = teller.live.nextEvent("post.added");
      String id = added.getJsonObject("data").getJsonObject("post").getString("id");
      logIn(browser);
      openSession(browser, session);
      WebElement item = browser.find(By.cssSelector("li.post[data-post='" + id + "']"));
      WebElement telling = item.findElement(By.cssSelector("button[data-action=telling]"));
      assertEquals("false", telling.getAttribute("aria-pressed"));
      telling.click();
      JsonObject marked = teller.live.nextEvent("post.marked");
      assertEquals(id, marked.getJsonObject("data").getString("post"));
      browser.await(d -> "true".equals(d.findElement(By.cssSelector("li.post[data-post='" + id
          + "'] button[data-action=telling]")).getAttribute("aria-pressed")) ? Boolean.TRUE : null);
      // The console says what the click did (it once said "weggehaald" when the room's event came first).
      browser.awaitText("Gemarkeerd als sprekend verhaal");
      assertFalse(browser.dom().contains("Markering als sprekend verhaal weggehaald"), "the click marked the story");

      WebElement harvestPanel = browser.find(By.cssSelector(".harvest-panel"));
      harvestPanel.findElements(By.tagName("textarea")).get(0).sendKeys("Korte lijnen tussen school en wijkteam.");
      harvestPanel.findElements(By.tagName("textarea")).get(1).sendKeys("Anna belt de school voor vrijdag.");
      harvestPanel.findElement(By.cssSelector("button[type=submit]")).click();
      JsonObject harvest = teller.live.nextEvent("harvest.added").getJsonObject("data");
      assertEquals("Korte lijnen tussen school en wijkteam.", harvest.getString("harvest"));
      assertEquals("Anna belt de school voor vrijdag.", harvest.getString("agreements"));
      browser.awaitText("Oogst en afspraken staan in het verslag.");
      assertAccessible(browser, "the session view with the harvest panel");
    }
  }
}
