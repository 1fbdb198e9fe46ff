package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import nl.dialoogtafel.support.AdminCookie;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The console's moderation at phone width, by keyboard: the queue (plaatsen, niet plaatsen) and terugzetten. */
@Timeout(180)
@WithServer
class ConsoleModerationTest {

  private static TestServer server;
  private static Vertx vertx;
  @AdminCookie
  private static String cookie;

  @Test
  @DisplayName("At 360 px the queue shows a waiting post; Enter on 'Plaatsen' puts it up, 'Niet plaatsen' with a reason tells the author; 'Terugzetten' undoes a hide")
  void queueAndRestoreByKeyboard() throws Exception {
    HttpResponse<String> created = server.post("/api/sessions", cookie, new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Wachtrij").put("municipality", "Zwolle")
        .put("premoderation", true));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject session = new JsonObject(created.body());
    String id = session.getString("id");
    server.startPhase(cookie, id, "verhalen");
    try (Browser browser = Browser.open(360, 800);
        Phone author = Phone.join(vertx, server.port(), session.getString("code"), "Noor", "Wijkteam");
        Phone other = Phone.join(vertx, server.port(), session.getString("code"), "Bram", "GGD")) {
      browser.go(server.origin() + "/regie");
      browser.find(By.name("username")).sendKeys(TestServer.ADMIN);
      browser.find(By.name("password")).sendKeys(TestServer.PASSWORD);
      browser.find(By.cssSelector(".login-form button[type=submit]")).click();
      browser.find(By.id("logout"));
      browser.go(server.origin() + "/regie#/sessie/" + id);
      browser.await(d -> d.findElement(By.cssSelector(".queue-panel input[type=checkbox]")).isSelected() ? true : null);

      author.post("q-1", "story", "Het verhaal van de Lepelaarstraat.");
      author.post("q-2", "story", "Een verhaal dat niet op de wand komt.");
      WebElement approve = browser.await(d -> {
        List<WebElement> buttons = d.findElements(By.cssSelector(".queue-panel [data-action=approve]"));
        return buttons.size() == 2 ? buttons.get(0) : null;
      });
      assertTrue(browser.find(By.cssSelector(".queue-panel")).getText().contains("Lepelaarstraat"));
      approve.sendKeys(Keys.ENTER);
      JsonObject added = other.live.nextEvent("post.added");
      assertEquals("Het verhaal van de Lepelaarstraat.", added.getJsonObject("data").getJsonObject("post").getString("text"));

      WebElement decline = browser.await(d -> {
        List<WebElement> buttons = d.findElements(By.cssSelector(".queue-panel [data-action=decline]"));
        return buttons.size() == 1 ? buttons.get(0) : null;
      });
      decline.sendKeys(Keys.ENTER);
      WebElement reason = browser.find(By.cssSelector(".queue-panel .decline-form textarea"));
      reason.sendKeys("Te herleidbaar");
      browser.find(By.cssSelector(".queue-panel .decline-form button[type=submit]")).sendKeys(Keys.ENTER);
      assertEquals("Te herleidbaar", author.live.nextPrivate("post.declined").getJsonObject("data").getString("reason"));
      browser.awaitText("Er wacht niets.");
      Object overflow = browser.script("const w = document.documentElement.clientWidth;"
          + "return [...document.querySelectorAll('.queue-panel *, .queue-panel')]"
          + ".filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.tagName + '.' + e.className).join(', ');");
      assertEquals("", overflow, "nothing in the queue panel sticks out sideways");

      String postId = added.getJsonObject("data").getJsonObject("post").getString("id");
      assertEquals(200, server.post("/api/sessions/" + id + "/posts/" + postId + "/hide", cookie,
          new JsonObject().put("reason", "Even niet")).statusCode());
      WebElement restore = browser.find(By.cssSelector(".hidden-posts [data-action=restore]"));
      restore.sendKeys(Keys.ENTER);
      assertEquals(postId, other.live.nextEvent("post.restored").getJsonObject("data").getString("post"));
      List<String> violations = browser.accessibilityViolations();
      assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
  }
}
