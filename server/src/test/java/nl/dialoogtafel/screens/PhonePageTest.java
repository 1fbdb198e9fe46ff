package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.dialoogtafel.screens.phone.PhonePage;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The phone app in a real (headless) 360 px Chromium against the real server: joining from the
 * QR link, writing, the privacy guard, contact exchange with a vCard, language, accessibility.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@WithServer
class PhonePageTest {

  private static final String PROMPT_START = "Vertel over een jongere of gezin";

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;

  private static Browser browser;
  private PhonePage page;
  private String code;
  private Phone other;

  @BeforeAll
  static void openBrowser() throws Exception {
    browser = Browser.phone();
  }

  @AfterAll
  static void closeBrowser() {
    browser.close();
  }

  /** Every test gets its own session in the "verhalen" phase and a fresh phone (the storage forgotten). */
  @BeforeEach
  void openPhone() throws Exception {
    JsonObject session = facilitator.storySession();
    code = session.getString("code");
    browser.forget(server.origin());
    page = new PhonePage(browser, server.origin());
  }

  @AfterEach
  void closePhone() {
    if (other != null) {
      other.close();
      other = null;
    }
  }

  private Phone javaPhone(String name, String organisation) throws Exception {
    other = Phone.join(vertx, server.port(), code, name, organisation);
    return other;
  }

  @Test
  @DisplayName("Opening the QR link fills in the code, and joining shows the phase and its prompt")
  void joinFromQrLink() throws Exception {
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    page.openJoinLink(code);
    assertEquals(code, browser.find(By.id("join-code")).getAttribute("value"));
    assertFalse(browser.find(By.id("join-show-name")).isSelected(), "a name is shown only when the person ticks it");
    page.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    JsonObject fatima = java.live.nextEvent("participant.joined").getJsonObject("data").getJsonObject("participant");
    assertEquals("Jeugdteam Oost", fatima.getString("organisation"));
    assertTrue(fatima.getValue("name") == null, "no name in the room: " + fatima);
    browser.awaitText(PROMPT_START);
    browser.awaitText("Verhalen uit de praktijk");
    browser.awaitText("Verbonden");
    assertEquals("Dialoog Oost", page.text(By.id("page-heading")));
  }

  @Test
  @DisplayName("An unknown code is refused next to the code field in the server's words; a missing name is asked for")
  void joinErrorsNextToTheirField() {
    String unknown = code.equals("ZZZZZZ") ? "YYYYYY" : "ZZZZZZ";
    page.openJoinLink(unknown);
    page.fillJoinForm("", "Jeugdteam Oost", "jeugdverpleegkundige", null, null);
    page.tap("Meedoen");
    assertEquals("Vul je naam in.", page.text(By.id("join-name-error")));
    page.fillJoinForm("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", null, null);
    page.tap("Meedoen");
    browser.await(d -> page.textOf("join-code-error").contains("Er is geen sessie met deze code") ? true : null);
    assertEquals("true", browser.find(By.id("join-code")).getAttribute("aria-invalid"));
    assertEquals("join-code", browser.script("return document.activeElement.id"));

    page.type(By.id("join-code"), code.toLowerCase());
    page.tap("Meedoen");
    browser.awaitText(PROMPT_START);
  }

  @Test
  @DisplayName("A posted story appears on the wall and reaches another phone in the session, once")
  void postedStoryReachesWallAndOthers() throws Exception {
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    page.openJoinLink(code).showingName().join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    page.post("Samen aan tafel", "Door school en wijkteam samen aan tafel te zetten liep het weer.");
    browser.await(d -> page.text(By.id("post-list")).contains("Door school en wijkteam") ? true : null);
    JsonObject event = java.live.nextEvent("post.added");
    JsonObject post = event.getJsonObject("data").getJsonObject("post");
    assertEquals("Samen aan tafel", post.getString("title"));
    assertEquals("Fatima", post.getJsonObject("author").getString("name"));
    assertTrue(page.textOf("outbox-list").isEmpty(), "nothing left waiting once the post is on the wall");
    assertEquals("", browser.find(By.id("compose-text")).getAttribute("value"), "the composer is emptied");
    assertFalse(java.live.receives(m -> "post.added".equals(m.getString("name")), 700), "stored once");
  }

