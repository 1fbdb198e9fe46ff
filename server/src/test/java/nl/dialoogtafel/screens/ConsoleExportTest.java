package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import io.vertx.core.json.JsonObject;
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
import org.openqa.selenium.WebElement;

/** The console's two downloads during a session, clicked in a real Chromium logged in through the console. */
@Timeout(180)
@WithServer
@DisplayName("The console's downloads during the session")
class ConsoleExportTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Browser browser;

  @Test
  @DisplayName("'Verslag tot nu toe (JSON)' and 'Berichten (CSV)' download the session's files under dated names")
  void buttonsDownload() throws Exception {
    SessionScript session = facilitator.script().create("Dialoog West", "Utrecht", null);
    try (Phone anna = session.join("Anna", "Wijkteam West", "ambulant hulpverlener", true)) {
      session.phase("verhalen");
      session.post(anna, "een", "story", "Op tijd", "Het gezin kreeg binnen een week hulp.");
    }
    browser.go(server.origin() + "/regie");
    browser.find(By.name("username")).sendKeys(TestServer.ADMIN);
    browser.find(By.name("password")).sendKeys(TestServer.PASSWORD);
    browser.find(By.cssSelector(".login-form button[type=submit]")).click();
    browser.find(By.id("logout"));
    browser.go(server.origin() + "/regie#/sessie/" + session.id);

    WebElement record = browser.find(By.cssSelector(".export-panel a[data-export=record]"));
    WebElement posts = browser.find(By.cssSelector(".export-panel a[data-export=posts]"));
    assertEquals("Verslag tot nu toe (JSON)", record.getText());
    assertEquals("Berichten (CSV)", posts.getText());
    assertEquals(server.origin() + "/api/sessions/" + session.id + "/export.json?lang=nl", record.getAttribute("href"));
    assertEquals(server.origin() + "/api/sessions/" + session.id + "/posts.csv?lang=nl", posts.getAttribute("href"));
    List<String> violations = browser.accessibilityViolations();
    assertTrue(violations.isEmpty(), "the session view with its downloads:\n" + String.join("\n", violations));

    String day = LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString();
    posts.click();
    String csv = Files.readString(awaitDownload("berichten-" + day + "-" + session.id + ".csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFFId;Volgnummer;"), csv);
    assertTrue(csv.contains("Het gezin kreeg binnen een week hulp."), csv);
    record.click();
    JsonObject export = new JsonObject(Files.readString(awaitDownload("verslag-" + day + "-" + session.id + ".json")));
    assertEquals("dialoogtafel-verslag/1", export.getString("format"));
    assertEquals(session.id, export.getJsonObject("session").getString("id"));
  }

  /** A finished download of that name: Chromium writes into a .crdownload beside it first. */
  private static Path awaitDownload(String name) {
    return browser.await(d -> {
      try (Stream<Path> files = Files.list(browser.downloads())) {
        List<Path> all = files.toList();
        if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) {
          return null;
        }
        Path file = browser.downloads().resolve(name);
        return Files.exists(file) && Files.size(file) > 0 ? file : null;
      } catch (IOException e) {
        return null;
      }
    });
  }
}
