package nl.dialoogtafel.screens.phone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.dialoogtafel.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The phone page as a person uses it: fill in the join form, write, tap buttons by their words. */
public final class PhonePage {

  private final Browser browser;
  private final String origin;

  public PhonePage(Browser browser, String origin) {
    this.browser = browser;
    this.origin = origin;
    // Headless Chromium keeps a minimum window width of its own: make the viewport a real 360 px phone.
    browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740,
        "deviceScaleFactor", 2, "mobile", true));
  }

  public Browser browser() {
    return browser;
  }

  /** Opens the QR target /j/{code} and waits for the join form. */
  public PhonePage openJoinLink(String code) {
    browser.go(origin + "/j/" + code);
    browser.find(By.id("join-name"));
    return this;
  }

  /** Ticks "Toon mijn naam in het verslag" (unticked by default: a name only when chosen). */
  public PhonePage showingName() {
    WebElement tick = browser.find(By.id("join-show-name"));
    if (!tick.isSelected()) {
      tick.click();
    }
    return this;
  }

  /** Fills in who you are and taps "Meedoen"; waits for the session view. */
  public PhonePage join(String name, String organisation, String role) {
    return join(name, organisation, role, null, null);
  }

  public PhonePage join(String name, String organisation, String role, String phone, String email) {
    fillJoinForm(name, organisation, role, phone, email);
    browser.find(By.id("join-submit")).click();
    browser.find(By.id("phase-title"));
    return this;
  }

  public void fillJoinForm(String name, String organisation, String role, String phone, String email) {
    type(By.id("join-name"), name);
    type(By.id("join-organisation"), organisation);
    type(By.id("join-role"), role);
    if (phone != null) {
      type(By.id("join-phone"), phone);
    }
    if (email != null) {
      type(By.id("join-email"), email);
    }
  }

  public void type(By field, String text) {
    WebElement input = browser.find(field);
    input.clear();
    input.sendKeys(text);
  }

  /** Writes a post in the composer and taps its submit button. */
  public void post(String title, String text) {
    type(By.id("compose-title"), title);
    type(By.id("compose-text"), text);
    browser.find(By.id("compose-submit")).click();
  }

  /** The first visible button whose words are exactly these. */
  public WebElement button(String words) {
    return browser.find(By.xpath("//button[normalize-space()='" + words + "']"));
  }

  public void tap(String words) {
    button(words).click();
  }

  public void openView(String fragment) {
    browser.find(By.cssSelector("nav a[href='#" + fragment + "']")).click();
  }

  /** The participant id this phone was given, as kept on the device. */
  public String participantId(String code) {
    return browser.await(d -> (String) browser.script(
        "const m = JSON.parse(localStorage.getItem('dialoogtafel.phone.' + arguments[0] + '.member') || 'null');"
            + " return m && m.participantId;", code));
  }

  public String text(By by) {
    return browser.find(by).getText();
  }

  /** The text of an element even when it is empty or hidden (a list with nothing in it yet). */
  public String textOf(String id) {
    return String.valueOf(browser.script("const e = document.getElementById(arguments[0]); return e ? e.textContent : '';", id));
  }

  public long innerWidth() {
    return ((Number) browser.script("return window.innerWidth")).longValue();
  }

  public long scrollWidth() {
    return ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
  }

  /** Waits for a finished download (not a .crdownload) ending in the suffix and returns it. */
  /**
   * Waits for a finished download. Chromium first makes an empty file under the final name and
   * writes into a {@code .crdownload} beside it, so a file counts once it has bytes and no
   * download is still in progress.
   */
  public Path awaitDownload(String suffix) {
    return browser.await(d -> {
      try (Stream<Path> files = Files.list(browser.downloads())) {
        List<Path> all = files.toList();
        if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) {
          return null;
        }
        for (Path p : all) {
          if (p.getFileName().toString().endsWith(suffix) && Files.size(p) > 0) {
            return p;
          }
        }
        return null;
      } catch (IOException e) {
        return null;
      }
    });
  }
}