  @Test
  @DisplayName("A draft survives a reload, and the reload resumes the session instead of joining again")
  void draftSurvivesReloadAndResumes() throws Exception {
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    java.live.nextEvent("participant.joined");
    page.type(By.id("compose-text"), "Half geschreven verhaal");
    browser.driver().navigate().refresh();
    browser.find(By.id("phase-title"));
    browser.await(d -> "Half geschreven verhaal".equals(browser.find(By.id("compose-text")).getAttribute("value"))
        ? true : null);
    assertTrue(browser.driver().getCurrentUrl().endsWith("/j/" + code));
    assertFalse(java.live.receives(m -> "participant.joined".equals(m.getString("name")), 700),
        "a reload resumes: no second participant");
  }

  @Test
  @DisplayName("A token the server no longer knows is forgotten: the form comes back, filled in, one tap to rejoin")
  void unknownTokenShowsTheFormAgain() {
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    browser.script("localStorage.setItem(arguments[0], JSON.stringify({token: 'vergeten-token'}))",
        "dialoogtafel.phone." + code + ".member");
    browser.driver().navigate().refresh();
    browser.awaitText("niet meer bekend");
    assertEquals("Fatima", browser.find(By.id("join-name")).getAttribute("value"));
    page.tap("Meedoen");
    browser.awaitText(PROMPT_START);
  }

  @Test
  @DisplayName("A phone number in a story brings the privacy warning; \"Toch plaatsen\" stores it exactly once")
  void privacyGuardWarnsAndConfirmStoresOnce() throws Exception {
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    String text = "De moeder belde mij zelf op 06-12345678 en toen kwam het in beweging.";
    page.post("", text);
    browser.awaitText("telefoonnummer");
    assertTrue(page.text(By.id("rejected")).contains("06-12345678"), "the warning names what was found");
    assertTrue(page.text(By.id("rejected")).contains(text), "the words are kept");
    page.button("Aanpassen");
    page.tap("Toch plaatsen");
    browser.await(d -> page.text(By.id("post-list")).contains("De moeder belde mij") ? true : null);
    JsonObject post = java.live.nextEvent("post.added").getJsonObject("data").getJsonObject("post");
    assertEquals(text, post.getString("text"));
    assertFalse(java.live.receives(m -> "post.added".equals(m.getString("name")), 700), "stored once");
    assertTrue(page.textOf("rejected").isEmpty(), "the warning is gone");
  }

  @Test
  @DisplayName("A BSN is refused with only \"Aanpassen\" offered, and Aanpassen puts the text back")
  void bsnOnlyOffersEditing() {
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    String text = "Het kind met BSN 111222333 werd drie keer doorverwezen.";
    page.post("", text);
    browser.awaitText("burgerservicenummer");
    assertTrue(browser.driver().findElements(By.xpath("//button[normalize-space()='Toch plaatsen']")).isEmpty());
    page.tap("Aanpassen");
    browser.await(d -> text.equals(browser.find(By.id("compose-text")).getAttribute("value")) ? true : null);
  }

  @Test
  @DisplayName("Accepting a Java phone's contact request puts its card in Mijn contacten, with a vCard download")
  void contactExchangeEndsInContactsAndVcard() throws Exception {
    JsonObject join = Phone.joinMessage(code, "Bram de Wit", "GGD Regio Utrecht")
        .put("phone", "06-7319 2846").put("email", "bram@ggd-regio.nl");
    other = Phone.join(vertx, server.port(), join);
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", "+31 6 48213957",
        "fatima@wijkteam-oost.nl");
    String me = page.participantId(code);
    JsonObject ack = other.send("contact.request", new JsonObject().put("to", me).put("note", "Bel je volgende week?"));
    assertEquals("ack", ack.getString("type"), ack.encode());

    page.openView("mensen");
    browser.awaitText("Bel je volgende week?");
    page.tap("Accepteren");
    JsonObject card = other.live.nextPrivate("contact.exchanged").getJsonObject("data").getJsonObject("with");
    assertEquals("+31 6 48213957", card.getString("phone"));

