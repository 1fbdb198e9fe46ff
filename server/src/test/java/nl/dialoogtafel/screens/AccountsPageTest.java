package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.ArchiveClient;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Accounts in the console (#/accounts) in a real headless Chromium against the real server: the
 * admin makes a wethouder's reader account, the wethouder logs in at /login and finds the archive,
 * the admin takes the access away and the wethouder's next page load is refused.
 */
@Timeout(240)
@WithServer
@DisplayName("Accounts in the console")
class AccountsPageTest {

  private static final String READER = "wethouder.utrecht";

  private static TestServer server;
  @AdminCookie
  private static String admin;
  private static ArchiveClient archive;
  private static Browser browser;
  /** The closed session the wethouder should find in the archive. */
  private static String sessionTitle;

  @BeforeAll
  static void start() throws Exception {
    JsonObject session = server.createSession(admin);
    sessionTitle = "Dialoog Oost";
    HttpResponse<String> closed = server.post("/api/sessions/" + session.getString("id") + "/close", admin, null);
    assertEquals(200, closed.statusCode(), closed.body());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static String url(String path) {
    return server.origin() + path;
  }

  /** Logs a browser into the console through its form (after forgetting any earlier login). */
  private static void logIn(Browser on, String username, String password) {
    on.go(url("/regie"));
    on.driver().manage().deleteAllCookies();
    on.go(url("/regie"));
    on.find(By.name("username")).sendKeys(username);
    on.find(By.name("password")).sendKeys(password);
    on.find(By.cssSelector(".login-form button[type=submit]")).click();
    on.find(By.id("logout"));
  }

  private static void openAccounts(Browser on) {
    on.find(By.xpath("//nav//a[normalize-space()='Accounts']")).click();
    on.await(d -> d.findElements(By.cssSelector(".accounts-view h1")).stream()
        .filter(h -> "Accounts".equals(h.getText())).findFirst().orElse(null));
    on.find(By.cssSelector(".account-list li.account-card"));
    // The count under the heading agrees with the list, in the singular too ("1 account", not "1 accounts").
    int shown = on.driver().findElements(By.cssSelector(".account-list li.account-card")).size();
    String summary = on.find(By.cssSelector(".account-list p.hint")).getText();
    assertEquals(shown == 1 ? "1 account, op gebruikersnaam." : shown + " accounts, op gebruikersnaam.", summary);
  }

  private static WebElement card(String username) {
    return browser.find(By.cssSelector("li.account-card[data-account='" + username + "']"));
  }

  private static WebElement active() {
    return browser.driver().switchTo().activeElement();
  }

  private static WebElement createForm() {
    return browser.find(By.cssSelector("form.account-form"));
  }

  private static String alert(WebElement scope) {
    return browser.await(d -> scope.findElements(By.cssSelector("[role=alert]")).stream().map(WebElement::getText)
        .filter(text -> !text.isBlank()).findFirst().orElse(null));
  }

  private static void assertAccessible(Browser on, String where) {
    List<String> violations = on.accessibilityViolations();
    assertTrue(violations.isEmpty(), where + " has axe-core violations:\n" + String.join("\n", violations));
  }

  private static JsonObject listed(String username) throws Exception {
    HttpResponse<String> list = server.get("/api/accounts", admin);
    return new JsonObject(list.body()).getJsonArray("accounts").stream().map(JsonObject.class::cast)
        .filter(a -> username.equals(a.getString("username"))).findFirst().orElse(null);
  }

  // ---- the wethouder's account, from making it to taking it away --------------------------------

  @Test
  @DisplayName("The admin makes a reader in the console; the wethouder logs in at /login, finds the session in /archief; the admin takes the access away and the wethouder's next page is refused")
  void readerFromStartToEnd() throws Exception {
    logIn(browser, TestServer.ADMIN, TestServer.PASSWORD);
    openAccounts(browser);
    assertEquals(browser.find(By.cssSelector(".accounts-view h1")), active(), "the view's heading has the focus");
    assertAccessible(browser, "the accounts view");

    WebElement form = createForm();
    WebElement reader = form.findElement(By.cssSelector("input[type=radio][value=reader]"));
    assertTrue(reader.isSelected(), "a reader is what the admin makes most");
    form.findElement(By.name("username")).sendKeys(READER);
    form.findElement(By.cssSelector("button[data-action=generate]")).click();
    WebElement passwordInput = form.findElement(By.name("password"));
    String password = passwordInput.getAttribute("value");
    assertTrue(password.matches("[a-z2-9]{4}(-[a-z2-9]{4}){4}"), "a generated password: " + password);
    assertEquals("text", passwordInput.getAttribute("type"), "a generated password is shown, to pass it on");
    form.findElement(By.name("municipalities")).sendKeys("Utrecht, Zeist");
    form.findElement(By.name("signature")).sendKeys("Wethouder Jeugd, gemeente Utrecht");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    WebElement note = browser.find(By.cssSelector("section.handover"));
    WebElement noteHeading = note.findElement(By.tagName("h2"));
    assertEquals("Geef dit door aan " + READER, noteHeading.getText());
    browser.await(d -> noteHeading.equals(active()) ? Boolean.TRUE : null);
    String handed = note.getText();
    assertTrue(handed.contains(url("/login")), handed);
    assertTrue(handed.contains(READER), handed);
    assertTrue(handed.contains(url("/archief")), handed);
    assertTrue(handed.contains(password), "the password, this once: " + handed);
    assertTrue(handed.contains("Utrecht, Zeist"), handed);
    assertEquals("", passwordInput.getAttribute("value"), "the form forgets the password");
    assertAccessible(browser, "the accounts view with the handover note");

    WebElement card = card(READER);
    assertTrue(card.getText().contains("Lezer (wethouder, raadslid…)"), card.getText());
    assertTrue(card.getText().contains("Utrecht, Zeist"), card.getText());
    assertTrue(card.getText().contains("Wethouder Jeugd, gemeente Utrecht"), card.getText());
    JsonObject stored = listed(READER);
    assertEquals("reader", stored.getString("role"));
    assertEquals(List.of("Utrecht", "Zeist"), stored.getJsonArray("municipalities").getList());

    // The wethouder, in a browser of their own, with nothing but what was handed over.
    try (Browser wethouder = Browser.screen()) {
      wethouder.go(url("/login"));
      wethouder.find(By.name("username")).sendKeys(READER);
      wethouder.find(By.name("password")).sendKeys(password);
      wethouder.find(By.cssSelector("form button[type=submit]")).click();
      wethouder.await(d -> d.getCurrentUrl().endsWith("/archief") ? Boolean.TRUE : null);
      assertEquals("Archief van de transformatiedialogen", wethouder.find(By.tagName("h1")).getText());
      wethouder.find(By.xpath("//main//a[normalize-space()='" + sessionTitle + "']"));

      // Leaving the view and coming back: the password is nowhere on the page any more.
      browser.find(By.xpath("//nav//a[normalize-space()='Mijn sessies']")).click();
      browser.find(By.cssSelector(".sessions-view h1"));
      openAccounts(browser);
      assertFalse(browser.dom().contains(password), "the password is not shown again");

      // Taking access away asks first; Escape takes the question back.
      WebElement toggle = card(READER).findElement(By.cssSelector("button[data-action=disable]"));
      toggle.click();
      assertEquals("true", toggle.getAttribute("aria-expanded"));
      WebElement warning = card(READER).findElement(By.cssSelector(".disable-form .warning"));
      assertEquals(warning, active(), "the warning is read first");
      assertAccessible(browser, "the accounts view with the confirmation open");
      active().sendKeys(Keys.ESCAPE);
      assertEquals("false", toggle.getAttribute("aria-expanded"));
      assertEquals(toggle, active(), "the focus returns to the button");
      assertEquals(false, listed(READER).getBoolean("disabled"), "nothing happened before confirming");
      assertEquals(200L, wethouder.script("return fetch('/archief', {redirect: 'manual'}).then(r => r.status)"),
          "the wethouder still reads");

      toggle.click();
      card(READER).findElement(By.cssSelector(".disable-form button[type=submit]")).click();
      browser.awaitText("De toegang van " + READER + " is ingetrokken.");
      WebElement after = card(READER);
      assertTrue(after.getText().contains("Geen toegang meer"), after.getText());
      assertEquals(after.findElement(By.tagName("h3")), active(), "the focus is on the account, drawn anew");
      assertTrue(after.findElements(By.cssSelector("button[data-action=disable]")).stream().noneMatch(WebElement::isDisplayed));
      assertEquals(true, listed(READER).getBoolean("disabled"));

      // The wethouder's next page load is refused: back to the login form.
      wethouder.go(url("/archief"));
      wethouder.await(d -> d.getCurrentUrl().contains("/login") ? Boolean.TRUE : null);
      wethouder.find(By.name("username"));
      assertFalse(wethouder.dom().contains(sessionTitle), "no archive without access");
    }
  }

  @Test
  @DisplayName("Mistakes are said beside the field (aria-invalid, aria-describedby), also the server's: a taken name")
  void mistakesAreTiedToTheirFields() throws Exception {
    logIn(browser, TestServer.ADMIN, TestServer.PASSWORD);
    openAccounts(browser);
    WebElement form = createForm();
    WebElement submit = form.findElement(By.cssSelector("button[type=submit]"));
    WebElement username = form.findElement(By.name("username"));

    submit.click();
    assertEquals("Vul een gebruikersnaam in.", alert(form));
    assertEquals("true", username.getAttribute("aria-invalid"));
    String alertId = form.findElement(By.cssSelector("[role=alert]")).getAttribute("id");
    assertTrue(Arrays.asList(username.getAttribute("aria-describedby").split(" ")).contains(alertId),
        "the error describes the field");
    assertEquals(username, active());

    username.sendKeys("lezer-zonder-gemeente");
    form.findElement(By.name("password")).sendKeys("een-lang-genoeg-wachtwoord");
    submit.click();
    browser.await(d -> "Geef een lezer minstens één gemeente.".equals(alert(form)) ? Boolean.TRUE : null);
    WebElement municipalities = form.findElement(By.name("municipalities"));
    assertEquals("true", municipalities.getAttribute("aria-invalid"));
    assertEquals(municipalities, active());
    assertAccessible(browser, "the accounts form with an error");

    // A facilitator has no municipalities to fill in; the name is the admin's own, so the server says no.
    form.findElement(By.cssSelector("input[type=radio][value=facilitator]")).click();
    assertFalse(municipalities.isDisplayed(), "only a reader has municipalities");
    username.clear();
    username.sendKeys(TestServer.ADMIN);
    submit.click();
    browser.await(d -> "Deze gebruikersnaam bestaat al.".equals(alert(form)) ? Boolean.TRUE : null);
    assertEquals("true", username.getAttribute("aria-invalid"));
    assertEquals(username, active());
    assertEquals("admin", listed(TestServer.ADMIN).getString("role"), "the admin is still the admin");
    assertEquals(null, listed("lezer-zonder-gemeente"));
  }

  @Test
  @DisplayName("A new password from the console works at /login and ends the old one; the note says what to hand over")
  void newPassword() throws Exception {
    archive.account(admin, "raadslid.zeist", "reader", "Raadslid", "Zeist");
    String before = archive.login("raadslid.zeist", "lang-genoeg-wachtwoord");
    logIn(browser, TestServer.ADMIN, TestServer.PASSWORD);
    openAccounts(browser);
    WebElement toggle = card("raadslid.zeist").findElement(By.cssSelector("button[data-action=password]"));
    toggle.click();
    WebElement input = card("raadslid.zeist").findElement(By.name("new-password"));
    assertEquals(input, active(), "the password field has the focus");
    input.sendKeys("kort");
    card("raadslid.zeist").findElement(By.cssSelector(".reset-form button[type=submit]")).click();
    assertEquals("Een wachtwoord heeft minstens 12 tekens.", alert(card("raadslid.zeist")));
    assertEquals("true", input.getAttribute("aria-invalid"));
    input.clear();
    input.sendKeys("een-nieuw-wachtwoord-voor-zeist");
    card("raadslid.zeist").findElement(By.cssSelector(".reset-form button[type=submit]")).click();

    WebElement note = browser.find(By.cssSelector("section.handover"));
    browser.await(d -> note.getText().contains("Het nieuwe wachtwoord van raadslid.zeist is opgeslagen.") ? Boolean.TRUE : null);
    assertTrue(note.getText().contains("een-nieuw-wachtwoord-voor-zeist"));
    assertEquals(303, archive.get("/archief", before).statusCode(), "the login from before ended");
    assertEquals(200, archive.get("/archief", archive.login("raadslid.zeist", "een-nieuw-wachtwoord-voor-zeist"))
        .statusCode());

    note.findElement(By.xpath(".//button[normalize-space()='Klaar']")).click();
    browser.await(d -> d.findElements(By.cssSelector("section.handover")).isEmpty() ? Boolean.TRUE : null);
    assertFalse(browser.dom().contains("een-nieuw-wachtwoord-voor-zeist"), "gone once the admin is done");
  }

  @Test
  @DisplayName("Only an admin sees Accounts: a facilitator has no link, and the view says the server's no")
  void onlyForAdmins() throws Exception {
    archive.account(admin, "gespreksleider.b", "facilitator", null);
    logIn(browser, "gespreksleider.b", "lang-genoeg-wachtwoord");
    browser.find(By.xpath("//nav//a[normalize-space()='Mijn sessies']"));
    assertFalse(browser.driver().findElement(By.id("nav-accounts")).isDisplayed(), "no Accounts link");
    browser.go(url("/regie#/accounts"));
    browser.awaitText("Alleen een beheerder mag dit doen.");
    assertTrue(browser.driver().findElements(By.cssSelector("form.account-form")).isEmpty(), "nothing to do");
  }

  @Test
  @DisplayName("On a 360 px phone the accounts view is one column without horizontal scrolling, with 44 px targets")
  void fitsAPhone() throws Exception {
    archive.account(admin, "beleid.amersfoort", "reader", "Beleidsmedewerker Jeugd", "Amersfoort");
    try (Browser small = Browser.phone()) {
      small.go(url("/regie"));
      assertEquals(360L, ((Number) small.script("return window.innerWidth")).longValue(), "viewport width");
      logIn(small, TestServer.ADMIN, TestServer.PASSWORD);
      openAccounts(small);
      small.find(By.cssSelector("li.account-card[data-account='beleid.amersfoort'] button[data-action=disable]")).click();
      small.find(By.cssSelector(".disable-form .warning"));
      Object overflow = small.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0L, ((Number) overflow).longValue(), "horizontal overflow in px");
      @SuppressWarnings("unchecked")
      List<String> small44 = (List<String>) small.script(
          "return [...document.querySelectorAll('button, a.button, input, textarea, nav a')]"
              + ".filter(e => e.offsetParent !== null && !e.classList.contains('skip-link'))"
              + ".filter(e => e.getBoundingClientRect().height < 44 && e.type !== 'radio')"
              + ".map(e => e.outerHTML.slice(0, 120))");
      assertTrue(small44.isEmpty(), "targets lower than 44 px: " + small44);
      assertAccessible(small, "the accounts view at 360 px");
    }
  }
}
