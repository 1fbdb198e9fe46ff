package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.dialoogtafel.screens.phone.PhonePage;
import nl.dialoogtafel.storage.Database;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.ShownQrCode;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The whole room, as a newcomer would run it: the facilitator's console, the projected kiosk
 * and three phones, each its own browser. Set {@code -Ddialoogtafel.screenshots=DIR} to keep
 * screenshots of the three screens (the README's pictures come from here).
 */
@Timeout(300)
@WithServer
class WholeRoomTest {

  private TestServer server;
  private Facilitator facilitator;
  private Vertx vertx;
  private final List<Browser> browsers = new ArrayList<>();

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(Browser::close);
  }

  private Browser open(Browser browser) {
    browsers.add(browser);
    return browser;
  }

  private String url(String path) {
    return server.origin() + path;
  }

  @Test
  @DisplayName("Console creates the session, the kiosk shows code and QR, three phones post, recognise and exchange contacts")
  void theWholeRoom() throws Exception {
    Browser console = open(Browser.screen());
    console.go(url("/regie"));
    console.find(By.name("username")).sendKeys(TestServer.ADMIN);
    console.find(By.name("password")).sendKeys(TestServer.PASSWORD);
    console.find(By.cssSelector(".login-form button[type=submit]")).click();
    console.find(By.xpath("//nav//a[normalize-space()='Nieuwe sessie']")).click();
    WebElement template = console.find(By.cssSelector("input[type=radio][value=transformatiedialoog]"));
    if (!template.isSelected()) {
      template.click();
    }
    console.find(By.name("title")).sendKeys("Transformatiedialoog Oost");
    console.find(By.name("municipality")).sendKeys("Utrecht");
    console.find(By.name("community")).sendKeys("Werkgemeenschap Oost");
    console.find(By.xpath("//button[normalize-space()='Sessie aanmaken']")).click();
    String code = console.find(By.cssSelector(".join-code")).getText().trim();
    String joinUrl = url("/j/" + code);
    console.find(By.cssSelector("li.phase[data-phase=verhalen] button")).click();
    // Boolean.TRUE, not true: a ternary of true and null unboxes the null and throws while waiting.
    console.await(d -> d.findElement(By.cssSelector("li.phase[data-phase=verhalen]")).getText().contains("Nu")
        || d.findElements(By.cssSelector("li.phase[data-phase=verhalen] button")).isEmpty() ? Boolean.TRUE : null);
    String kioskUrl = console.find(By.xpath("//a[normalize-space()='Open kiosk']")).getAttribute("href");

    Browser kiosk = open(Browser.screen());
    kiosk.go(kioskUrl);
    assertEquals(code, kiosk.await(d -> {
      String shown = d.findElement(By.id("join-code")).getText().trim();
      return shown.isEmpty() ? null : shown;
    }));
    WebElement qr = kiosk.find(By.id("qr"));
    assertEquals(joinUrl, ShownQrCode.decode(kiosk, "qr"), "the QR code leads to the join URL");
    assertTrue(qr.isDisplayed() && qr.getSize().getWidth() >= 150, "the QR code is large enough to scan: " + qr.getSize());

    PhonePage fatima = new PhonePage(open(Browser.phone()), server.origin());
    PhonePage joost = new PhonePage(open(Browser.phone()), server.origin());
    PhonePage ali = new PhonePage(open(Browser.phone()), server.origin());
    fatima.openJoinLink(code).showingName().join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige", "+31 6 11112222",
        "fatima@jeugdteam-oost.nl");
    joost.openJoinLink(code).showingName().join("Joost", "GGD Utrecht", "jeugdarts", "+31 6 33334444", "joost@ggd-utrecht.nl");
    ali.openJoinLink(code).showingName().join("Ali", "Basisschool De Brug", "intern begeleider");

    fatima.post("Drie loketten", "Een moeder belde drie loketten voordat iemand haar echt hielp.");
    joost.post("", "Een jongere wachtte veertien weken op een gesprek met de jeugdarts.");
    for (PhonePage phone : List.of(fatima, joost, ali)) {
      phone.browser().awaitText("Een moeder belde drie loketten");
      phone.browser().awaitText("veertien weken");
    }
    kiosk.awaitText("Een moeder belde drie loketten");
    kiosk.awaitText("veertien weken");

    // Ali recognises Fatima's story.
    WebElement fatimaPost = ali.browser().await(d -> d.findElements(By.cssSelector("#post-list li")).stream()
        .filter(li -> li.getText().contains("drie loketten")).findFirst().orElse(null));
    fatimaPost.findElement(By.xpath(".//button[normalize-space()='Herken ik']")).click();
    ali.tap("Herkenning plaatsen");
    fatima.browser().awaitText("1 herkenning");
    kiosk.awaitText("1 herkenning");

    // Fatima asks Joost for contact; Joost accepts; both get each other's card.
    fatima.openView("mensen");
    fatima.browser().awaitText("Joost");
    WebElement joostRow = fatima.browser().await(d -> d.findElements(By.cssSelector("#people-list li")).stream()
        .filter(li -> li.getText().contains("Joost")).findFirst().orElse(null));
    joostRow.findElement(By.xpath(".//button[normalize-space()='Contact vragen']")).click();
    fatima.tap("Verzoek versturen");
    joost.openView("mensen");
    joost.tap("Accepteren");
    fatima.openView("contacten");
    fatima.browser().awaitText("joost@ggd-utrecht.nl");
    joost.openView("contacten");
    joost.browser().awaitText("fatima@jeugdteam-oost.nl");
    fatima.browser().find(By.cssSelector("#contact-list button")).click();
    Path vcard = fatima.awaitDownload(".vcf");
    String card = Files.readString(vcard);
    assertTrue(card.startsWith("BEGIN:VCARD\r\nVERSION:3.0\r\nN:;Joost;;;\r\n"), card);
    assertTrue(card.contains("FN:Joost"), card);
    assertTrue(card.contains("+31633334444"), card);

    // The kiosk shows the new connection between the two organisations, and never a number or address.
    kiosk.await(d -> d.findElements(By.cssSelector("#web-svg line")).size() == 1 ? Boolean.TRUE : null);
    kiosk.awaitText("GGD Utrecht");
    String kioskDom = kiosk.dom();
    for (String secret : List.of("+31 6 11112222", "31611112222", "0611112222", "fatima@jeugdteam-oost.nl",
        "+31 6 33334444", "31633334444", "0633334444", "joost@ggd-utrecht.nl")) {
      assertFalse(kioskDom.contains(secret), "the kiosk never shows " + secret);
    }
    String aliDom = ali.browser().dom();
    assertFalse(aliDom.contains("joost@ggd-utrecht.nl") || aliDom.contains("fatima@jeugdteam-oost.nl"),
        "a third phone never sees the others' details");

    keepScreenshots(console, kiosk, fatima.browser());
  }

  @Test
  @DisplayName("A phone goes offline, types a story, the server restarts, the phone reconnects: the story appears once everywhere")
  void offlineStorySurvivesRestart() throws Exception {
    JsonObject session = facilitator.storySession();
    String code = session.getString("code");
    Browser kiosk = open(Browser.screen());
    kiosk.go(session.getString("kioskUrl"));
    kiosk.find(By.id("join-code"));
    PhonePage phone = new PhonePage(open(Browser.phone()), server.origin());
    phone.openJoinLink(code).showingName().join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");

    phone.browser().offline(true);
    int port = server.stop();
    phone.browser().await(d -> "offline".equals(d.findElement(By.cssSelector("[data-status]"))
        .getAttribute("data-status")) ? Boolean.TRUE : null);
    String story = "Geschreven zonder verbinding: de school en het wijkteam spraken elkaar eindelijk.";
    phone.post("Zonder verbinding", story);
    phone.browser().awaitText("wacht op verbinding");
    server.startAgain(port);
    phone.browser().offline(false);

    // Right after the restart the store may answer `unavailable` (nothing stored): a phone tries again.
    Phone joined = org.awaitility.Awaitility.await("a phone joins once the restarted server's store answers")
        .atMost(java.time.Duration.ofSeconds(20)).ignoreExceptionsInstanceOf(AssertionError.class)
        .until(() -> Phone.join(vertx, server.port(), code, "Joost", "GGD Utrecht"), java.util.Objects::nonNull);
    try (Phone other = joined) {
      kiosk.awaitText(story);
      phone.browser().await(d -> d.findElement(By.id("post-list")).getText().contains(story)
          && !d.findElement(By.tagName("body")).getText().contains("wacht op verbinding") ? Boolean.TRUE : null);
      boolean seenByOther = other.welcome.encode().contains(story)
          || other.live.receives(m -> m.encode().contains(story), 20_000);
      assertTrue(seenByOther, "a phone that joins after the restart sees the story");
      assertEquals(1L, kiosk.script("return [...document.querySelectorAll('#posts .post')]"
          + ".filter(p => p.textContent.includes(arguments[0])).length", story), "once on the kiosk");
      assertEquals(1L, phone.browser().script("return [...document.querySelectorAll('#post-list li')]"
          + ".filter(p => p.textContent.includes(arguments[0])).length", story), "once on the phone");
      long stored = server.server().database().collection(Database.EVENTS).countDocuments(
          new Document("session", session.getString("id")).append("data.post.text", story));
      assertEquals(1, stored, "stored once");
    }
  }

  private static void keepScreenshots(Browser console, Browser kiosk, Browser phone) throws Exception {
    String dir = System.getProperty("dialoogtafel.screenshots");
    if (dir == null) {
      return;
    }
    Path target = Path.of(dir);
    Files.createDirectories(target);
    Files.write(target.resolve("regie.png"), console.driver().getScreenshotAs(OutputType.BYTES));
    Files.write(target.resolve("kiosk.png"), kiosk.driver().getScreenshotAs(OutputType.BYTES));
    phone.script("location.hash = '#wand'");
    Files.write(target.resolve("telefoon.png"), phone.driver().getScreenshotAs(OutputType.BYTES));
  }

}