    page.openView("contacten");
    browser.awaitText("Bram de Wit");
    WebElement tel = browser.find(By.cssSelector("#contact-list a[href^='tel:']"));
    assertEquals("tel:+31673192846", tel.getAttribute("href"));
    browser.find(By.cssSelector("#contact-list a[href='mailto:bram@ggd-regio.nl']"));
    browser.find(By.cssSelector("#contact-list button")).click();
    Path vcf = page.awaitDownload(".vcf");
    String vcard = Files.readString(vcf, StandardCharsets.UTF_8);
    // vCard 3.0 with N: older phones and Outlook refuse 4.0 or lose its TEL;VALUE=uri number.
    assertTrue(vcard.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nN:de Wit;Bram;;;\r\n"), vcard);
    assertTrue(vcard.contains("\r\nFN:Bram de Wit\r\n"), vcard);
    assertTrue(vcard.contains("\r\nTEL;TYPE=CELL:+31673192846\r\n"), vcard);
    assertTrue(vcard.contains("\r\nEMAIL;TYPE=INTERNET:bram@ggd-regio.nl\r\n"), vcard);
    assertTrue(vcard.contains("\r\nNOTE:Ontmoet bij Dialoog Oost\r\n"), vcard);
    assertTrue(vcard.endsWith("END:VCARD\r\n"), vcard);

    browser.driver().navigate().refresh();
    page.openView("contacten");
    browser.awaitText("Bram de Wit");
  }

  @Test
  @DisplayName("axe-core finds no WCAG 2.1 A/AA violations on the join form and the main views")
  void noAccessibilityViolations() throws Exception {
    page.openJoinLink(code);
    browser.awaitText("Doe mee aan de dialoog");
    assertNoViolations("join form");

    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    java.post("a11y-1", "story", "Een verhaal van Bram over de wachtlijst.");
    page.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    browser.awaitText("Een verhaal van Bram");
    page.tap("Herken ik");
    browser.find(By.cssSelector("#post-list textarea"));
    assertNoViolations("wall");
    page.openView("mensen");
    browser.awaitText("Contact vragen");
    assertNoViolations("people");
    page.openView("contacten");
    browser.find(By.id("contacts-heading"));
    assertNoViolations("contacts");
  }

  private void assertNoViolations(String where) {
    List<String> violations = browser.accessibilityViolations();
    violations.forEach(v -> System.out.println("axe (" + where + "): " + v));
    assertEquals(List.of(), violations, "axe violations on the " + where);
  }

  @Test
  @DisplayName("Nothing scrolls sideways at 360 px, not even with a very long word on the wall")
  void noHorizontalScrolling() throws Exception {
    page.openJoinLink(code);
    assertEquals(360, page.innerWidth());
    assertTrue(page.scrollWidth() <= 360, "join form is " + page.scrollWidth() + " px wide");
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    java.post("wide-1", "story", "Jeugdhulpaanbiedersovereenkomstenonderhandelingsproces".repeat(3) + " is lang.");
    page.join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    browser.awaitText("is lang.");
    assertTrue(page.scrollWidth() <= 360, "wall is " + page.scrollWidth() + " px wide");
    page.openView("mensen");
    assertTrue(page.scrollWidth() <= 360, "people view is " + page.scrollWidth() + " px wide");
  }

  @Test
  @DisplayName("English can be chosen: after the switch the join button says Join")
  void englishSelectable() {
    page.openJoinLink(code);
    assertEquals("Meedoen", browser.find(By.id("join-submit")).getText());
    page.tap("English");
    browser.await(d -> "Join".equals(d.findElement(By.id("join-submit")).getText()) ? true : null);
    assertEquals("en", browser.script("return document.documentElement.lang"));
  }

  @Test
  @DisplayName("Markup in someone's story is shown as text and never runs")
  void markupIsText() throws Exception {
    Phone java = javaPhone("<img src=x onerror=alert(1)>", "GGD");
    java.post("xss-1", "story", "<script>window.pwned=1</script><b>vet</b>");
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    browser.awaitText("<script>window.pwned=1</script><b>vet</b>");
    assertTrue(browser.driver().findElements(By.cssSelector("#post-list img, #post-list b, #post-list script")).isEmpty());
    assertEquals(null, browser.script("return window.pwned"));
  }

