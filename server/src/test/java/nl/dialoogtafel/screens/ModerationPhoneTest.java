package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import nl.dialoogtafel.screens.phone.PhonePage;
import nl.dialoogtafel.support.Browser;
import nl.dialoogtafel.support.Facilitator;
import nl.dialoogtafel.support.Phone;
import nl.dialoogtafel.support.TestServer;
import nl.dialoogtafel.support.WithServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;

/** Moderation as the author's real phone page shows it (one short browser test). */
@Timeout(120)
@WithServer
class ModerationPhoneTest {

  private static TestServer server;
  private static Facilitator facilitator;
  private static Vertx vertx;

  @Test
  @DisplayName("A hide shows the author's phone 'verborgen door de gespreksleider' with the reason; a restore puts the story back")
  void hideShowsTheReasonToTheAuthor() throws Exception {
    JsonObject session = facilitator.storySession();
    String code = session.getString("code");
    String id = session.getString("id");
    try (Browser browser = Browser.phone(); Phone other = Phone.join(vertx, server.port(), code, "Bram", "GGD")) {
      PhonePage page = new PhonePage(browser, server.origin());
      page.openJoinLink(code).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
      page.post("Samen aan tafel", "Door school en wijkteam samen aan tafel te zetten liep het weer.");
      String postId = other.live.nextEvent("post.added").getJsonObject("data").getJsonObject("post").getString("id");
      browser.await(d -> page.text(By.id("post-list")).contains("Door school en wijkteam") ? true : null);

      assertEquals(200, facilitator.post("/api/sessions/" + id + "/posts/" + postId + "/hide",
          new JsonObject().put("reason", "Herleidbaar naar een gezin")).statusCode());
      browser.await(d -> page.text(By.id("post-list")).contains("Verborgen door de gespreksleider") ? true : null);
      String wall = page.text(By.id("post-list"));
      assertEquals(true, wall.contains("Reden: Herleidbaar naar een gezin"), wall);
      assertFalse(wall.contains("staat op de wand"), wall);
      assertFalse(wall.contains("Door school en wijkteam"), "the words left every screen, the author's too");

      assertEquals(200, facilitator.post("/api/sessions/" + id + "/posts/" + postId + "/restore",
          new JsonObject()).statusCode());
      browser.await(d -> page.text(By.id("post-list")).contains("Door school en wijkteam") ? true : null);
      assertFalse(page.text(By.id("post-list")).contains("Verborgen door de gespreksleider"));
    }
  }

  @Test
  @DisplayName("With pre-moderation the author's phone shows 'wacht op de gespreksleider', then 'niet geplaatst' with the reason")
  void waitingThenDeclinedOnTheAuthorsPhone() throws Exception {
    HttpResponse<String> created = facilitator.post("/api/sessions", new JsonObject()
        .put("template", "transformatiedialoog").put("title", "Wachtrij").put("municipality", "Zwolle")
        .put("premoderation", true));
    JsonObject session = new JsonObject(created.body());
    String id = session.getString("id");
    server.startPhase(facilitator.cookie(), id, "verhalen");
    try (Browser browser = Browser.phone()) {
      PhonePage page = new PhonePage(browser, server.origin());
      page.openJoinLink(session.getString("code")).join("Fatima", "Jeugdteam Oost", "jeugdverpleegkundige");
      page.post("Eerst langs de gespreksleider", "Een verhaal over de Kemphaanweg.");
      browser.await(d -> page.text(By.id("wall")).contains("Wacht op de gespreksleider") ? true : null);
      assertEquals(true, page.text(By.id("wall")).contains("Kemphaanweg"), "the author sees their own words");
      assertFalse(page.text(By.id("wall")).contains("staat op de wand"));
      JsonObject waiting = new JsonObject(facilitator.get("/api/sessions/" + id + "/queue").body())
          .getJsonArray("waiting").getJsonObject(0);
      assertEquals(200, facilitator.post("/api/sessions/" + id + "/queue/" + waiting.getString("id") + "/decline",
          new JsonObject().put("reason", "Te herleidbaar")).statusCode());
      browser.await(d -> page.text(By.id("wall")).contains("Niet geplaatst door de gespreksleider") ? true : null);
      assertEquals(true, page.text(By.id("wall")).contains("Reden: Te herleidbaar"));
    }
  }
}
