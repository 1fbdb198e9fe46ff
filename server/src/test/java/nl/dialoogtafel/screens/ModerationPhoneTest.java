package nl.dialoogtafel.screens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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
}
