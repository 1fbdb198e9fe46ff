package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dialoogtafel.archive.Dates;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.LargeRecord;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.Scenarios;
import nl.dialoogtafel.support.SessionScript;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The archive's server-rendered pages in a real headless Chromium against the real server: a
 * reader logs in through the /login form, reads a closed session's record, searches, answers a
 * knelpunt with the keyboard only; axe-core finds no WCAG 2.0/2.1 A or AA violation on any page.
 */
@Timeout(300)
@DisplayName("The archive pages in a browser")
@WithServer
class ArchivePageTest {

  private static final String READER = "wethouder-utrecht";
  private static final String READER_PASSWORD = "lang-genoeg-wachtwoord";
  private static final String KEYBOARD_ANSWER = "We regelen het vervoer vanaf de zomer centraal.";

  private static TestServer server;
  private static Facilitator facilitator;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static SessionScript session;
  private static Browser browser;

  @BeforeAll
  static void aClosedSessionAndAReader() throws Exception {
    session = Scenarios.oostMorning(facilitator);
    archive.account(admin, READER, "reader", "Wethouder Jeugd Utrecht", "Utrecht");
    String reader = archive.login(READER, READER_PASSWORD);
    String contracten = session.posts.get("contracten");
    assertEquals(303, archive.answer(reader, session.id, contracten, "in_behandeling", "We praten met de aanbieders.")
        .statusCode());
    assertEquals(303, archive.answer(reader, session.id, contracten, "opgelost", "Vanaf 1 juni één contract.")
        .statusCode());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String url(String path) {
    return server.origin() + path;
  }

  private static void assertAccessible(Browser on, String where) {
    List<String> violations = on.accessibilityViolations();
    assertTrue(violations.isEmpty(), where + " has axe-core violations:\n" + String.join("\n", violations));
    assertHeadingsInOrder(on, where);
  }

  /** One h1, and no heading skips a level on the way down (axe counts this as best practice only). */
  private static void assertHeadingsInOrder(Browser on, String where) {
    Object skips = on.script("const hs = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];"
        + "const out = []; let previous = 0;"
        + "if (document.querySelectorAll('h1').length !== 1) out.push('h1 count ' + document.querySelectorAll('h1').length);"
        + "for (const h of hs) { const level = +h.tagName[1];"
        + "  if (level > previous + 1) out.push('h' + previous + ' → ' + h.tagName.toLowerCase() + ' ' + h.textContent.trim());"
        + "  previous = level; }"
        + "return out.join('; ');");
    assertEquals("", skips, where + ": headings in order");
  }

  private static void assertNoSidewaysScrolling(Browser on, String where) {
    long scrollWidth = ((Number) on.script("return document.documentElement.scrollWidth")).longValue();
    long clientWidth = ((Number) on.script("return document.documentElement.clientWidth")).longValue();
    assertTrue(scrollWidth <= clientWidth, where + " scrolls sideways: " + scrollWidth + " > " + clientWidth
        + "; too wide: " + on.script("return [...document.querySelectorAll('body *')]"
        + ".filter(e => !e.closest('.table-scroll') || e.matches('.table-scroll'))"
        + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
        + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
  }

  private static String htmlLang(Browser on) {
    return String.valueOf(on.script("return document.documentElement.lang"));
  }

  /** Logs in through the real /login form: typing, then Enter in the password field. */
  private static void logInThroughTheForm(Browser on, String username, String password) {
    on.go(url("/login"));
    WebElement name = on.find(By.id("username"));
    name.clear();
    name.sendKeys(username);
    WebElement secret = on.find(By.id("password"));
    secret.clear();
    secret.sendKeys(password, Keys.ENTER);
  }

  /** Starts the shared browser afresh (no cookies: Dutch, logged out) and logs the reader in. */
  private static void asReader() {
    browser.driver().manage().deleteAllCookies();
    logInThroughTheForm(browser, READER, READER_PASSWORD);
    browser.await(d -> d.getCurrentUrl().endsWith("/archief") ? Boolean.TRUE : null);
  }

  /**
   * A closed session of its own with one unanswered knelpunt ("vervoer"), for the test that
   * answers it: the Oost morning's knelpunten stay as the other tests expect them.
   */
  private static SessionScript aKnelpuntToAnswer() throws Exception {
    SessionScript own = facilitator.script().create("Dialoog Oost, april", "Utrecht", "Werkgemeenschap Oost");
    try (Phone ilse = own.join("Ilse", "Basisschool De Linde", "intern begeleider", true)) {
      own.phase("knelpunten");
      own.post(ilse, "vervoer", "barrier", "Leerlingenvervoer", "Het vervoer naar speciaal onderwijs regelt niemand.");
      own.close();
      own.harvest("We bellen elkaar voortaan eerst.", "Elke maand een casustafel in Oost.");
    }
    return own;
  }

  private static Period period() {
    LocalDate today = LocalDate.now(Dates.ZONE);
    return new Period(today.minusMonths(6).toString(), today.plusDays(1).toString());
  }

  private record Period(String van, String tot) {}

  // ---- logging in --------------------------------------------------------------------------------

  @Test
  @DisplayName("The login page, empty and with a wrong-password error, has no axe-core violations; the real form then logs the reader in")
  void login() {
    browser.driver().manage().deleteAllCookies();
    browser.go(url("/login"));
    browser.find(By.id("username"));
    assertEquals("nl", htmlLang(browser), "Dutch by default");
    assertAccessible(browser, "/login");

    logInThroughTheForm(browser, READER, "een-verkeerd-wachtwoord");
    WebElement problem = browser.find(By.cssSelector("main [role=alert]"));
    assertEquals("Gebruikersnaam of wachtwoord klopt niet.", problem.getText());
    assertEquals(READER, browser.find(By.id("username")).getAttribute("value"), "the username is kept");
    assertAccessible(browser, "/login with an error");

    logInThroughTheForm(browser, READER, READER_PASSWORD);
    browser.await(d -> d.getCurrentUrl().endsWith("/archief") ? Boolean.TRUE : null);
    browser.awaitText("Ingelogd als " + READER);
    Cookie cookie = browser.driver().manage().getCookieNamed("dt_session");
    assertNotNull(cookie, "the login cookie is set");
    assertTrue(cookie.isHttpOnly(), "and not readable by scripts");
  }

  // ---- the list and search -----------------------------------------------------------------------

  @Test
  @DisplayName("/archief lists the session, finds it by a word of a story, says so when nothing is found; no axe-core violations")
  void listAndSearch() {
    asReader();
    browser.go(url("/archief"));
    browser.awaitText("Dialoog Oost, maart");
    assertAccessible(browser, "/archief");

    WebElement q = browser.find(By.id("q"));
    q.sendKeys("loketten", Keys.ENTER);
    browser.await(d -> d.getCurrentUrl().contains("q=loketten") ? Boolean.TRUE : null);
    browser.awaitText("1 sessie");
    assertTrue(browser.find(By.cssSelector("ol.results")).getText().contains("Dialoog Oost, maart"));
    assertAccessible(browser, "/archief?q=loketten");

    browser.go(url("/archief?q=nergensgevondenwoord"));
    browser.awaitText("Er is niets gevonden met deze woorden en filters.");
    assertTrue(browser.driver().findElements(By.cssSelector("ol.results")).isEmpty());
    assertAccessible(browser, "/archief with a search that finds nothing");
  }

  // ---- the record --------------------------------------------------------------------------------

  @Test
  @DisplayName("The record with stories, knelpunten, a follow-up form, an answered follow-up, connections, harvest and removal markers has no axe-core violations")
  void record() {
    asReader();
    browser.go(url("/archief/" + session.id));
    browser.awaitText("Oogst en afspraken");
    String text = browser.find(By.tagName("main")).getText();
    for (String expected : List.of("Een moeder belde drie loketten voordat iemand haar hielp.",
        "Herkenbaar: bij ons precies zo.", "Contracten per wijk", "Vanaf 1 juni één contract.", "Opgelost",
        "Reageer op dit knelpunt", "GGD — Jeugdteam Oost", "We bellen elkaar voortaan eerst.",
        "ingetrokken door de auteur", "verborgen door de gespreksleider", "Herleidbaar naar een gezin")) {
      assertTrue(text.contains(expected), expected + " on the record page");
    }
    assertEquals(2L, browser.script("return document.querySelectorAll('form.answer-form').length"),
        "a form under each knelpunt");
    assertNotNull(browser.driver().findElement(By.cssSelector("figure.web svg[role=img]")), "the web is drawn");
    assertAccessible(browser, "/archief/" + session.id);

    browser.driver().findElement(By.cssSelector("details summary")).click();
    browser.awaitText("We praten met de aanbieders.");
    assertAccessible(browser, "/archief/" + session.id + " with the history opened");
  }

  @Test
  @DisplayName("A very large record in parts: its parts' nav and a knelpunten part with forms have no axe-core violations; an old #k- link finds its part")
  void recordInParts() throws Exception {
    // In a municipality of its own, read by the admin, so the reader's lists stay as the other tests expect.
    String id = LargeRecord.seed(server.server().database(), "s0delen", "Zeist", 320, 105);
    browser.driver().manage().deleteAllCookies();
    logInThroughTheForm(browser, TestServer.ADMIN, TestServer.PASSWORD);
    browser.await(d -> d.getCurrentUrl().endsWith("/archief") ? Boolean.TRUE : null);
    browser.go(url("/archief/" + id));
    browser.awaitText("Deel 1 van 4.");
    assertEquals("page", browser.script("return document.querySelector('nav.parts a[href$=\"deel=1\"]')"
        + ".getAttribute('aria-current')"), "the part shown is the current one");
    assertAccessible(browser, "/archief/" + id + " (part 1 of 4)");
    // A link from before the parts points at a knelpunt by its anchor only: the page asks for its part.
    String knelpunt = id + "p" + (320 + 103);
    browser.go(url("/archief/" + id + "?deel=2#k-" + knelpunt));
    browser.await(d -> d.getCurrentUrl().endsWith("?bijdrage=" + knelpunt + "#k-" + knelpunt) ? Boolean.TRUE : null);
    browser.awaitText("Knelpunt 103");
    assertEquals(5L, browser.script("return document.querySelectorAll('form.answer-form').length"),
        "a form under each knelpunt of this part");
    assertAccessible(browser, "/archief/" + id + " (part 4 of 4: knelpunten, connections, harvest)");
  }

  @Test
  @DisplayName("/archief/knelpunten has no axe-core violations")
  void knelpunten() {
    asReader();
    browser.go(url("/archief/knelpunten"));
    browser.awaitText("Contracten per wijk");
    assertAccessible(browser, "/archief/knelpunten");
    browser.go(url("/archief/knelpunten?status=geen"));
    browser.awaitText("Leerlingenvervoer");
    assertAccessible(browser, "/archief/knelpunten?status=geen");
  }

  @Test
  @DisplayName("The half-year account with its charts and tables has no axe-core violations")
  void report() {
    asReader();
    Period p = period();
    browser.go(url("/archief/verantwoording?gemeente=Utrecht&van=" + p.van() + "&tot=" + p.tot()));
    browser.awaitText("Transformatiedialogen in Utrecht");
    browser.awaitText("Drie loketten");
    assertEquals(2L, browser.script("return document.querySelectorAll('figure.chart svg[role=img]').length"),
        "two charts");
    assertAccessible(browser, "/archief/verantwoording");
  }

  @Test
  @DisplayName("The record page is Dutch by default and English with ?lang=en, in <html lang> as well; English has no axe-core violations")
  void language() {
    asReader();
    browser.go(url("/archief/" + session.id + "?lang=en"));
    browser.awaitText("Yes, the record is intact.");
    assertEquals("en", htmlLang(browser));
    assertAccessible(browser, "/archief/" + session.id + "?lang=en");
    browser.go(url("/archief/knelpunten"));
    browser.awaitText("Contracten per wijk");
    assertEquals("en", htmlLang(browser), "the choice is remembered");
    assertAccessible(browser, "/archief/knelpunten in English");

    browser.go(url("/archief/" + session.id + "?lang=nl"));
    browser.awaitText("Ja, het verslag klopt.");
    assertEquals("nl", htmlLang(browser));
  }

  // ---- a phone and the keyboard ------------------------------------------------------------------

  @Test
  @DisplayName("At 360 px the record does not scroll sideways, and a knelpunt is answered with Tab, typing and Enter only, every stop visibly focused")
  void phoneAndKeyboard() throws Exception {
    SessionScript session = aKnelpuntToAnswer();
    String vervoer = session.posts.get("vervoer");
    try (Browser phone = Browser.phone()) {
      logInThroughTheForm(phone, READER, READER_PASSWORD);
      phone.await(d -> d.getCurrentUrl().endsWith("/archief") ? Boolean.TRUE : null);
      phone.go(url("/archief/" + session.id));
      phone.awaitText("Oogst en afspraken");
      assertEquals(360L, ((Number) phone.script("return window.innerWidth")).longValue(), "viewport width");
      assertNoSidewaysScrolling(phone, "/archief/" + session.id);
      assertAccessible(phone, "/archief/" + session.id + " at 360 px");

      // Tab from the top of the page to the status of the unanswered knelpunt, checking each stop's focus ring.
      String target = "status-" + vervoer;
      // An unanswered knelpunt offers no status yet: the reader chooses one (it once pre-selected "Erkend").
      assertEquals("", phone.script("return document.getElementById(arguments[0]).value", target),
          "no status chosen for the reader");
      Actions keys = new Actions(phone.driver());
      List<String> unseen = new ArrayList<>();
      String focused = "";
      for (int i = 0; i < 200 && !focused.equals(target); i++) {
        keys.sendKeys(Keys.TAB).perform();
        @SuppressWarnings("unchecked")
        Map<String, Object> stop = (Map<String, Object>) phone.script(
            "const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();"
                + "return {id: e.id, what: e.tagName + ' ' + (e.id || e.textContent.trim().slice(0, 30)),"
                + " ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',"
                + " onScreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.width > 0};");
        focused = String.valueOf(stop.get("id"));
        if (!Boolean.TRUE.equals(stop.get("ring")) || !Boolean.TRUE.equals(stop.get("onScreen"))) {
          unseen.add(String.valueOf(stop.get("what")));
        }
        if (i == 0) {
          assertEquals("skip", phone.script("return document.activeElement.className"), "the first stop skips to the content");
        }
      }
      assertEquals(target, focused, "Tab reaches the knelpunt's status");
      assertTrue(unseen.isEmpty(), "every focused element shows a visible focus ring on screen: " + unseen);

      keys.sendKeys("Opgelost").perform();
      assertEquals("opgelost", phone.script("return document.getElementById(arguments[0]).value", target));
      keys.sendKeys(Keys.TAB).perform();
      assertEquals("answer-" + vervoer, phone.script("return document.activeElement.id"));
      keys.sendKeys(KEYBOARD_ANSWER).perform();
      keys.sendKeys(Keys.TAB).perform();
      assertEquals("button", phone.script("return document.activeElement.tagName.toLowerCase()"));
      keys.sendKeys(Keys.ENTER).perform();

      phone.await(d -> d.getCurrentUrl().endsWith("#k-" + vervoer) ? Boolean.TRUE : null);
      phone.awaitText(KEYBOARD_ANSWER);
      String knelpunt = phone.find(By.id("k-" + vervoer)).getText();
      assertTrue(knelpunt.contains("Opgelost") && knelpunt.contains(KEYBOARD_ANSWER)
          && knelpunt.contains("Wethouder Jeugd Utrecht"), "the answer, its status and signature on the record:\n" + knelpunt);
      assertAccessible(phone, "/archief/" + session.id + " after answering at 360 px");
    }
    assertTrue(archive.get("/archief/knelpunten?status=opgelost", archive.login(READER, READER_PASSWORD)).body()
        .contains(KEYBOARD_ANSWER), "the answer is stored");
  }

  @Test
  @DisplayName("At 360 px the list, the knelpunten and the half-year account do not scroll sideways and have no axe-core violations")
  void otherPagesOnAPhone() throws Exception {
    Period p = period();
    try (Browser phone = Browser.phone()) {
      logInThroughTheForm(phone, READER, READER_PASSWORD);
      phone.await(d -> d.getCurrentUrl().endsWith("/archief") ? Boolean.TRUE : null);
      phone.awaitText("Dialoog Oost, maart");
      assertNoSidewaysScrolling(phone, "/archief");
      for (String path : List.of("/archief/knelpunten",
          "/archief/verantwoording?gemeente=Utrecht&van=" + p.van() + "&tot=" + p.tot())) {
        phone.go(url(path));
        phone.awaitText("Dialoog Oost, maart");
        assertNoSidewaysScrolling(phone, path);
        assertAccessible(phone, path + " at 360 px");
      }
    }
  }

  // ---- the admin's read log ----------------------------------------------------------------------

  @Test
  @DisplayName("After logging out with the header button, the admin logs in and /archief/log has no axe-core violations")
  void readLog() {
    asReader();
    browser.go(url("/archief/" + session.id)); // a reading for the log
    browser.awaitText("Oogst en afspraken");
    browser.go(url("/archief"));
    browser.find(By.cssSelector("header.site form button")).click();
    browser.await(d -> d.getCurrentUrl().contains("/login") ? Boolean.TRUE : null);
    assertTrue(browser.driver().manage().getCookieNamed("dt_session") == null, "logged out");

    logInThroughTheForm(browser, TestServer.ADMIN, TestServer.PASSWORD);
    browser.await(d -> d.getCurrentUrl().endsWith("/archief") ? Boolean.TRUE : null);
    browser.go(url("/archief/log"));
    browser.awaitText(READER);
    assertFalse(browser.driver().findElements(By.cssSelector("main table")).isEmpty(), "the readings in a table");
    assertAccessible(browser, "/archief/log");
  }
}