  @Test
  @DisplayName("While the server is away a story waits on the device, then is sent exactly once after the resume")
  void outboxSurvivesAnOutage() throws Exception {
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    browser.awaitText("Verbonden");
    int port = server.stop();
    try {
      browser.awaitText("Geen verbinding");
      page.post("Zonder verbinding", "Geschreven in de kelder zonder bereik.");
      browser.await(d -> page.textOf("outbox-list").contains("wacht op verbinding") ? true : null);
      Object kept = browser.script("return localStorage.getItem(arguments[0])", "dialoogtafel.phone." + code + ".outbox");
      assertTrue(String.valueOf(kept).contains("Geschreven in de kelder"), "the outbox is kept on the device: " + kept);
    } finally {
      server.startAgain(port);
    }
    browser.await(d -> page.textOf("post-list").contains("Geschreven in de kelder") ? true : null);
    browser.awaitText("Verbonden");
    assertEquals("", page.textOf("outbox-list"));
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    long stored = java.welcome.getJsonArray("events").stream().map(JsonObject.class::cast)
        .filter(e -> "post.added".equals(e.getString("name"))).count();
    assertEquals(1, stored, "the story is stored exactly once");
  }

  @Test
  @DisplayName("Recognising someone's story with a note reaches the others; your own story can be withdrawn")
  void recogniseAndWithdraw() throws Exception {
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    java.post("story-b", "story", "Bram vertelt over de wachtlijst.");
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    browser.awaitText("Bram vertelt over de wachtlijst.");
    page.tap("Herken ik");
    page.type(By.cssSelector("#post-list textarea"), "Bij ons precies zo.");
    page.tap("Herkenning plaatsen");
    JsonObject recognition = java.live.nextEvent("recognition.added").getJsonObject("data");
    assertEquals("Bij ons precies zo.", recognition.getString("note"));
    browser.awaitText("1 herkenning");
    assertFalse(page.button("Herkend").isEnabled(), "once recognised, the button is off");

    page.post("", "Mijn eigen verhaal, dat ik weer intrek.");
    browser.await(d -> page.textOf("post-list").contains("dat ik weer intrek") ? true : null);
    java.live.nextEvent("post.added");
    page.tap("Intrekken");
    page.tap("Ja, intrekken");
    java.live.nextEvent("post.withdrawn");
    browser.await(d -> page.textOf("post-list").contains("dat ik weer intrek") ? null : true);
  }

  @Test
  @DisplayName("Keyboard only: joining with Enter, opening \"Herken ik\" puts the focus in the note, Tab and Enter send it")
  void keyboardOnly() throws Exception {
    Phone java = javaPhone("Bram", "GGD Regio Utrecht");
    java.post("kbd-1", "story", "Bram vertelt over de overdracht.");
    page.openJoinLink(code);
    page.fillJoinForm("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", null, null);
    browser.find(By.id("join-role")).sendKeys(Keys.ENTER);
    browser.awaitText("Bram vertelt over de overdracht.");
    browser.script("arguments[0].focus()", page.button("Herken ik"));
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    browser.await(d -> "TEXTAREA".equals(browser.script("return document.activeElement.tagName")) ? true : null);
    browser.driver().switchTo().activeElement().sendKeys("Herkenbaar", Keys.TAB);
    assertEquals("Herkenning plaatsen", browser.driver().switchTo().activeElement().getText());
    browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
    assertEquals("Herkenbaar", java.live.nextEvent("recognition.added").getJsonObject("data").getString("note"));
  }

  @Test
  @DisplayName("Asking a Java phone for contact: once it accepts, its card is in Mijn contacten")
  void askForContact() throws Exception {
    JsonObject join = Phone.joinMessage(code, "Bram de Wit", "GGD Regio Utrecht").put("phone", "+31 30 123 4567");
    other = Phone.join(vertx, server.port(), join);
    page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
    page.openView("mensen");
    browser.awaitText("Bram de Wit");
    page.tap("Contact vragen");
    page.type(By.cssSelector("#people-list textarea"), "Zullen we bellen?");
    page.tap("Verzoek versturen");
    JsonObject requested = other.live.nextPrivate("contact.requested").getJsonObject("data");
    assertEquals("Zullen we bellen?", requested.getString("note"));
    browser.awaitText("Verzoek verstuurd, wacht op antwoord");
    other.send("contact.accept", new JsonObject().put("request", requested.getString("request")));
    page.openView("contacten");
    browser.awaitText("Bram de Wit");
    assertEquals("tel:+31301234567", browser.find(By.cssSelector("#contact-list a[href^='tel:']")).getAttribute("href"));
  }
}
