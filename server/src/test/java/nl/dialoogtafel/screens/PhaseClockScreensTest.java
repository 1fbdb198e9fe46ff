package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.dialoogtafel.screens.phone.PhonePage;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The phase clock on the real screens: the kiosk (projector size), a phone and the console at
 * phone width, all showing the same clock as the facilitator pauses, adds five minutes, restarts
 * and locks (extension {@code phase.clock}).
 */
@Timeout(300)
@WithServer
class PhaseClockScreensTest {

  private static final Pattern TIME = Pattern.compile("(\\d\\d):(\\d\\d)");

  private static TestServer server;
  @AdminCookie
  private static String cookie;
  /** The kiosk, projector-sized. */
  private static Browser browser;

  @Test
  @DisplayName("The kiosk shows the first phase's full time, not started, however long after the session was made")
  void firstPhaseWaits() throws Exception {
    JsonObject session = server.createSession(cookie);
    browser.go(session.getString("kioskUrl"));
    browser.await(d -> "waiting".equals(timer(browser).getAttribute("data-clock")) ? true : null);
    assertEquals("20:00 · klok nog niet gestart", text(browser, "timer").replace("Resterende tijd: ", ""));
  }

  @Test
  @DisplayName("Pause, +5 minutes and restart from the console at phone width reach the kiosk and a phone; a lock holds it")
  void consoleCommandsTheClock() throws Exception {
    JsonObject session = server.createSession(cookie);
    server.startPhase(cookie, session.getString("id"), "verhalen");
    browser.go(session.getString("kioskUrl"));
    browser.await(d -> "running".equals(timer(browser).getAttribute("data-clock")) ? true : null);

    try (Browser hand = Browser.phone()) {
      PhonePage phone = new PhonePage(hand, server.origin());
      phone.openJoinLink(session.getString("code")).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
      String phoneTab = hand.driver().getWindowHandle();
      hand.await(d -> "running".equals(d.findElement(By.id("phase-clock")).getAttribute("data-clock")) ? true : null);
      assertEquals("off", hand.find(By.id("phase-clock")).getAttribute("aria-live"));

      hand.driver().switchTo().newWindow(WindowType.TAB);
      String consoleTab = hand.driver().getWindowHandle();
      hand.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740,
          "deviceScaleFactor", 2, "mobile", true));
      logIn(hand);
      hand.go(server.origin() + "/regie#/sessie/" + session.getString("id"));
      WebElement toggle = hand.await(d -> visible(d, ".clock-panel .clock-toggle"));
      assertEquals("Pauzeer de klok", toggle.getText());
      toggle.click();

      int paused = seconds(awaitMode(browser, "timer", "paused"));
      assertTrue(paused > 38 * 60 && paused <= 40 * 60, "paused with what was left of 40 minutes: " + paused);
      assertTrue(text(browser, "timer").contains("klok staat stil"), text(browser, "timer"));
      hand.driver().switchTo().window(phoneTab);
      assertEquals(paused, seconds(awaitMode(hand, "phase-clock", "paused")), "the phone shows the kiosk's time");

      hand.driver().switchTo().window(consoleTab);
      hand.await(d -> visible(d, ".clock-panel .clock-extend")).click();
      browser.await(d -> seconds(text(browser, "timer")) == paused + 300 ? true : null);
      assertEquals("paused", timer(browser).getAttribute("data-clock"), "a paused clock stays paused with 5 more minutes");
      hand.driver().switchTo().window(phoneTab);
      hand.await(d -> seconds(text(hand, "phase-clock")) == paused + 300 ? true : null);

      hand.driver().switchTo().window(consoleTab);
      hand.await(d -> visible(d, ".clock-panel .clock-restart")).click();
      int restarted = seconds(awaitMode(browser, "timer", "running"));
      assertTrue(restarted > 39 * 60 && restarted <= 40 * 60, "the full 40 minutes again: " + restarted);

      // Locked: the clock stands still on every screen, and a kiosk that reconnects shows the same time.
      assertEquals(200, server.post("/api/sessions/" + session.getString("id") + "/lock", cookie, new JsonObject())
          .statusCode());
      int held = seconds(awaitMode(browser, "timer", "held"));
      hand.await(d -> "held".equals(d.findElement(By.cssSelector(".clock-panel")).getAttribute("data-clock")) ? true : null);
      assertEquals(List.of(), hand.driver().findElements(By.cssSelector(".clock-panel button")).stream()
          .filter(WebElement::isDisplayed).toList(), "no clock buttons while locked");
      hand.driver().switchTo().window(phoneTab);
      assertEquals(held, seconds(awaitMode(hand, "phase-clock", "held")));
      browser.driver().navigate().refresh();
      assertEquals(held, seconds(awaitMode(browser, "timer", "held")), "the reconnected kiosk shows the same time left");

      assertEquals(200, server.post("/api/sessions/" + session.getString("id") + "/reopen", cookie, new JsonObject())
          .statusCode());
      int reopened = seconds(awaitMode(browser, "timer", "running"));
      assertTrue(reopened <= held && reopened >= held - 5, "runs on from where it was: " + held + " → " + reopened);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private static WebElement timer(Browser on) {
    return on.find(By.id("timer"));
  }

  private static String text(Browser on, String id) {
    return String.valueOf(on.script("return document.getElementById(arguments[0]).textContent", id));
  }

  /** Waits until the clock element says this mode, and returns its text. */
  private static String awaitMode(Browser on, String id, String mode) {
    return on.await(d -> mode.equals(d.findElement(By.id(id)).getAttribute("data-clock")) ? text(on, id) : null);
  }

  /** "Resterende tijd: 39:52 · klok staat stil" → 2392. */
  private static int seconds(String shown) {
    Matcher time = TIME.matcher(shown);
    if (!time.find()) {
      return -1;
    }
    return Integer.parseInt(time.group(1)) * 60 + Integer.parseInt(time.group(2));
  }

  private static WebElement visible(WebDriver d, String css) {
    return d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
  }

  private static void logIn(Browser on) {
    on.go(server.origin() + "/regie");
    WebElement name = on.await(d -> visible(d, "[name=username]"));
    name.sendKeys(TestServer.ADMIN);
    on.find(By.name("password")).sendKeys(TestServer.PASSWORD);
    on.find(By.cssSelector(".login-form button[type=submit]")).click();
    on.find(By.id("logout"));
  }
}
